"""Goodbye Desktop: client records, early warnings and careful departures for a solo business."""

__version__ = "0.1.0"
APP_ID = "io.github.goodbye_desktop.GoodbyeDesktop"
APP_NAME = "Goodbye Desktop"

"""Dialogs: settings, business profile, template editor, import preview."""

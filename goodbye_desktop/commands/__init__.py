"""The headless commands of `goodbye-desktop`, one module each.

Each module exposes `register(subparsers) -> None`, which adds its parser and
`set_defaults(run=function)`; `run(args) -> int` returns the exit status. The database is
already open when `run` is called (see `goodbye_desktop.cli`), and errors a user can cause
are raised as `GoodbyeError`, which the command line prints as one line.
"""

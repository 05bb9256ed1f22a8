"""Entry point for `python -m goodbye_desktop`."""

import sys

try:
    from goodbye_desktop.cli import main

    status = main()
except KeyboardInterrupt:
    # Ctrl+C before the command line had even loaded: no traceback, status 130.
    status = 130
sys.exit(status)

"""Entry point for `python -m goodbye_desktop`."""

import sys

from goodbye_desktop.cli import main

sys.exit(main())

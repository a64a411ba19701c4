"""Entry point for ``python -m frontdesk``: the command-line interface."""

import sys

from frontdesk.cli import main

sys.exit(main())

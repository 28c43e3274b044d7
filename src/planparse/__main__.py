"""``python -m planparse``: the command line."""

import sys

from planparse.cli import main

sys.exit(main())

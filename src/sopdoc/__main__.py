"""``python -m sopdoc``: the same as the ``sopdoc`` command."""

import sys

from .cli import main

sys.exit(main())

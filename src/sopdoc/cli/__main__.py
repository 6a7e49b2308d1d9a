"""``python -m sopdoc.cli``: the same as the ``sopdoc`` command."""

import sys

from . import main

sys.exit(main())

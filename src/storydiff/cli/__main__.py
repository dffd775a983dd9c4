"""``python -m storydiff.cli``: the same as the ``storydiff`` command."""

from storydiff.cli import main

raise SystemExit(main())

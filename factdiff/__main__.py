"""``python -m factdiff``: the same as the ``factdiff`` command."""

from .cli import main

main()

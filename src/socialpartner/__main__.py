"""``python -m socialpartner``: the command line."""

from socialpartner.cli import main

main()

"""Run the command line with `python -m jobtui`."""

from jobtui.cli.main import main

main()

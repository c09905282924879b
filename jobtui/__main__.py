"""Run the command line with `python -m jobtui`."""

from jobtui.cli.process import run

run()

"""The `jobtui` process: the command line, started and ended as a short run.

A command such as `jobtui due` lives for a few dozen milliseconds, and two
things it does not need take about a fifth of that: the cycle collector walking
every object as the modules are imported, and tearing every module down object
by object at exit. `run` leaves both out, and lets a plain `jobtui due` line
(see `quick`) or a plain line that opens the board (see `quick_board`) skip
click. `main` in `jobtui.cli.main` stays an ordinary function, for tests and
for anyone calling it in a process of their own.
"""

from __future__ import annotations

import gc
import sys


def run() -> None:
    """Run the command line as a process of its own (the `jobtui` script)."""
    # Commands make next to no cyclic garbage; the board, which runs for hours,
    # turns the collector back on once it is on screen (see `open_board`).
    gc.disable()
    try:
        from jobtui.cli.quick import run_quickly
        from jobtui.cli.quick_board import open_board_quickly

        args = sys.argv[1:]
        if not (run_quickly(args) or open_board_quickly(args)):
            from jobtui.cli.main import main

            main()
    finally:
        # What is still alive at exit, the system reclaims at once; Python would
        # otherwise search it for cycles and free it piece by piece.
        gc.freeze()

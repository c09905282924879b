"""`jobtui` and `jobtui demo` go straight to the board, read without click.

The board is what a user starts most often, and from the launch to the cards
on screen every millisecond shows; click takes some fifteen of them to import.
A line that opens the board is short and plain, so `open_board_quickly` reads
exactly these forms:

    jobtui [--db PATH]
    jobtui [--db PATH] demo

and opens the board as click's way would, with the same errors and exit
status. Anything else (help, a version, a typo, an unusual path, any other
command) it leaves to click. tests/test_quick_board.py runs both ways.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from jobtui.cli.quick import for_click, run_as_click_would


class BoardLine(NamedTuple):
    """A plain line that opens the board: on a database, or on demo data."""

    db_path: Path | None
    demo: bool


def read_board_line(args: list[str]) -> BoardLine | None:
    """What `args` open if they are a plain board line, else None (for click)."""
    db_path, rest = None, args
    if rest[:1] == ["--db"] and len(rest) > 1:
        db_path, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--db="):
        db_path, rest = rest[0].removeprefix("--db="), rest[1:]
    if rest not in ([], ["demo"]) or (db_path is not None and for_click(db_path)):
        return None
    return BoardLine(None if db_path is None else Path(db_path), demo=bool(rest))


def open_board_quickly(args: list[str]) -> bool:
    """Open the board if `args` are a plain board line; False if they are not.

    Raises:
        SystemExit: with the status click's way would exit with, after an error.
    """
    line = read_board_line(args)
    if line is None:
        return False

    # Imported only now, so that a line left to click does not pay for them.
    from jobtui.cli.board import open_board, open_demo
    from jobtui.cli.context import Env

    def board() -> None:
        (open_demo if line.demo else open_board)(Env.create(line.db_path))

    run_as_click_would(board)
    return True

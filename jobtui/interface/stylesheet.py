"""The one stylesheet, read in two parts: the board's rules first, the rest later.

Textual reads every rule of an app's stylesheet before it draws the first
frame, and most of jobtui's rules are for the screens over the board (forms,
the detail view, the composer, Today, the numbers): reading those took some
7 ms of the board's start-up. The file keeps one order, the board's rules above
the `LATER` line and every other screen's below it; the app reads the part
below before it first shows another screen.
"""

from __future__ import annotations

from typing import NamedTuple

from jobtui.interface import STYLESHEET

# The line in the stylesheet above which the board's own rules stand.
LATER = "/* ==== Below: the screens over the board"


class StylesheetParts(NamedTuple):
    """The stylesheet's text, split at the `LATER` line.

    `later` starts with as many blank lines as `board` has lines, so that
    Textual's messages about a rule in it give the rule's line in the file.
    """

    board: str
    later: str


def read_parts() -> StylesheetParts:
    """The board's part of the stylesheet and the rest, read from the file."""
    text = STYLESHEET.read_text(encoding="utf-8")
    board, line, later = text.partition(LATER)
    if not line:
        return StylesheetParts(text, "")
    return StylesheetParts(board, "\n" * board.count("\n") + line + later)

"""Where the board's cursor is: a column, and in each column the card chosen there.

Each column keeps the card last chosen in it, so that moving left and right
comes back to it. A card that moves within its column (time passed, or it was
edited) keeps the cursor; one that leaves it hands the cursor to whichever
card now stands at its row.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from jobtui.interface.board.cards import Card, Urgency
from jobtui.interface.board.column import StageColumn

if TYPE_CHECKING:
    from jobtui.interface.board.board import Board


class Cursor:
    """The cursor of one board: which column, and which card in each column."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self.position = 0
        # Whether the user has put the cursor somewhere, by key, mouse or change.
        self.moved = False
        self._chosen: dict[str, str] = {}
        self._rows: dict[str, int] = {}

    @property
    def column(self) -> StageColumn:
        """The column the cursor is in."""
        return self.board.columns[self.position]

    @property
    def card(self) -> Card | None:
        """The card under the cursor, or None when its column shows none."""
        row = self.row(self.column)
        if row is None:
            return None
        return self.board.model.card_at(self.column.list.cards, row)

    def reset(self) -> None:
        """Forget the chosen cards: each column starts again at its first.

        Only the card the user put the cursor on, if any, stays chosen.
        """
        kept = self._chosen.get(self.column.stage) if self.moved else None
        self._chosen.clear()
        self._rows.clear()
        if kept is not None:
            self._chosen[self.column.stage] = kept

    def navigable(self) -> list[int]:
        """The positions of the columns that show cards, in order."""
        return [
            position
            for position, column in enumerate(self.board.columns)
            if column.display and not column.collapsed
        ]

    def keep_in_view(self) -> None:
        """Move off a column that no longer shows cards (collapsed or hidden)."""
        navigable = self.navigable()
        if self.position not in navigable and navigable:
            self.position = navigable[0]

    def row(self, column: StageColumn) -> int | None:
        """The chosen row in a column: its chosen card's, or the nearest one."""
        shown = column.list.cards.shown
        if not shown or column.collapsed:
            return None
        chosen = self._chosen.get(column.stage)
        if chosen is not None:
            index = self.board.model.index_in(column.list.cards, chosen)
            if index is not None:
                self._rows[column.stage] = index
                return index
        row = min(self._rows.get(column.stage, 0), len(shown) - 1)
        self._chosen[column.stage] = shown[row][-1]
        self._rows[column.stage] = row
        return row

    def choose(self, position: int, app_id: str) -> None:
        """Put the cursor on a card of the column at `position`."""
        self.moved = True
        self.position = position
        self._chosen[self.board.columns[position].stage] = app_id

    def to_card(self, app_id: str) -> bool:
        """Put the cursor on an application's card; False if it is not on show."""
        model = self.board.model
        if app_id not in model.cards:
            return False
        cards = model.column_of(app_id)
        if model.index_in(cards, app_id) is None:
            return False
        for position in self.navigable():
            if self.board.columns[position].stage == cards.name:
                self.choose(position, app_id)
                return True
        return False

    def to_row(self, to: Callable[[int, int], int]) -> bool:
        """Move within the column to `to(row, count)`, kept in range; False if none."""
        column = self.column
        row = self.row(column)
        if row is None:
            return False
        count = len(column.list.cards.shown)
        row = max(0, min(count - 1, to(row, count)))
        self.choose(self.position, column.list.cards.shown[row][-1])
        return True

    def to_column(self, step: int) -> bool:
        """Move to the column `step` places left or right; False at the edge."""
        navigable = self.navigable()
        if self.position not in navigable:
            return False
        place = navigable.index(self.position) + step
        if not 0 <= place < len(navigable):
            return False
        self.position = navigable[place]
        self.moved = True
        return True

    def to_number(self, number: int) -> bool:
        """Move to the column numbered `number` in its head; False if there is none."""
        navigable = self.navigable()
        if not 1 <= number <= len(navigable):
            return False
        self.position = navigable[number - 1]
        self.moved = True
        return True

    def to_next_due(self) -> bool:
        """Move to the next card whose follow-up is due, going round; False if none.

        Due cards sort first in every column, so each column's due cards are
        the ones before its first "move on".
        """
        navigable = self.navigable()
        if not navigable:
            return False
        start = navigable.index(self.position) if self.position in navigable else 0
        row = self.row(self.column)
        for turn in range(len(navigable) + 1):
            position = navigable[(start + turn) % len(navigable)]
            shown = self.board.columns[position].list.cards.shown
            due = bisect_left(shown, (int(Urgency.MOVE_ON),))
            first = row + 1 if turn == 0 and row is not None else 0
            if first < due:
                self.choose(position, shown[first][-1])
                return True
        return False

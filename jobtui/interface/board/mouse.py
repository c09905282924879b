"""The mouse on the board: what is under the pointer, and dragging a card.

A press on a card focuses it and captures the mouse; moving with the button
down starts the drag, and the column under the pointer then shows where the
card would land. Releasing over another column moves the card there, exactly
as a key would; releasing anywhere else, or Escape, leaves it where it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.geometry import Offset

from jobtui.interface.board.cards import Card
from jobtui.interface.board.column import StageColumn

if TYPE_CHECKING:
    from jobtui.interface.board.board import Board

ORDER_HINT = "Cards sort by urgency within a stage, so they cannot be reordered by hand"


class Drag:
    """The state of one press-and-drag on the board."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self.app_id: str | None = None
        self.origin: StageColumn | None = None
        self.target: StageColumn | None = None
        self.start = Offset()
        self.active = False

    def press(self, event: events.MouseDown) -> None:
        """A button went down: focus the card under the pointer, if any."""
        if event.button != 1:
            return
        x, y = event.screen_offset
        card = self.card_at(x, y)
        if card is None:
            return
        event.stop()
        self.board.focus()
        self.board.focus_card(card.app_id)
        self.app_id = card.app_id
        self.origin = self.column_at(x, y)
        self.start = event.screen_offset
        self.board.capture_mouse()

    def move(self, event: events.MouseMove) -> None:
        """The pointer moved: start dragging, or follow it to the column below."""
        if self.app_id is None or self.origin is None:
            return
        if not self.active:
            if event.screen_offset == self.start:
                return
            self.active = True
            self.origin.list.dragged = self.app_id
            self.origin.list.clear_cache()
            self.board.refresh_bindings()
        self._aim(self.column_at(*event.screen_offset))

    def release(self, event: events.MouseUp) -> None:
        """The button came up: drop the card on the column under the pointer."""
        if self.app_id is None:
            return
        app_id, origin, was_dragging = self.app_id, self.origin, self.active
        target = self.column_at(*event.screen_offset)
        self._finish()
        if not was_dragging or origin is None:
            return
        if target is None:
            self.board.notify("Move cancelled: dropped outside the columns")
        elif target is origin:
            self.board.notify(ORDER_HINT)
        else:
            self.board.post_message(self.board.Moved(app_id, target.stage))

    def cancel(self, message: str | None) -> None:
        """Stop a drag without moving anything, saying so if `message` is given."""
        if self.app_id is None:
            return
        was_dragging = self.active
        self._finish()
        if was_dragging and message:
            self.board.notify(message)

    def column_at(self, x: int, y: int) -> StageColumn | None:
        """The column at a point of the screen, or None."""
        try:
            widget, _ = self.board.screen.get_widget_at(x, y)
        except Exception:
            return None
        for node in (widget, *widget.ancestors):
            if isinstance(node, StageColumn):
                return node
            if node is self.board:
                break
        return None

    def card_at(self, x: int, y: int) -> Card | None:
        """The card at a point of the screen, or None."""
        column = self.column_at(x, y)
        if column is None or column.collapsed:
            return None
        top = column.list.content_region.y
        index = column.list.card_index_at(y - top)
        if index is None:
            return None
        return self.board.model.card_at(column.list.cards, index)

    def follow_up_at(self, x: int, y: int) -> Card | None:
        """The card whose follow-up line is at a point of the screen, or None."""
        card = self.card_at(x, y)
        column = self.column_at(x, y)
        if card is None or column is None:
            return None
        top = column.list.content_region.y
        return card if column.list.is_follow_up_line(y - top) else None

    def _aim(self, column: StageColumn | None) -> None:
        """Highlight the column the card would drop into, and where it lands."""
        if column is self.target:
            return
        if self.target is not None:
            self.target.mark("-drop-target", False)
            self.target.list.drop_index = None
            self.target.list.refresh()
        self.target = column
        if column is None or column is self.origin or self.app_id is None:
            return
        column.mark("-drop-target", True)
        if not column.collapsed:
            index = self.board.model.landing_index(self.app_id, column.stage)
            column.list.drop_index = index
            column.list.scroll_to_card(min(index, len(column.list.cards.shown)))
            column.list.refresh()

    def _finish(self) -> None:
        """Forget the drag and take its marks off the columns."""
        self._aim(None)
        if self.origin is not None and self.origin.list.dragged is not None:
            self.origin.list.dragged = None
            self.origin.list.clear_cache()
        self.app_id = None
        self.origin = None
        self.active = False
        self.board.release_mouse()
        self.board.refresh_bindings()

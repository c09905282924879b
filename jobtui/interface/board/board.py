"""The board: a column per stage side by side, a cursor on one card, and its keys.

The board owns how cards are shown and chosen; what happens to a chosen card
(opening it, moving it, editing it) is for the screen, which hears of it by the
messages below and answers by calling `put` or `remove`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from pendulum import DateTime
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll
from textual.message import Message
from textual.timer import Timer

from jobtui.domain.model import Application
from jobtui.domain.times import seconds_since_epoch
from jobtui.domain.uistate import CLOSED_COLLAPSED, CLOSED_HIDDEN, CLOSED_MODES
from jobtui.interface.board.board_model import BoardModel
from jobtui.interface.board.cards import Card, Urgency
from jobtui.interface.board.column import StageColumn
from jobtui.interface.board.dragging import Drag

# Besides the exact instants at which some urgency changes, the board looks
# again this often, so that "due in 5 h" counts down and nothing is missed.
TICK_SECONDS = 30.0
# Timers run on the real clock; a little late is better than a little early.
TURN_MARGIN = 0.05

EMPTY_HINT = "No applications yet: press n to add one."
NO_MATCH_HINT = "No match."
CARD_KEYS = ("open", "edit", "delete", "interview", "reply", "offer", "move")


class Board(HorizontalScroll, can_focus=True, inherit_bindings=False):
    """Every stage's column, with the cursor, the keys and drag and drop.

    Args:
        model: the cards, loaded.
        clock: the current time; the tests move it.
        closed_mode: how closed stages show: "shown", "collapsed" or "hidden".
    """

    ALLOW_SELECT = False

    BINDINGS = [
        Binding(
            "up,k", "cursor(-1)", "Card above", id="card_up", show=False, system=True
        ),
        Binding(
            "down,j", "cursor(1)", "Card below", id="card_down", show=False, system=True
        ),
        Binding("left,h", "column(-1)", "Column left", id="column_left", show=False),
        Binding("right,l", "column(1)", "Column right", id="column_right", show=False),
        Binding(
            "home", "edge(0)", "First card", id="first_card", show=False, system=True
        ),
        Binding("end", "edge(1)", "Last card", id="last_card", show=False, system=True),
        Binding("pageup", "page(-1)", "Page up", id="page_up", show=False, system=True),
        Binding(
            "pagedown", "page(1)", "Page down", id="page_down", show=False, system=True
        ),
        *(
            Binding(str(n), f"jump({n})", f"Column {n}", id=f"column_{n}", show=False)
            for n in range(1, 10)
        ),
        Binding(
            "enter",
            "request('open')",
            "Open",
            id="open",
            tooltip="Open the application: every detail and its history",
        ),
        Binding("n", "request('add')", "Add", id="new", tooltip="Add an application"),
        Binding(
            "e", "request('edit')", "Edit", id="edit", tooltip="Edit the application"
        ),
        Binding(
            "d",
            "request('delete')",
            "Delete",
            id="delete",
            show=False,
            tooltip="Delete the application, after asking",
        ),
        Binding(
            "i",
            "request('interview')",
            "Record an interview",
            id="interview",
            show=False,
        ),
        Binding("r", "request('reply')", "Record a reply", id="reply", show=False),
        Binding("o", "request('offer')", "Record an offer", id="offer", show=False),
        Binding(
            "m",
            "request('move')",
            "Move to…",
            id="move",
            tooltip="Move the card to a stage chosen from a list",
        ),
        Binding(
            "shift+left,H",
            "shift(-1)",
            "Move to previous stage",
            id="move_left",
            show=False,
        ),
        Binding(
            "shift+right,L",
            "shift(1)",
            "Move to next stage",
            id="move_right",
            show=False,
        ),
        Binding(
            "f",
            "next_due",
            "Next due",
            id="next_due",
            tooltip="Jump to the next card whose follow-up is due, going round",
        ),
        Binding(
            "c",
            "closed_stages",
            "Closed stages",
            id="closed_stages",
            show=False,
            tooltip="Show closed stages, collapse them to their heads, or hide them",
        ),
        Binding(
            "u,ctrl+z",
            "request('undo')",
            "Undo",
            id="undo",
            tooltip="Undo the last move, edit or delete",
        ),
        Binding("escape", "cancel_drag", "Cancel drag", id="cancel_drag", show=False),
    ]

    class Opened(Message):
        """The user asked to open an application's detail view."""

        def __init__(self, app_id: str) -> None:
            super().__init__()
            self.app_id = app_id

    class Moved(Message):
        """The user moved a card to another stage, by key or by dragging it."""

        def __init__(self, app_id: str, stage: str) -> None:
            super().__init__()
            self.app_id = app_id
            self.stage = stage

    class Requested(Message):
        """The user asked for an action: add, edit, delete, move, undo and so on.

        `app_id` is the focused card's application, None when there is none.
        """

        def __init__(self, action: str, app_id: str | None) -> None:
            super().__init__()
            self.action = action
            self.app_id = app_id

    class Changed(Message):
        """Cards changed or time moved on: counts of what is due may differ."""

    class ClosedStagesChanged(Message):
        """Closed stages were shown, collapsed or hidden."""

        def __init__(self, mode: str) -> None:
            super().__init__()
            self.mode = mode

    def __init__(
        self,
        model: BoardModel,
        *,
        clock: Callable[[], DateTime],
        closed_mode: str = "shown",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.model = model
        self.clock = clock
        self.closed_mode = closed_mode
        self.columns = [
            StageColumn(model, column.name, closed=column.stage.closed)
            for column in model.columns
        ]
        self._cursor = 0
        self._chosen: dict[str, str] = {}
        self._rows: dict[str, int] = {}
        self._turn_timer: Timer | None = None
        self.drag = Drag(self)

    def compose(self) -> ComposeResult:
        """The columns, in stage order."""
        yield from self.columns

    def on_mount(self) -> None:
        """Arrange the columns, place the cursor and start watching the clock."""
        self._arrange_closed()
        self._cursor = self._navigable()[0] if self._navigable() else 0
        self.refresh_cards()
        self.set_interval(TICK_SECONDS, self.tick)
        self._schedule_turn()

    # What the screen calls.

    @property
    def focused_card(self) -> Card | None:
        """The card under the cursor, or None when its column shows none."""
        column = self.columns[self._cursor]
        row = self._row(column)
        if row is None:
            return None
        return self.model.card_at(column.list.cards, row)

    @property
    def focused_id(self) -> str | None:
        """The id of the application under the cursor, or None."""
        card = self.focused_card
        return card.app_id if card is not None else None

    def put(self, application: Application, *, follow: bool = False) -> None:
        """Show a new or changed application; `follow` moves the cursor onto it."""
        before = self.model.cards.get(application.id)
        self.model.put(application, self.clock())
        self._mount_new_columns()
        if follow:
            self.focus_card(application.id)
        stages = {application.stage}
        if before is not None:
            stages.add(before.application.stage)
        self._update_columns(stages)

    def remove(self, app_id: str) -> None:
        """Take an application off the board."""
        card = self.model.remove(app_id)
        if card is not None:
            self._update_columns({card.application.stage})

    def reload(self) -> None:
        """Show the model again after it was loaded anew (after a failed write)."""
        self._mount_new_columns()
        self.refresh_cards()

    def set_filter(self, text: str) -> None:
        """Show only the cards whose company, role or tags match `text`."""
        focused = self.focused_id
        self.model.set_filter(text)
        if (
            focused is not None
            and self.model.index_in(self.model.column_of(focused), focused) is not None
        ):
            self._chosen[self.model.column_of(focused).name] = focused
        self.refresh_cards()

    def focus_card(self, app_id: str) -> bool:
        """Put the cursor on an application's card; False if it is not on show."""
        if app_id not in self.model.cards:
            return False
        cards = self.model.column_of(app_id)
        if self.model.index_in(cards, app_id) is None:
            return False
        for position, column in enumerate(self.columns):
            if column.stage == cards.name and position in self._navigable():
                self._cursor = position
                self._chosen[cards.name] = app_id
                self.refresh_cursor()
                return True
        return False

    def tick(self) -> None:
        """Bring urgency and the cards' words up to the clock's time."""
        self.model.advance(self.clock())
        for column in self.columns:
            column.list.clear_cache()
        self.refresh_cards()
        self._schedule_turn()

    def refresh_cards(self) -> None:
        """Redraw every column from the model."""
        self._update_columns({column.stage for column in self.columns})

    def refresh_cursor(self) -> None:
        """Show the cursor where it is, and scroll it into view."""
        for position, column in enumerate(self.columns):
            row = self._row(column) if position == self._cursor else None
            column.mark("-cursor", position == self._cursor)
            if column.list.cursor != row or column.list.active != self.has_focus:
                column.list.cursor = row
                column.list.active = self.has_focus
                column.list.refresh()
            if row is not None:
                column.list.scroll_to_card(row)
        if self.columns:
            self.scroll_to_widget(self.columns[self._cursor], animate=False)

    # Keys.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Card actions need a card; cancelling a drag needs a drag."""
        if action == "cancel_drag":
            return self.drag.active
        if action == "shift" or (action == "request" and parameters[0] in CARD_KEYS):
            return True if self.focused_card is not None else None
        return True

    def action_cursor(self, step: int) -> None:
        """Move the cursor up or down the column."""
        self._move_row(lambda row, count: row + step)

    def action_edge(self, end: int) -> None:
        """Move the cursor to the column's first or last card."""
        self._move_row(lambda row, count: count - 1 if end else 0)

    def action_page(self, step: int) -> None:
        """Move the cursor a page of cards up or down."""
        size = self.columns[self._cursor].list.page_size
        self._move_row(lambda row, count: row + step * size)

    def action_column(self, step: int) -> None:
        """Move the cursor to the column on the left or right."""
        navigable = self._navigable()
        if self._cursor not in navigable:
            return
        place = navigable.index(self._cursor) + step
        if 0 <= place < len(navigable):
            self._cursor = navigable[place]
            self.refresh_cursor()

    def action_jump(self, number: int) -> None:
        """Move the cursor to the numbered column."""
        navigable = self._navigable()
        if 1 <= number <= len(navigable):
            self._cursor = navigable[number - 1]
            self.refresh_cursor()

    def action_request(self, action: str) -> None:
        """Ask the screen to do something, for the focused card if any."""
        if action == "open" and self.focused_id is not None:
            self.post_message(self.Opened(self.focused_id))
        else:
            self.post_message(self.Requested(action, self.focused_id))

    def action_shift(self, step: int) -> None:
        """Move the focused card to the previous or next stage."""
        card = self.focused_card
        if card is None:
            return
        names = [column.name for column in self.model.columns]
        place = names.index(self.model.column_of(card.app_id).name) + step
        if not 0 <= place < len(names):
            edge = "first" if step < 0 else "last"
            self.notify(f"{card.application.stage} is the {edge} stage")
            return
        self.post_message(self.Moved(card.app_id, names[place]))

    def action_next_due(self) -> None:
        """Move the cursor to the next card whose follow-up is due, going round."""
        navigable = self._navigable()
        if not navigable:
            return
        start = navigable.index(self._cursor) if self._cursor in navigable else 0
        row = self._row(self.columns[self._cursor])
        for turn in range(len(navigable) + 1):
            position = navigable[(start + turn) % len(navigable)]
            column = self.columns[position]
            due = bisect_left(column.list.cards.shown, (int(Urgency.MOVE_ON),))
            first = (row + 1) if turn == 0 and row is not None else 0
            if first < due:
                self._cursor = position
                self._chosen[column.stage] = self.model.card_at(
                    column.list.cards, first
                ).app_id
                self.refresh_cursor()
                return
        self.notify("No follow-up is due now.")

    def action_closed_stages(self) -> None:
        """Show closed stages, collapse them to their heads, or hide them, in turn."""
        index = CLOSED_MODES.index(self.closed_mode)
        self.closed_mode = CLOSED_MODES[(index + 1) % len(CLOSED_MODES)]
        self._arrange_closed()
        self.refresh_cards()
        self.notify(f"Closed stages {self.closed_mode}")
        self.post_message(self.ClosedStagesChanged(self.closed_mode))

    def action_cancel_drag(self) -> None:
        """Drop nothing: the dragged card stays where it was."""
        self.drag.cancel("Move cancelled")

    # Focus and mouse.

    def on_focus(self) -> None:
        """Show the cursor as active."""
        self.refresh_cursor()

    def on_blur(self) -> None:
        """Show the cursor as idle."""
        self.refresh_cursor()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Focus the card under the pointer, and get ready to drag it."""
        self.drag.press(event)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Show where a dragged card would land."""
        self.drag.move(event)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """Drop a dragged card on the column under the pointer."""
        self.drag.release(event)

    def on_mouse_release(self) -> None:
        """Someone else took the mouse: no drag goes on."""
        self.drag.cancel(None)

    def on_click(self, event: events.Click) -> None:
        """A double click opens the card under the pointer."""
        if event.chain == 2:
            card = self.card_at(event.screen_offset.x, event.screen_offset.y)
            if card is not None:
                self.post_message(self.Opened(card.app_id))

    def column_at(self, x: int, y: int) -> StageColumn | None:
        """The column at a point of the screen, or None."""
        try:
            widget, _ = self.screen.get_widget_at(x, y)
        except Exception:
            return None
        for node in (widget, *widget.ancestors):
            if isinstance(node, StageColumn):
                return node
            if node is self:
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
        return self.model.card_at(column.list.cards, index)

    def point_at(self, card: Card) -> None:
        """Put the cursor on a card the pointer chose."""
        self.focus_card(card.app_id)

    # Inner workings.

    def _navigable(self) -> list[int]:
        """The positions of the columns that show cards, in order."""
        return [
            position
            for position, column in enumerate(self.columns)
            if column.display and not column.collapsed
        ]

    def _row(self, column: StageColumn) -> int | None:
        """The cursor's row in a column: its chosen card's, or the nearest."""
        shown = column.list.cards.shown
        if not shown or column.collapsed:
            return None
        chosen = self._chosen.get(column.stage)
        if chosen is not None:
            index = self.model.index_in(column.list.cards, chosen)
            if index is not None:
                self._rows[column.stage] = index
                return index
        row = min(self._rows.get(column.stage, 0), len(shown) - 1)
        self._chosen[column.stage] = shown[row][-1]
        self._rows[column.stage] = row
        return row

    def _move_row(self, to: Callable[[int, int], int]) -> None:
        column = self.columns[self._cursor]
        row = self._row(column)
        if row is None:
            return
        count = len(column.list.cards.shown)
        row = max(0, min(count - 1, to(row, count)))
        self._chosen[column.stage] = self.model.card_at(column.list.cards, row).app_id
        self.refresh_cursor()

    def _update_columns(self, stages: set[str]) -> None:
        keys = {stage.casefold() for stage in stages}
        empty = not self.model.cards
        for position, column in enumerate(self.columns):
            if column.stage.casefold() in keys:
                column.list.update_cards()
                column.update_head()
            if empty:
                hint = EMPTY_HINT if position == 0 else ""
            else:
                hint = NO_MATCH_HINT if self.model.filtering else ""
            if hint != column.list.hint:
                column.list.hint = hint
                column.list.refresh()
        if self._cursor not in self._navigable() and self._navigable():
            self._cursor = self._navigable()[0]
        self.refresh_cursor()
        self.post_message(self.Changed())

    def _arrange_closed(self) -> None:
        number = 0
        for column in self.columns:
            if column.has_class("-closed"):
                column.set_class(self.closed_mode == CLOSED_COLLAPSED, "-collapsed")
                column.display = self.closed_mode != CLOSED_HIDDEN
            shows_cards = column.display and not column.collapsed
            number += shows_cards
            column.number = number if shows_cards and number < 10 else None
            column.update_head()

    def _mount_new_columns(self) -> None:
        for cards in self.model.columns[len(self.columns) :]:
            column = StageColumn(self.model, cards.name, closed=cards.stage.closed)
            self.columns.append(column)
            self.mount(column)
            self._arrange_closed()

    def _schedule_turn(self) -> None:
        """Tick again at the next instant some urgency changes, if it comes soon."""
        if self._turn_timer is not None:
            self._turn_timer.stop()
            self._turn_timer = None
        turn = self.model.next_turn()
        if turn is None:
            return
        delay = max(0.0, turn - seconds_since_epoch(self.clock())) + TURN_MARGIN
        if delay < TICK_SECONDS:
            self._turn_timer = self.set_timer(delay, self.tick)

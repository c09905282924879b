"""The board: a column per stage side by side, a cursor on one card, and its keys.

The board owns how cards are shown and chosen; what happens to a chosen card
(opening it, moving it, editing it) is for the screen, which hears of it by the
messages below and answers by calling `put` or `remove`.
"""

from __future__ import annotations

from collections.abc import Callable

from pendulum import DateTime
from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalScroll
from textual.message import Message
from textual.timer import Timer

from jobtui.domain.model import Application
from jobtui.domain.times import seconds_since_epoch
from jobtui.domain.uistate import CLOSED_COLLAPSED, CLOSED_HIDDEN, CLOSED_MODES
from jobtui.interface.board.board_model import BoardModel
from jobtui.interface.board.cards import Card
from jobtui.interface.board.column import CARD_STYLES, StageColumn
from jobtui.interface.board.cursor import Cursor
from jobtui.interface.board.keys import BOARD_BINDINGS, CARD_ACTIONS
from jobtui.interface.board.mouse import Drag

# Besides the exact instants at which some urgency changes, the board looks
# again this often, so that "due in 5 h" counts down and nothing is missed.
TICK_SECONDS = 30.0
# Timers run on the real clock; a little late is better than a little early.
TURN_MARGIN = 0.05

EMPTY_HINT = "No applications yet: press n to add one."
NO_MATCH_HINT = "No match."


class Board(HorizontalScroll, can_focus=True, inherit_bindings=False):
    """Every stage's column, with the cursor, the keys and drag and drop.

    Args:
        model: the cards, loaded.
        clock: the current time; the tests move it.
        closed_mode: how closed stages show: "shown", "collapsed" or "hidden".
    """

    ALLOW_SELECT = False

    BINDINGS = BOARD_BINDINGS
    # Every list's card parts, styled once here (see `CARD_STYLES`).
    COMPONENT_CLASSES = CARD_STYLES

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
        self.cursor = Cursor(self)
        self._scrolled_to: tuple[int, int | None] | None = None
        self._turn_timer: Timer | None = None
        self.drag = Drag(self)

    def compose(self) -> ComposeResult:
        """The columns, in stage order, closed ones already shown as they will be."""
        # Arranged before they are mounted, the columns are styled once, not
        # restyled at once for a class each closed one gains.
        self._arrange_closed(restyle=False)
        yield from self.columns

    def on_mount(self) -> None:
        """Place the cursor and start watching the clock."""
        self.cursor.keep_in_view()
        self.refresh_cards()
        self.set_interval(TICK_SECONDS, self.tick)
        self._schedule_turn()

    # What the screen calls.

    @property
    def focused_card(self) -> Card | None:
        """The card under the cursor, or None when its column shows none."""
        return self.cursor.card

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

    def reload(self, *, to_top: bool = False) -> None:
        """Show the model again after it was loaded or sorted anew.

        Args:
            to_top: put the cursor on each column's first card, as when the
                cards were first sorted by urgency (but for a card the user
                already chose).
        """
        if to_top:
            self.cursor.reset()
        self._mount_new_columns()
        for column in self.columns:
            column.list.clear_cache()
        self.refresh_cards()
        self._schedule_turn()

    def set_filter(self, text: str) -> None:
        """Show only the cards whose company, role or tags match `text`."""
        focused = self.focused_id
        self.model.set_filter(text)
        if focused is not None:
            self.cursor.to_card(focused)
        self.refresh_cards()

    def focus_card(self, app_id: str) -> bool:
        """Put the cursor on an application's card; False if it is not on show."""
        if not self.cursor.to_card(app_id):
            return False
        self.refresh_cursor()
        return True

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
        """Show the cursor where it is, scrolled into view if it went somewhere.

        A cursor that stayed put leaves the view alone, where the mouse wheel
        may have taken it.
        """
        here = self.cursor.position
        for position, column in enumerate(self.columns):
            row = self.cursor.row(column) if position == here else None
            column.mark("-cursor", position == here)
            if column.list.cursor != row or column.list.active != self.has_focus:
                column.list.cursor = row
                column.list.active = self.has_focus
                column.list.refresh()
            if position == here and (here, row) != self._scrolled_to:
                self._scrolled_to = (here, row)
                if row is not None:
                    column.list.scroll_to_card(row)
                self.scroll_to_widget(column, animate=False)

    # Keys.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Card actions need a card; cancelling a drag needs a drag."""
        if action == "cancel_drag":
            return self.drag.active
        if action == "shift" or (action == "request" and parameters[0] in CARD_ACTIONS):
            return True if self.focused_card is not None else None
        return True

    def action_cursor(self, step: int) -> None:
        """Move the cursor up or down the column."""
        self._moved(self.cursor.to_row(lambda row, count: row + step))

    def action_edge(self, end: int) -> None:
        """Move the cursor to the column's first or last card."""
        self._moved(self.cursor.to_row(lambda row, count: count - 1 if end else 0))

    def action_page(self, step: int) -> None:
        """Move the cursor a page of cards up or down."""
        size = self.cursor.column.list.page_size
        self._moved(self.cursor.to_row(lambda row, count: row + step * size))

    def action_column(self, step: int) -> None:
        """Move the cursor to the column on the left or right."""
        self._moved(self.cursor.to_column(step))

    def action_jump(self, number: int) -> None:
        """Move the cursor to the numbered column."""
        self._moved(self.cursor.to_number(number))

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
        if not self.cursor.to_next_due():
            self.notify("No follow-up is due now.")
        self.refresh_cursor()

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

    def on_resize(self) -> None:
        """Bring the cursor back into view in the new size."""
        self._scrolled_to = None
        self.call_after_refresh(self.refresh_cursor)

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
        """A double click opens the card; a click on its follow-up, the composer."""
        if event.chain == 2:
            card = self.drag.card_at(*event.screen_offset)
            if card is not None:
                self.post_message(self.Opened(card.app_id))
        elif event.chain == 1:
            card = self.drag.follow_up_at(*event.screen_offset)
            if card is not None and card.urgency.is_due:
                self.post_message(self.Requested("write", card.app_id))

    # Inner workings.

    def _moved(self, moved: bool) -> None:
        if moved:
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
        self.cursor.keep_in_view()
        self.refresh_cursor()
        self.post_message(self.Changed())

    def _arrange_closed(self, *, restyle: bool = True) -> None:
        number = 0
        for column in self.columns:
            if column.has_class("-closed"):
                collapsed = self.closed_mode == CLOSED_COLLAPSED
                column.set_class(collapsed, "-collapsed", update=restyle)
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

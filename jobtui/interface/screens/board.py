"""The board screen: the filter, the board, the status line and the keys.

It has its cards loaded (see `card_loading`), filters them, keeps the status
line current, and hands what the board asks for to `CardActions`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from pendulum import DateTime
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from jobtui.domain.rules import next_window
from jobtui.domain.settings import Settings
from jobtui.domain.workspace import Workspace
from jobtui.interface.board.board import Board
from jobtui.interface.board.board_model import BoardModel
from jobtui.interface.board.cards import Urgency
from jobtui.interface.board.footer import BoardFooter
from jobtui.interface.board.status import StatusLine
from jobtui.interface.screens.board_help import board_keys, legend
from jobtui.interface.screens.card_actions import CardActions
from jobtui.interface.screens.card_loading import CardLoader

if TYPE_CHECKING:
    from jobtui.domain.notes.drafts import DraftStore

# How often the status line looks whether writes are still going on.
SAVING_POLL = 0.2


class BoardScreen(Screen[None]):
    """The board with its filter and status line.

    Args:
        workspace: the applications, in memory over the store.
        settings: the user's settings (rules, calendar, zone).
        clock: the current time.
        closed_mode: how closed stages show at first.
    """

    # No widget takes the focus by itself (the filter would, then lose it):
    # the board takes it once mounted.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding(
            "slash",
            "filter",
            "Filter",
            id="filter",
            tooltip="Filter the board by company, role or tag as you type",
            # Before the keys after it are handed out, so that none is lost.
            priority=True,
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            id="clear_filter",
            show=False,
            tooltip="Clear the filter and go back to the board",
        ),
        Binding("question_mark", "help", "Help", id="help", tooltip="This help"),
    ]

    class WriteFailed(Message):
        """A background write failed; sent from the writer thread."""

        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        clock: Callable[[], DateTime],
        closed_mode: str = "shown",
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.settings = settings
        self.clock = clock
        calendar = settings.calendar()
        self.model = BoardModel(
            workspace.stages,
            lambda application, now: next_window(
                application,
                now,
                stages=workspace.stages,
                settings=settings.rules,
                calendar=calendar,
            ),
        )
        self.loader = CardLoader(self)
        self.loader.load()
        self.board = Board(self.model, clock=clock, closed_mode=closed_mode, id="board")
        self.actions = CardActions(self)
        self._saving: Timer | None = None

    @cached_property
    def drafts(self) -> DraftStore:
        """The drafts of notes, beside the database; read when first wanted."""
        from jobtui.domain.notes.drafts import DraftStore

        return DraftStore.beside(self.workspace.store.path)

    def compose(self) -> ComposeResult:
        """Filter, board, status line, keys."""
        yield Input(placeholder="/ to filter by company, role or tag", id="filter")
        yield self.board
        yield StatusLine(id="status")
        yield BoardFooter(compact=True)

    def on_mount(self) -> None:
        """Keys go to the board first."""
        # Moved there after the first frame, which the restyling it brings
        # (some 10 ms) would otherwise wait for.
        self.board.focus()
        self._show_status()
        self.loader.start()

    def on_unmount(self) -> None:
        """Let the collector see the cards again, now that they can go."""
        gc.unfreeze()

    def hold_background_work(self) -> None:
        """Let the screen draw a change before the windows are worked on again."""
        self.loader.hold()

    # The filter.

    def action_filter(self) -> None:
        """Type to filter the board."""
        self.set_focus(self.query_one("#filter", Input))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A / typed into the filter is part of the filter."""
        if action == "filter":
            return not isinstance(self.focused, Input)
        return True

    def action_clear_filter(self) -> None:
        """Show every card again and give the keys back to the board."""
        field = self.query_one("#filter", Input)
        if field.value:
            field.value = ""
            self.board.set_filter("")
        self.board.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        self.board.set_filter(event.value)

    def on_input_submitted(self) -> None:
        """Enter keeps the filter and goes back to the board."""
        self.board.focus()

    def go_to(self, app_id: str) -> None:
        """Put the cursor on an application, clearing a filter that hides it."""
        if not self.board.focus_card(app_id):
            self.action_clear_filter()
            self.board.focus_card(app_id)
        self.board.focus()

    # What the board asks for.

    def on_board_moved(self, event: Board.Moved) -> None:
        """Save a move at once, and follow the card to its new column."""
        self.actions.move(event.app_id, event.stage)

    def on_board_opened(self, event: Board.Opened) -> None:
        """Open the application's detail view."""
        self.actions.open_detail(event.app_id)

    def on_board_requested(self, event: Board.Requested) -> None:
        """Do what the user asked for with the focused card."""
        self.actions.request(event.action, event.app_id)

    def on_board_changed(self) -> None:
        """Counts may have changed."""
        self._show_status()

    def on_board_closed_stages_changed(self, event: Board.ClosedStagesChanged) -> None:
        """Remember how closed stages show, for the next run."""
        remember = getattr(self.app, "remember", None)
        if remember is not None:
            remember(closed_stages=event.mode)

    def on_board_screen_write_failed(self, event: WriteFailed) -> None:
        """Say what went wrong, and show what the file really holds."""
        self.notify(
            f"Could not save: {event.error}. The board shows the file as it is.",
            title="Not saved",
            severity="error",
            timeout=15,
        )
        self.workspace.reload()
        self.loader.load()
        self.board.reload()
        self.loader.start()

    def action_help(self) -> None:
        """Every key, and what each highlight means."""
        from jobtui.interface.screens.help import HelpScreen

        keys = board_keys((self.board, self, self.app), self.settings.keymap, self.app)
        self.app.push_screen(HelpScreen(keys, legend()))

    # The status line.

    def _show_status(self) -> None:
        self.query_one(StatusLine).show(
            due=self.model.due_count if self.model.settled else None,
            move_on=self.model.counts[Urgency.MOVE_ON],
            saving=self.workspace.pending > 0,
            path=self.workspace.store.path,
        )

    def show_saving(self) -> None:
        """Show "saving…" until every write is done."""
        self._show_status()
        if self._saving is None:
            self._saving = self.set_interval(SAVING_POLL, self._saving_check)

    def _saving_check(self) -> None:
        self._show_status()
        if self.workspace.pending == 0 and self._saving is not None:
            self._saving.stop()
            self._saving = None

"""The board screen: the filter, the board, the status line and the keys.

It builds the cards (at once, or shown first and sorted by urgency once their
windows are worked out), filters them, keeps the status line current, and
hands what the board asks for to `CardActions`.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from pendulum import DateTime
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from jobtui.domain.model import Application
from jobtui.domain.rules import next_window
from jobtui.domain.settings import Settings
from jobtui.domain.times import seconds_since_epoch
from jobtui.domain.workspace import Workspace
from jobtui.interface.board.board import Board
from jobtui.interface.board.board_model import BoardModel
from jobtui.interface.board.cards import Card, Urgency
from jobtui.interface.board.footer import BoardFooter
from jobtui.interface.board.status import StatusLine
from jobtui.interface.screens.board_help import board_keys, legend
from jobtui.interface.screens.card_actions import CardActions

if TYPE_CHECKING:
    from jobtui.domain.notes.drafts import DraftStore

# How often the status line looks whether writes are still going on.
SAVING_POLL = 0.2
# From this many applications on, the cards show before their windows are
# known (some 15 microseconds each, 15 ms for a thousand), which are worked out
# right after the first frame: in one go for fewer than WINDOWS_IN_TURNS_FROM,
# else by a worker a few at a time, so that keys are answered meanwhile.
WINDOWS_LATER_FROM = 500
WINDOWS_IN_TURNS_FROM = 2000
# A turn takes some 1.5 ms, so that a key waits no longer for one.
WINDOWS_PER_TURN = 100
# A pause after each turn: Textual answers a key in a chain of many small
# steps, each waiting for the next pass of the event loop; without a pause,
# every pass would also wait for a whole turn.
TURN_PAUSE = 0.001


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
        self._load()
        self.board = Board(self.model, clock=clock, closed_mode=closed_mode, id="board")
        self.actions = CardActions(self)
        self._saving: Timer | None = None
        # Set but while a change waits to be drawn (see `hold_background_work`).
        self._drawn = asyncio.Event()
        self._drawn.set()

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
        if self.model.settled:
            self.call_after_refresh(_collect_from_now_on)
        elif len(self.model.cards) < WINDOWS_IN_TURNS_FROM:
            # Queued behind the first frame, which Textual draws once mounted.
            self.call_later(self._windows_at_once)
        else:
            self.call_after_refresh(self._work_out_windows)

    def on_unmount(self) -> None:
        """Let the collector see the cards again, now that they can go."""
        gc.unfreeze()

    def _load(self) -> None:
        """Build every card: sorted at once when few, else sorted once shown."""
        applications = self.workspace.applications()
        with _no_collection():
            if len(applications) >= WINDOWS_LATER_FROM:
                self.model.load_provisional(applications, self.clock())
            else:
                self.model.load(applications, self.clock())

    def _windows_at_once(self) -> None:
        """Compute every window in one go, the cards being few enough."""
        build = self._card_builder()
        built = {app.id: build(app) for app in self.workspace.applications()}
        self._settle(built)

    def _work_out_windows(self) -> None:
        """Compute every window, once the cards are on screen."""
        self.run_worker(self._windows_in_turns(), group="windows", exclusive=True)

    async def _windows_in_turns(self) -> None:
        """Every window, a few at a time, so that keys are answered meanwhile.

        Not on a thread: a thread busy computing would hold the interpreter for
        5 ms at a time whenever the screen wants it. The cards are built here
        too, so that only their sorting is left for one go at the end; and the
        work waits while a moved card is still to be drawn.
        """
        applications = self.workspace.applications()
        build = self._card_builder()
        built: dict[str, Card] = {}
        for start in range(0, len(applications), WINDOWS_PER_TURN):
            await self._drawn.wait()
            for application in applications[start : start + WINDOWS_PER_TURN]:
                built[application.id] = build(application)
            await asyncio.sleep(TURN_PAUSE)
        await self._drawn.wait()
        self._settle(built)

    def _card_builder(self) -> Callable[[Application], Card]:
        """A card with its window, at the moment the board was loaded."""
        now = self.model.now
        assert now is not None
        window_of, moment = self.model.window_of, seconds_since_epoch(now)
        return lambda application: Card.build(
            application, window_of(application, now), moment
        )

    def _settle(self, built: dict[str, Card]) -> None:
        """Put the cards with their windows in place, sorted by urgency."""
        with _no_collection():
            self.model.settle_cards(built)
        _collect_from_now_on()
        # The order changed from the latest activity to urgency: the cursor
        # goes to the top, to the most urgent, as if the board had just opened.
        self.board.reload(to_top=True)

    def hold_background_work(self) -> None:
        """Let the screen draw a change before the windows are worked on again."""
        self._drawn.clear()
        self.call_after_refresh(self._drawn.set)

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
        self._load()
        self.board.reload()
        if not self.model.settled:
            self._work_out_windows()

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


@contextmanager
def _no_collection() -> Iterator[None]:
    """Build cards without the garbage collector, then keep it off what was built.

    Ten thousand applications are millions of objects: a full collection
    walking them would hold the screen still for a good part of a second, and
    they stay for the whole run anyway.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _collect_from_now_on() -> None:
    """Turn the cycle collector on, now that every card is loaded and frozen.

    The `jobtui` process starts with it off, so that start-up is not spent
    searching objects that are not garbage; the board runs for hours.
    """
    gc.freeze()
    gc.enable()

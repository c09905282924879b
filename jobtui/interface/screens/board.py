"""The board screen: the filter, the board, the status line and the keys.

It turns what the board asks for into changes in the workspace, which shows
them at once and writes them in the background, and into the other screens
(detail view, forms, confirmation, help), whose answers come back here.
"""

from __future__ import annotations

import asyncio
import copy
import gc
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

from pendulum import DateTime
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input

from jobtui.domain.errors import JobtuiError, NotFoundError
from jobtui.domain.model import Application, Event
from jobtui.domain.rules import Window, next_window
from jobtui.domain.settings import Settings
from jobtui.domain.workspace import Change, Workspace
from jobtui.interface.board.board import Board
from jobtui.interface.board.board_model import BoardModel
from jobtui.interface.board.cards import LEGEND, Urgency
from jobtui.interface.board.status import StatusLine

# How often the status line looks whether writes are still going on.
SAVING_POLL = 0.2
# From this many applications on, the cards show before their windows are
# known (about 30 microseconds each), which a worker then works out.
WINDOWS_LATER_FROM = 2000
WINDOWS_PER_TURN = 200
# Keys the help lists otherwise (the digits, as one line) or never needs (a
# drag is never going on while help is open).
HIDDEN_FROM_HELP = frozenset(
    {"cancel_drag", *(f"column_{number}" for number in range(1, 10))}
)
EVENT_WORDS = {
    "interview": "recorded an interview",
    "reply": "recorded a reply",
    "offer": "recorded an offer",
}


class BoardScreen(Screen[None]):
    """The board with its filter and status line.

    Args:
        workspace: the applications, in memory over the store.
        settings: the user's settings (rules, calendar, zone).
        clock: the current time.
        closed_mode: how closed stages show at first.
    """

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
        self._moves: deque[tuple[str, str, DateTime]] = deque()
        self.board = Board(self.model, clock=clock, closed_mode=closed_mode, id="board")
        self._saving: Timer | None = None

    def compose(self) -> ComposeResult:
        """Filter, board, status line, keys."""
        yield Input(placeholder="/ to filter by company, role or tag", id="filter")
        yield self.board
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Keys go to the board first."""
        self.board.focus()
        self._show_status()
        if not self.model.settled:
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

    def _work_out_windows(self) -> None:
        """Compute every window, once the cards are on screen."""
        self.run_worker(self._windows_in_turns(), group="windows", exclusive=True)

    async def _windows_in_turns(self) -> None:
        """Every window, a few at a time, so that keys are answered meanwhile.

        Not on a thread: a thread busy computing would hold the interpreter for
        5 ms at a time whenever the screen wants it.
        """
        applications = self.workspace.applications()
        now = self.model.now
        assert now is not None
        window_of = self.model.window_of
        known: dict[str, tuple[Application, Window | None]] = {}
        for start in range(0, len(applications), WINDOWS_PER_TURN):
            for application in applications[start : start + WINDOWS_PER_TURN]:
                known[application.id] = (application, window_of(application, now))
            await asyncio.sleep(0)
        with _no_collection():
            self.model.settle(known)
        self.board.tick()

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
        self.move(event.app_id, event.stage)

    def on_board_opened(self, event: Board.Opened) -> None:
        """Open the application's detail view."""
        self.open_detail(event.app_id)

    def on_board_requested(self, event: Board.Requested) -> None:
        """Do what the user asked for with the focused card."""
        self.request(event.action, event.app_id)

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

    def request(self, action: str, app_id: str | None) -> None:
        """Carry out a board action, such as "add", "edit", "delete" or "undo"."""
        self.commit_moves()
        if action == "add":
            self.add()
        elif action == "undo":
            self.undo()
        elif app_id is None:
            self.notify("Choose a card first.")
        elif action == "open":
            self.open_detail(app_id)
        elif action == "edit":
            self.edit(app_id)
        elif action == "delete":
            self.delete(app_id)
        elif action == "move":
            self.pick_stage(app_id)
        elif action in EVENT_WORDS:
            self.record_event(action, app_id)

    # Changes, through the workspace.

    def move(self, app_id: str, stage: str) -> None:
        """Move an application to a stage: on screen at once, then saved and said.

        The write runs on a thread of its own that competes with the screen for
        the interpreter, so it starts once the moved card has been drawn.
        """
        now = self.clock()
        try:
            target = self.workspace.stages.resolve(stage)
            moved = copy.deepcopy(self.model.cards[app_id].application)
            moved.move_to(target.name, now)
        except JobtuiError as error:
            self.notify(str(error), severity="error")
            return
        self.board.put(moved, follow=True)
        self._moves.append((app_id, target.name, now))
        self.call_after_refresh(self.commit_moves)

    def commit_moves(self) -> None:
        """Make the moves shown but not yet made in the workspace, in order."""
        moved = []
        while self._moves:
            app_id, stage, at = self._moves.popleft()
            self._change(partial(self.workspace.move, app_id, stage, at))
            moved.append(app_id)
        for app_id in dict.fromkeys(moved):
            # What the workspace holds is what is shown, whether the move took.
            try:
                self.board.put(self.workspace.get(app_id))
            except NotFoundError:
                self.board.remove(app_id)

    def undo(self) -> None:
        """Undo the latest move, edit or delete, and say what it was."""
        self.commit_moves()
        change = self.workspace.undo()
        if change is None:
            self.notify("Nothing to undo.")
            return
        try:
            self.board.put(self.workspace.get(change.app_id), follow=True)
        except NotFoundError:
            self.board.remove(change.app_id)
        self.notify(f"Undone: {change.description}.")
        self._watch_saving()

    def _change(self, make: Callable[[], Change]) -> Change | None:
        """Make a change in the workspace; say what it was, or why it could not be."""
        try:
            change = make()
        except JobtuiError as error:
            self.notify(str(error), severity="error")
            return None
        self.notify(f"{change.description[0].upper()}{change.description[1:]}.")
        self._watch_saving()
        return change

    # The other screens. Each is imported when first needed, so that the board
    # starts without them.

    def open_detail(self, app_id: str) -> None:
        """Show everything about an application; its answer may ask for more."""
        from jobtui.interface.screens.detail import DetailScreen

        self.commit_moves()
        application = self.workspace.get(app_id)
        now = self.clock()
        window = self.model.window_of(application, now)
        screen = DetailScreen(application, window, now=now, zone=self.settings.zone)
        self.app.push_screen(screen, partial(self._after_detail, app_id))

    def _after_detail(self, app_id: str, action: str | None) -> None:
        if action is not None:
            self.request(action, app_id)

    def add(self) -> None:
        """Ask for a new application and put it on the board."""
        from jobtui.interface.screens.application_form import ApplicationForm

        form = ApplicationForm(
            self.workspace.stages, zone=self.settings.zone, now=self.clock()
        )
        self.app.push_screen(form, self._added)

    def _added(self, application: Application | None) -> None:
        if application is not None and self._change(
            lambda: self.workspace.add(application)
        ):
            self.board.put(self.workspace.get(application.id), follow=True)

    def edit(self, app_id: str) -> None:
        """Edit a copy of an application; saving replaces it."""
        from jobtui.interface.screens.application_form import ApplicationForm

        form = ApplicationForm(
            self.workspace.stages,
            zone=self.settings.zone,
            now=self.clock(),
            application=self.workspace.editable(app_id),
        )
        self.app.push_screen(form, self._edited)

    def _edited(self, application: Application | None) -> None:
        if application is None:
            return
        words = f"edited {application.company} — {application.role}"
        if self._change(lambda: self.workspace.update(application, words)):
            self.board.put(self.workspace.get(application.id), follow=True)

    def delete(self, app_id: str) -> None:
        """Delete an application once the user confirms."""
        from jobtui.interface.screens.confirm import ConfirmScreen

        application = self.workspace.get(app_id)
        question = (
            f"Delete {application.company} — {application.role} and its history? "
            "Undo (u) brings it back."
        )
        self.app.push_screen(ConfirmScreen(question), partial(self._deleted, app_id))

    def _deleted(self, app_id: str, confirmed: bool | None) -> None:
        if confirmed and self._change(lambda: self.workspace.delete(app_id)):
            self.board.remove(app_id)

    def record_event(self, kind: str, app_id: str) -> None:
        """Record an interview, a reply or an offer from a quick form."""
        from jobtui.interface.screens.event_form import EventForm

        form = EventForm(
            kind, self.workspace.get(app_id), zone=self.settings.zone, now=self.clock()
        )
        self.app.push_screen(form, partial(self._recorded, kind, app_id))

    def _recorded(self, kind: str, app_id: str, event: Event | None) -> None:
        if event is not None and self._change(
            lambda: self.workspace.record(app_id, event, EVENT_WORDS[kind])
        ):
            self.board.put(self.workspace.get(app_id), follow=True)

    def pick_stage(self, app_id: str) -> None:
        """Choose a stage from a list and move the application there."""
        from jobtui.interface.screens.stage_picker import StagePicker

        application = self.workspace.get(app_id)
        picker = StagePicker(
            self.workspace.stages,
            application.stage,
            f"{application.company} — {application.role}",
        )
        self.app.push_screen(picker, partial(self._picked, app_id))

    def _picked(self, app_id: str, stage: str | None) -> None:
        if stage is not None:
            self.move(app_id, stage)

    def action_help(self) -> None:
        """Every key, and what each highlight means."""
        from jobtui.interface.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.key_list(), legend()))

    def key_list(self) -> list[tuple[str, str]]:
        """Every key of the board and the screen with what it does, keymap applied."""
        keys: dict[str, list[str]] = {}
        described: dict[str, str] = {}
        for node in (self.board, self, self.app):
            bindings = BindingsMap(node.BINDINGS)
            order = [binding.id for _, binding in bindings]
            bindings.apply_keymap(self.settings.keymap)
            found = sorted(bindings, key=lambda pair: order.index(pair[1].id))
            for _, binding in found:
                which = binding.id or binding.action
                if not binding.description or which in HIDDEN_FROM_HELP:
                    continue
                keys.setdefault(which, []).append(self.app.get_key_display(binding))
                described.setdefault(which, binding.tooltip or binding.description)
        listed = [(" ".join(keys[which]), described[which]) for which in keys]
        listed.insert(8, ("1 … 9", "Jump to a column by the number in its head"))
        listed.append(("^p", "Command palette: every action, and go to an application"))
        return listed

    # The status line.

    def _show_status(self) -> None:
        self.query_one(StatusLine).show(
            due=self.model.due_count if self.model.settled else None,
            move_on=self.model.counts[Urgency.MOVE_ON],
            saving=self.workspace.pending > 0,
            path=self.workspace.store.path,
        )

    def _watch_saving(self) -> None:
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


def legend() -> list[tuple[str, str]]:
    """What each highlight means, each sample in the style the cards use."""
    styles = {
        Urgency.OVERDUE: "$text-error bold",
        Urgency.DUE_SOON: "$text-warning bold",
        Urgency.OPEN: "$text-success",
        Urgency.MOVE_ON: "$text-secondary",
        Urgency.WAITING: "$text-muted",
    }
    return [
        (f"[{styles[urgency]}]{urgency.symbol} {urgency.name.lower()}[/]", meaning)
        for urgency, meaning in LEGEND
    ]

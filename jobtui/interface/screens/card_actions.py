"""What the board screen does with a card: changes, and the screens that ask for them.

Every change goes through the workspace, which shows it at once and writes it
on a thread of its own. A move is drawn before it reaches the workspace: that
thread competes with the screen for the interpreter, so the write starts once
the moved card is on screen. The other screens are imported when first needed,
so that the board starts without them.
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING, Any

from pendulum import DateTime
from textual.screen import Screen

from jobtui.domain.errors import JobtuiError, NotFoundError
from jobtui.domain.model import Application, Event, Kind
from jobtui.domain.workspace import Change

if TYPE_CHECKING:
    from jobtui.interface.screens.board import BoardScreen

# Seconds from a move on screen to the start of its write: time for the frames
# that show it (16 ms apart) to be drawn and sent to the terminal first.
SAVE_AFTER = 0.05
EVENT_WORDS = {
    "interview": "recorded an interview",
    "reply": "recorded a reply",
    "offer": "recorded an offer",
}


class CardActions:
    """The board screen's changes to applications, and the screens behind them."""

    def __init__(self, screen: BoardScreen) -> None:
        self.screen = screen
        self.workspace = screen.workspace
        self.board = screen.board
        self.clock = screen.clock
        self.zone = screen.settings.zone
        self._moves: deque[tuple[str, str, DateTime]] = deque()

    def request(self, action: str, app_id: str | None) -> None:
        """Carry out a board action, such as "add", "edit", "delete" or "undo"."""
        self.commit_moves()
        if action == "add":
            self.add()
        elif action == "today":
            self.open_today()
        elif action == "stats":
            self.open_stats()
        elif action == "undo":
            self.undo()
        elif app_id is None:
            self.screen.notify("Choose a card first.")
        elif action == "open":
            self.open_detail(app_id)
        elif action == "write":
            self.write_note(app_id)
        elif action == "timeline":
            self.open_timeline(app_id)
        elif action == "edit":
            self.edit(app_id)
        elif action == "delete":
            self.delete(app_id)
        elif action == "move":
            self.pick_stage(app_id)
        elif action in EVENT_WORDS:
            self.record_event(action, app_id)

    def move(self, app_id: str, stage: str) -> None:
        """Move an application to a stage: on screen at once, then saved and said.

        The write runs on a thread of its own, and writing 10,000 applications
        holds the interpreter for some 40 ms at a time, so it starts a moment
        later (`SAVE_AFTER`): once the card and both columns' counts are drawn,
        which Textual may do in two frames, as each widget asks for its own.
        """
        now = self.clock()
        try:
            target = self.workspace.stages.resolve(stage)
            moved = copy.deepcopy(self.screen.model.cards[app_id].application)
            moved.move_to(target.name, now)
        except JobtuiError as error:
            self.screen.notify(str(error), severity="error")
            return
        self.board.put(moved, follow=True)
        self._moves.append((app_id, target.name, now))
        self.screen.hold_background_work()
        self.screen.set_timer(SAVE_AFTER, self.commit_moves)

    def commit_moves(self, *, show: bool = True) -> None:
        """Make the moves shown but not yet made in the workspace, in order.

        Args:
            show: say so and show the result; False as the app closes.
        """
        moved = []
        while self._moves:
            app_id, stage, at = self._moves.popleft()
            if show:
                self._change(partial(self.workspace.move, app_id, stage, at))
            else:
                with suppress(JobtuiError):
                    self.workspace.move(app_id, stage, at)
            moved.append(app_id)
        for app_id in dict.fromkeys(moved) if show else ():
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
            self.screen.notify("Nothing to undo.")
            return
        try:
            self.board.put(self.workspace.get(change.app_id), follow=True)
        except NotFoundError:
            self.board.remove(change.app_id)
        self.screen.notify(f"Undone: {change.description}.")
        self.screen.show_saving()

    def _change(self, make: Callable[[], Change]) -> Change | None:
        """Make a change in the workspace; say what it was, or why it could not be."""
        try:
            change = make()
        except JobtuiError as error:
            self.screen.notify(str(error), severity="error")
            return None
        self.screen.notify(f"{change.description[0].upper()}{change.description[1:]}.")
        self.screen.show_saving()
        return change

    def open_detail(self, app_id: str) -> None:
        """Show everything about an application; its answer may ask for more."""
        from jobtui.interface.screens.detail import DetailScreen

        self.commit_moves()
        application = self.workspace.get(app_id)
        now = self.clock()
        window = self.screen.model.window_of(application, now)
        screen = DetailScreen(application, window, now=now, zone=self.zone)
        self._open(screen, partial(self._after_detail, app_id))

    def _open(self, screen: Screen[Any], answered: Callable[[Any], None]) -> None:
        """Push a screen over the board; `answered` gets what it dismisses with."""
        self.screen.app.push_screen(screen, answered)

    def _after_detail(self, app_id: str, action: str | None) -> None:
        if action is not None:
            self.request(action, app_id)

    def write_note(self, app_id: str) -> None:
        """Open the composer on the note the card's window asks for."""
        from jobtui.interface.screens.composer import ComposerScreen

        self.commit_moves()
        application = self.workspace.get(app_id)
        now = self.clock()
        window = self.screen.model.window_of(application, now)
        kind = window.kind if window is not None else Kind.FOLLOWUP
        if kind is Kind.MOVE_ON:
            self.screen.notify(
                "Silence is the answer here: move the card to a closed stage (m), "
                "or write one more note from the kind list.",
            )
        composer = ComposerScreen(
            application,
            kind,
            workspace=self.workspace,
            drafts=self.screen.drafts,
            settings=self.screen.settings,
            now=now,
        )
        self._open(composer, partial(self._after_note, app_id))

    def _after_note(self, app_id: str, sent: bool | None) -> None:
        if sent:
            self.board.put(self.workspace.get(app_id), follow=True)
            self.screen.show_saving()

    def open_today(self) -> None:
        """Every follow-up due, across the board; changes made there show after."""
        from jobtui.interface.screens.today import TodayScreen

        before = {app.id: app for app in self.workspace.applications()}
        today = TodayScreen(
            self.workspace,
            self.screen.settings,
            clock=self.clock,
            drafts=self.screen.drafts,
        )
        self._open(today, lambda _: self._show_changed_since(before))

    def _show_changed_since(self, before: dict[str, Application]) -> None:
        """Redraw the cards whose application changed (the workspace replaces them)."""
        for application in self.workspace.applications():
            if before.get(application.id) is not application:
                self.board.put(application)
        self.screen.show_saving()

    def open_timeline(self, app_id: str) -> None:
        """One application's history in time order, with its silences."""
        from jobtui.interface.screens.timeline import TimelineScreen

        application = self.workspace.get(app_id)
        screen = TimelineScreen(application, now=self.clock(), zone=self.zone)
        self._open(screen, lambda _: None)

    def open_stats(self) -> None:
        """The numbers of the whole search."""
        from jobtui.interface.screens.stats import StatsScreen

        screen = StatsScreen(
            self.workspace.applications(),
            self.workspace.stages,
            now=self.clock(),
            zone=self.zone,
        )
        self._open(screen, lambda _: None)

    def add(self) -> None:
        """Ask for a new application and put it on the board."""
        from jobtui.interface.screens.application_form import ApplicationForm

        form = ApplicationForm(
            self.workspace.stages,
            zone=self.zone,
            now=self.clock(),
        )
        self._open(form, self._added)

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
            zone=self.zone,
            now=self.clock(),
            application=self.workspace.editable(app_id),
        )
        self._open(form, self._edited)

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
        self._open(ConfirmScreen(question), partial(self._deleted, app_id))

    def _deleted(self, app_id: str, confirmed: bool | None) -> None:
        if confirmed and self._change(lambda: self.workspace.delete(app_id)):
            self.board.remove(app_id)

    def record_event(self, kind: str, app_id: str) -> None:
        """Record an interview, a reply or an offer from a quick form."""
        from jobtui.interface.screens.event_form import EventForm

        form = EventForm(
            kind,
            self.workspace.get(app_id),
            zone=self.zone,
            now=self.clock(),
        )
        self._open(form, partial(self._recorded, kind, app_id))

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
        self._open(picker, partial(self._picked, app_id))

    def _picked(self, app_id: str, stage: str | None) -> None:
        if stage is not None:
            self.move(app_id, stage)

"""The composer: write a follow-up, thank-you or offer reply beside the board.

It opens on the saved draft for the application and kind, or else on the
filled template. The checks run a moment after each change and the draft is
saved a moment later, so Escape, a crash or a restart loses nothing. Marking
the note sent records it in the application's history, from which the rules
take the next window at once.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from pendulum import DateTime
from textual import on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Footer, Input, Select, Static, TextArea

from jobtui.domain.errors import JobtuiError
from jobtui.domain.model import MESSAGE_KINDS, Application, Interview, Kind
from jobtui.domain.notes.checks import Finding, blocking
from jobtui.domain.notes.composing import Composition
from jobtui.domain.notes.draft import Draft
from jobtui.domain.notes.drafts import DraftStore
from jobtui.domain.notes.editing import edit_in_file, editor_command
from jobtui.domain.notes.eml import save_eml
from jobtui.domain.notes.reading import count_sentences
from jobtui.domain.paths import outbox_dir
from jobtui.domain.settings import Settings
from jobtui.domain.wording import window_phrase
from jobtui.domain.workspace import Workspace
from jobtui.interface.widgets.note_editor import NoteEditor

# Long enough to wait for a pause in typing, short enough to feel live.
CHECK_DELAY = 0.15
SAVE_DELAY = 0.5


class ComposerScreen(ModalScreen[bool]):
    """An editor for one note over the right of the board, the checks beside it.

    Dismisses with True once the note is marked sent, False when closed with
    the draft kept.

    Args:
        application: the application the note is about.
        kind: the kind of note to start with; the kind picker changes it.
            Moving on has no note, so for `move_on` it starts on a follow-up.
        interview: the interview a thank-you is about; by default the latest.
    """

    BINDINGS = [
        Binding(
            "ctrl+s", "mark_sent", "Mark sent", id="composer.mark_sent", priority=True
        ),
        Binding("ctrl+t", "copy_note", "Copy", id="composer.copy", priority=True),
        Binding(
            "ctrl+e", "edit_outside", "$EDITOR", id="composer.editor", priority=True
        ),
        Binding(
            "ctrl+o", "save_eml", "Save .eml", id="composer.save_eml", priority=True
        ),
        Binding("ctrl+n", "pick_kind", "Kind", id="composer.kind", priority=True),
        Binding("escape", "close", "Close", id="composer.close"),
    ]

    def __init__(
        self,
        application: Application,
        kind: Kind,
        *,
        workspace: Workspace,
        drafts: DraftStore,
        settings: Settings,
        now: DateTime,
        interview: Interview | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.composition = Composition(
            application,
            kind,
            drafts=drafts,
            settings=settings,
            stages=workspace.stages,
            now=now,
            interview=interview,
        )
        self.findings: list[Finding] = []
        self._sent = False
        self._latest: Draft | None = None
        self._pending_timers: dict[str, Timer] = {}

    def compose(self) -> ComposeResult:
        """The kind picker and the window, the editor, and the buttons."""
        with Vertical(id="composer"):
            with Horizontal(id="composer-head"):
                yield Select(
                    [(kind.label.capitalize(), kind) for kind in MESSAGE_KINDS],
                    value=self.composition.kind,
                    allow_blank=False,
                    id="composer-kind",
                )
                yield Static(id="composer-window", markup=False)
            yield NoteEditor()
            with Horizontal(id="composer-actions"):
                yield Button("Mark as sent", id="composer-send", variant="success")
                yield Button("Copy", id="composer-copy")
                yield Button("$EDITOR", id="composer-editor")
                yield Button("Save .eml", id="composer-eml")
                yield Button("Close", id="composer-close")
        yield Footer()

    def on_mount(self) -> None:
        """Start from the draft or the template, with the cursor in the body."""
        self._start(self.composition.kind)
        self._editor.body.focus()

    def on_unmount(self) -> None:
        """Keep what was typed however the screen goes, even with the app quitting."""
        self._stop_timers()
        # The widgets may be gone by now; the latest edit was noted as it came.
        if self._latest is not None and not self._sent:
            latest = self._latest
            self._report(lambda: self.composition.keep(latest))

    @property
    def kind(self) -> Kind:
        """The kind of note being written."""
        return self.composition.kind

    @property
    def draft(self) -> Draft:
        """The note as it stands in the editor."""
        return self._editor.draft

    @property
    def _editor(self) -> NoteEditor:
        return self.query_one(NoteEditor)

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _edited(self) -> None:
        self._latest = self.draft
        self._debounce("check", CHECK_DELAY, self.check)
        self._debounce("keep", SAVE_DELAY, self._keep)

    @on(Select.Changed, "#composer-kind")
    def _kind_picked(self, event: Select.Changed) -> None:
        if isinstance(event.value, Kind) and event.value is not self.kind:
            self._keep()
            self._start(event.value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        actions = {
            "composer-send": self.action_mark_sent,
            "composer-copy": self.action_copy_note,
            "composer-editor": self.action_edit_outside,
            "composer-eml": self.action_save_eml,
            "composer-close": self.action_close,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    def check(self) -> None:
        """Run the checks on the note as it stands and show what they found."""
        draft = self.draft
        self.findings = self.composition.check(draft)
        self._editor.checks.show(self.kind, count_sentences(draft.body), self.findings)

    def action_mark_sent(self) -> None:
        """Record the note as sent, unless a gap is left in it."""
        self.check()
        gaps = blocking(self.findings)
        if gaps:
            self.notify(gaps[0].message, title="Not sent yet", severity="warning")
            return

        note = self.composition.sent(self.draft, self.workspace.clock())
        application = self.composition.application
        try:
            self.workspace.record(application.id, note, f"sent the {self.kind.label}")
        except JobtuiError as error:
            self.notify(str(error), title="Not recorded", severity="error")
            return
        self._sent = True
        self._stop_timers()
        self._report(self.composition.forget)
        self.dismiss(True)

    def action_copy_note(self) -> None:
        """Copy the body to the clipboard, to paste into a mail program."""
        self.app.copy_to_clipboard(self.draft.body)
        self.notify("The note is on the clipboard, if your terminal allows it.")

    def action_edit_outside(self) -> None:
        """Edit the body in $VISUAL or $EDITOR while the app steps aside."""
        body = self._editor.body
        try:
            command = editor_command()

            def run(path: Path) -> bool:
                with self.app.suspend():
                    finished = subprocess.run([*command, str(path)], check=False)
                return finished.returncode == 0

            edited = edit_in_file(body.text, run)
        except SuspendNotSupported:
            self.notify(
                "This terminal cannot hand over to an editor.", severity="error"
            )
            return
        except (JobtuiError, OSError) as error:
            self.notify(str(error), title="The editor did not run", severity="error")
            return

        if edited is None:
            self.notify("The editor reported an error; the note is as it was.")
        elif edited != body.text:
            self._editor.replace_body(edited)

    def action_save_eml(self) -> None:
        """Save the note as an .eml file that a mail program opens as a draft."""
        moment = self.workspace.clock()
        day = moment.in_timezone(self.composition.settings.zone).format("YYYY-MM-DD")
        name = f"{day}-{self.composition.application.company}-{self.kind.value}"
        folder = outbox_dir(self.workspace.store.path)
        try:
            path = save_eml(self.draft, folder, name=name, now=moment)
        except JobtuiError as error:
            self.notify(str(error), title="Not saved", severity="error")
            return
        self.notify(f"Saved as {path}", title="Open it in your mail program")

    def action_pick_kind(self) -> None:
        """Open the kind picker, to start a note of another kind."""
        picker = self.query_one("#composer-kind", Select)
        picker.focus()
        picker.expanded = True

    def action_close(self) -> None:
        """Go back to the board, keeping the draft."""
        self._stop_timers()
        self._keep()
        self.dismiss(False)

    def _start(self, kind: Kind) -> None:
        """Show the saved draft of `kind`, or its filled template, and check it."""
        draft, problems = self.composition.start(kind)
        self._latest = None
        for problem in problems:
            self.notify(str(problem), title="Note", severity="error", timeout=15)
        self._editor.load(draft)

        application = self.composition.application
        self.query_one(
            "#composer", Vertical
        ).border_title = (
            f"{kind.label.capitalize()} · {application.company} — {application.role}"
        )
        window = self.composition.window()
        line = ""
        if window is not None:
            phrase = window_phrase(window, self.composition.now)
            line = f"{phrase[:1].upper()}{phrase[1:]}: {window.reason}"
        self.query_one("#composer-window", Static).update(line)
        self.check()

    def _keep(self) -> None:
        """Save the draft as it stands, unless the note has gone out."""
        if not self._sent:
            self._report(lambda: self.composition.keep(self.draft))

    def _report(self, step: Callable[[], None]) -> None:
        """Do a drafts step; a problem with the file is told, never raised."""
        try:
            step()
        except JobtuiError as error:
            self.notify(str(error), title="Drafts", severity="error")

    def _debounce(self, name: str, delay: float, callback: Callable[[], None]) -> None:
        """Run `callback` once `delay` seconds pass without another call."""
        timer = self._pending_timers.get(name)
        if timer is not None:
            timer.stop()
        self._pending_timers[name] = self.set_timer(delay, callback)

    def _stop_timers(self) -> None:
        for timer in self._pending_timers.values():
            timer.stop()
        self._pending_timers.clear()

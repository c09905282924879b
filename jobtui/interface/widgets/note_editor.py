"""The composer's editing area: recipient and subject above the body, checks beside."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, TextArea

from jobtui.domain.notes.draft import Draft
from jobtui.interface.widgets.note_checks import NoteChecks


class NoteEditor(Vertical):
    """A note's recipient, subject and body, with the checks' findings beside the body.

    Edits post the usual `Input.Changed` and `TextArea.Changed`, which bubble up
    to the screen that owns the draft.
    """

    def compose(self) -> ComposeResult:
        """The two header lines, then the body and its checks side by side."""
        with Horizontal(classes="note-editor--row"):
            yield Label("To", classes="note-editor--label")
            yield Input(id="note-to", placeholder="who the note goes to")
        with Horizontal(classes="note-editor--row"):
            yield Label("Subject", classes="note-editor--label")
            yield Input(id="note-subject")
        with Horizontal(id="note-editor-main"):
            yield TextArea(id="note-body", soft_wrap=True)
            with VerticalScroll(id="note-checks"):
                yield Label("Checks", classes="note-editor--heading")
                yield NoteChecks(id="note-findings")

    @property
    def body(self) -> TextArea:
        """The body's text area."""
        return self.query_one("#note-body", TextArea)

    @property
    def checks(self) -> NoteChecks:
        """The panel of findings beside the body."""
        return self.query_one("#note-findings", NoteChecks)

    @property
    def draft(self) -> Draft:
        """The note as it stands."""
        return Draft(
            recipient=self.query_one("#note-to", Input).value,
            subject=self.query_one("#note-subject", Input).value,
            body=self.body.text,
        )

    def load(self, draft: Draft) -> None:
        """Show `draft`, replacing whatever was there."""
        self.query_one("#note-to", Input).value = draft.recipient
        self.query_one("#note-subject", Input).value = draft.subject
        self.body.load_text(draft.body)

    def replace_body(self, text: str) -> None:
        """Put `text` in place of the body as one edit, which undo takes back."""
        document = self.body.document
        self.body.replace(text, document.start, document.end)

"""The two questions the Today view asks: how long to snooze, and why it is handled."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from jobtui.domain.errors import InputError
from jobtui.domain.snooze import Unit, parse_snooze


class _Question(ModalScreen[object]):
    """A one-line question over the Today view; Escape cancels with None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="today.ask.cancel", show=False),
    ]

    def __init__(self, question: str, hint: str, placeholder: str) -> None:
        super().__init__()
        self.question = question
        self.hint = hint
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        """The question, the field and what it accepts."""
        with Vertical(classes="today-ask-panel"):
            yield Static(self.question, classes="today-ask-question", markup=False)
            yield Input(placeholder=self.placeholder, id="today-ask-input")
            yield Static(self.hint, id="today-ask-hint", markup=False)

    def on_mount(self) -> None:
        """Start in the field."""
        self.query_one(Input).focus()

    def show_problem(self, problem: str) -> None:
        """Say under the field what is wrong with the answer."""
        hint = self.query_one("#today-ask-hint", Static)
        hint.update(problem)
        hint.add_class("-error")

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)


class SnoozeQuestion(_Question):
    """Asks how long to snooze a window; dismisses with (amount, unit) or None."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"Snooze the {what} for how long?",
            "3 or 3d: days · 2b: business days · Enter: snooze · Escape: cancel",
            "3d",
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Snooze for the length typed, or say why it cannot be read."""
        event.stop()
        try:
            answer: tuple[int, Unit] = parse_snooze(event.value)
        except InputError as error:
            self.show_problem(error.what)
            return
        self.dismiss(answer)


class HandledQuestion(_Question):
    """Asks why a window needs no note; dismisses with the reason or None."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"Why is the {what} handled?",
            "A reason is required · Enter: mark handled · Escape: cancel",
            "phoned them instead",
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Mark handled with the reason typed; an empty one is refused."""
        event.stop()
        reason = event.value.strip()
        if not reason:
            self.show_problem("A reason is required: say how it was handled.")
            return
        self.dismiss(reason)

"""A yes-or-no question over the current screen, such as "Delete this application?"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Asks a question; dismisses with True (y, Enter) or False (n, Escape).

    Args:
        question: the question, in words that say what will happen.
        confirm_label: the label of the button that says yes.
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "No", id="confirm.cancel", show=False),
    ]

    def __init__(self, question: str, *, confirm_label: str = "Delete") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        """The question, the two buttons and the keys that answer it."""
        with Vertical(id="confirm-panel"):
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button("Cancel", id="confirm-no")
                yield Button(self.confirm_label, variant="error", id="confirm-yes")
            yield Static(
                f"y or Enter: {self.confirm_label.lower()} · n or Escape: cancel",
                id="confirm-keys",
                markup=False,
            )

    def on_mount(self) -> None:
        """Start on the button that says yes, so that Enter confirms."""
        self.query_one("#confirm-yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A click (or Enter) on a button answers the question."""
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        """Answer the question from the keyboard."""
        self.dismiss(answer)

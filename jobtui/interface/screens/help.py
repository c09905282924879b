"""Help: every key and what it does, and what each highlight on a card means."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.markup import MarkupError
from textual.screen import ModalScreen
from textual.widgets import Footer, Static


class HelpScreen(ModalScreen[None]):
    """The keys and the legend of highlights; Escape or ? closes it.

    Args:
        bindings: (key, what it does) for every key, in the order to show them.
        legend: (sample, meaning) for each highlight; a sample given as a string
            is read as Textual markup, so it can show the style a card uses.
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding(
            "question_mark", "close", "Close", id="help.close_question", show=False
        ),
    ]

    def __init__(
        self,
        bindings: Sequence[tuple[str, str]],
        legend: Sequence[tuple[str | Content, str]],
    ) -> None:
        super().__init__()
        self.keys = list(bindings)
        self.legend = list(legend)

    def compose(self) -> ComposeResult:
        """The keys, then the legend, in a panel that scrolls when tall."""
        with Vertical(id="help-panel") as panel:
            panel.border_title = "Help"
            with VerticalScroll(id="help-body"):
                yield Static("Keys", classes="help--heading")
                with Grid(classes="help--table", id="help-keys"):
                    for key, action in self.keys:
                        yield Static(key, classes="help--key", markup=False)
                        yield Static(action, markup=False)
                yield Static("What the highlights mean", classes="help--heading")
                with Grid(classes="help--table", id="help-legend"):
                    for sample, meaning in self.legend:
                        yield Static(_sample(sample))
                        yield Static(meaning, markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Let the arrow keys scroll the help at once."""
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        """Go back to where help was opened."""
        self.dismiss(None)


def _sample(sample: str | Content) -> Content:
    """A legend sample as shown: markup read if it parses, else the plain text."""
    if isinstance(sample, Content):
        return sample
    try:
        return Content.from_markup(sample)
    except MarkupError:
        return Content(sample)

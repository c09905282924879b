"""The board benchmark's baseline: the smallest Textual app that shows one line.

The benchmark times it, from launch to `LINE` on screen, in the same run and the
same terminal as the board, and reports the board's start-up as a multiple of it.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

LINE = "The minimal app is on screen."


class MinimalApp(App[None]):
    """One line of text and a key to quit."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        """The one line."""
        yield Static(LINE)


if __name__ == "__main__":
    MinimalApp().run()

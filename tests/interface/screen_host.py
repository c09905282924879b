"""A bare app for screen tests: it pushes one screen and keeps its dismiss value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from jobtui.interface import STYLESHEET
from jobtui.interface.widgets.fields import FormRow

NOT_DISMISSED = object()


class ScreenHost(App[None]):
    """Pushes the screen that `make` returns; `result` is its dismiss value."""

    CSS_PATH = STYLESHEET

    def __init__(self, make: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make = make
        self.result: Any = NOT_DISMISSED

    def compose(self) -> ComposeResult:
        """A stand-in for the board underneath."""
        yield Static("the board would be here")

    def on_mount(self) -> None:
        """Push the screen under test."""
        self.push_screen(self.make(), self.keep)

    def keep(self, result: Any) -> None:
        """Keep what the screen was dismissed with."""
        self.result = result

    @property
    def dismissed(self) -> bool:
        """Whether the pushed screen has been dismissed."""
        return self.result is not NOT_DISMISSED


def text(widget: Static) -> str:
    """The plain text a Static shows."""
    return str(widget.visual)


def message(app: ScreenHost, name: str) -> str:
    """What the row of a field says under it."""
    return text(app.screen.query_one(f"#{name}", FormRow).message)


def is_error(app: ScreenHost, name: str) -> bool:
    """Whether the row of a field shows an error."""
    return app.screen.query_one(f"#{name}", FormRow).message.has_class("-error")


async def type_into(pilot: Pilot[None], name: str, value: str) -> None:
    """Replace a field's text the way a user would: focus it, clear it, type."""
    field = pilot.app.screen.query_one(f"#{name}-input", Input)
    field.focus()
    field.value = ""
    await pilot.press(*value)
    await pilot.pause()


async def fill(pilot: Pilot[None], name: str, value: str) -> None:
    """Put text in a field at once, as a paste does (it is checked all the same)."""
    field = pilot.app.screen.query_one(f"#{name}-input", Input)
    field.focus()
    field.value = value
    await pilot.pause()

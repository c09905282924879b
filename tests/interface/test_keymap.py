"""The settings' [keymap]: rebinding keys by binding id, and reporting unknown ids."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from jobtui.interface.keymap import apply_keymap, binding_ids


class DetailStub(Screen[None]):
    """A screen the app has not shown yet, with a binding of its own."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]


class KeysStub(App[None]):
    """An app with bindings by id that records the actions run and the warnings."""

    BINDINGS = [
        Binding("n", "new", "New application", id="new"),
        Binding("shift+right,L", "move_next", "Next stage", id="move_next"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ran: list[str] = []
        self.warnings: list[str] = []

    def compose(self) -> ComposeResult:
        """Something to look at."""
        yield Static("board")

    def action_new(self) -> None:
        """Note the action."""
        self.ran.append("new")

    def action_move_next(self) -> None:
        """Note the action."""
        self.ran.append("move_next")

    def notify(self, message: str, **options: object) -> None:  # type: ignore[override]
        """Keep warnings to look at; nothing else is notified here."""
        assert options.get("severity") == "warning"
        self.warnings.append(message)


async def test_a_rebound_key_runs_the_action_and_the_old_key_no_longer_does() -> None:
    app = KeysStub()
    async with app.run_test() as pilot:
        apply_keymap(app, {"new": "ctrl+n"})
        await pilot.press("n")
        assert app.ran == []
        await pilot.press("ctrl+n")
        assert app.ran == ["new"]
        assert app.warnings == []


async def test_a_binding_can_be_given_two_keys() -> None:
    app = KeysStub()
    async with app.run_test() as pilot:
        apply_keymap(app, {"move_next": "right,ctrl+l"})
        await pilot.press("right", "ctrl+l", "L")
        assert app.ran == ["move_next", "move_next"]


async def test_an_unknown_binding_id_is_a_warning_and_the_others_still_apply() -> None:
    app = KeysStub()
    async with app.run_test() as pilot:
        unknown = apply_keymap(app, {"nwe": "a", "new": "ctrl+n", "zap": "z"})
        await pilot.press("ctrl+n")
        assert app.ran == ["new"]
    assert unknown == ["nwe", "zap"]
    assert len(app.warnings) == 1
    assert "nwe, zap" in app.warnings[0]


async def test_binding_ids_include_screens_not_shown_yet() -> None:
    app = KeysStub()
    async with app.run_test():
        assert {"new", "move_next", "back"} <= binding_ids(app)
        assert apply_keymap(app, {"back": "backspace"}) == []

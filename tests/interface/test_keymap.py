"""The settings' [keymap]: rebinding keys by binding id, and reporting unknown ids."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from jobtui.domain.store import Store
from jobtui.interface.keymap import apply_keymap, binding_ids
from jobtui.interface.screens.composer import ComposerScreen
from jobtui.interface.screens.detail import DetailScreen
from tests.interface.board_support import SETTINGS, SIZE, board_app


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


async def test_the_board_rebinds_keys_of_screens_it_has_not_shown(
    store: Store,
) -> None:
    keymap = {"detail.write": "ctrl+w", "today.snooze": "z", "nope": "x"}
    app = board_app(store, settings=replace(SETTINGS, keymap=keymap))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        warnings = [note.message for note in app._notifications]
        assert len(warnings) == 1
        assert "nope." in warnings[0]
        assert "detail.write" not in warnings[0].split("Known")[0]

        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("ctrl+w")
        assert isinstance(app.screen, ComposerScreen)


def test_binding_ids_include_screens_not_imported_yet(tmp_path: Path) -> None:
    # In a fresh interpreter, where only the app's own module has been imported.
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from jobtui.domain.settings import Settings
        from jobtui.domain.store import Store
        from jobtui.interface.app import JobtuiApp
        from jobtui.interface.keymap import binding_ids

        assert "jobtui.interface.screens.composer" not in sys.modules
        store = Store.open(Path({str(tmp_path / "db.json")!r}), writable=True)
        ids = binding_ids(JobtuiApp(store=store, settings=Settings()))
        store.close()
        print(" ".join(sorted(ids)))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    ids = set(done.stdout.split())
    assert {"detail.write", "composer.copy", "today.snooze", "form.save"} <= ids

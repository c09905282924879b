"""What the board looks like, frozen in time at a fixed size."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.interface.board_support import SIZE, board_app, demo_store


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in the test's folder, so the status line names the file alike each run."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_board(here: Path, snap_compare) -> None:
    store = demo_store(here)
    try:
        assert snap_compare(board_app(store), terminal_size=SIZE)
    finally:
        store.close()


def test_the_board_at_80_by_24_on_a_light_theme(here: Path, snap_compare) -> None:
    store = demo_store(here)
    app = board_app(store)

    async def lighten(pilot) -> None:
        app.theme = "textual-light"
        await pilot.press("3", "j")

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=lighten)
    finally:
        store.close()


def test_an_empty_board(here: Path, snap_compare) -> None:
    store = demo_store(here, [])
    try:
        assert snap_compare(board_app(store), terminal_size=SIZE)
    finally:
        store.close()

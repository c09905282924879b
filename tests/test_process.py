"""The `jobtui` process runs commands without the cycle collector; the board, with."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.interface.board_support import SIZE, board_app, demo_store

PROBE = """
import gc, sys
from jobtui.cli.process import run
sys.argv = ["jobtui", "--db", sys.argv[1], "due", "--count"]
try:
    run()
except SystemExit:
    pass
print("collector", "on" if gc.isenabled() else "off", "frozen", gc.get_freeze_count())
"""


def test_a_command_runs_with_the_collector_off_and_leaves_everything_frozen(
    tmp_path: Path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "applications.json")],
        capture_output=True,
        text=True,
        timeout=60,
    )

    lines = result.stdout.split("\n")
    assert lines[0] == "0", result.stderr
    words = lines[1].split()
    assert words[:2] == ["collector", "off"]
    assert int(words[3]) > 1000


@pytest.mark.parametrize(
    ("windows_later_from", "in_turns_from"),
    [(2000, 2000), (10, 2000), (10, 10)],
    ids=["sorted at once", "sorted after the first frame", "sorted in turns"],
)
async def test_the_board_loads_without_the_collector_and_turns_it_on_once_loaded(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    windows_later_from: int,
    in_turns_from: int,
) -> None:
    from jobtui.interface.board.board_model import BoardModel

    board_screen = "jobtui.interface.screens.card_loading"
    monkeypatch.setattr(f"{board_screen}.WINDOWS_LATER_FROM", windows_later_from)
    monkeypatch.setattr(f"{board_screen}.WINDOWS_IN_TURNS_FROM", in_turns_from)
    seen: list[bool] = []
    for method in ("load", "load_provisional", "settle_cards"):
        original = getattr(BoardModel, method)

        def spy(*args: object, original: Callable[..., None] = original) -> None:
            seen.append(gc.isenabled())
            original(*args)

        monkeypatch.setattr(BoardModel, method, spy)
    store = demo_store(tmp_path)

    gc.disable()
    try:
        app = board_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.board_screen is not None and app.board_screen.model.settled
            enabled = gc.isenabled()
    finally:
        gc.enable()
        store.close()

    assert seen and not any(seen)
    assert enabled

"""The `jobtui` process runs commands without the cycle collector; the board, with."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from jobtui.cli.board import open_board
from jobtui.cli.context import Env

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


def test_the_board_turns_the_collector_back_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    class Board:
        def __init__(self, **options: object) -> None:
            pass

        def run(self) -> None:
            seen.append(gc.isenabled())

    monkeypatch.setattr("jobtui.interface.app.JobtuiApp", Board)
    gc.disable()
    try:
        open_board(Env(db_path=tmp_path / "applications.json"))
    finally:
        gc.enable()

    assert seen == [True]

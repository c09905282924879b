"""Fixtures every test shares: no test reads or writes the user's own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobtui.cli.main import main
from tests.cli_support import Result


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the database and the config folder into the test's own folder."""
    monkeypatch.setenv("JOBTUI_DB", str(tmp_path / "data" / "applications.json"))
    monkeypatch.setenv("JOBTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("JOBTUI_LOCK_WAIT", "0.3")
    return tmp_path


@pytest.fixture
def jobtui(capsys: pytest.CaptureFixture[str]):
    """Run `jobtui ARGS...` in this process and collect what it printed."""

    def run(*args: str) -> Result:
        try:
            main(list(args))
            status = 0
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else 1
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)

    return run

"""Fixtures every test shares: no test reads or writes the user's own files."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the database and the config folder into the test's own folder."""
    monkeypatch.setenv("JOBTUI_DB", str(tmp_path / "data" / "applications.json"))
    monkeypatch.setenv("JOBTUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("JOBTUI_LOCK_WAIT", "0.3")
    return tmp_path

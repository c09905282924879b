"""The data and config folders are the ones platformdirs names, found without it."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from jobtui.domain import paths

ENVIRONMENTS = [
    {"HOME": "/home/sam"},
    {"HOME": "/home/sam/"},
    {"HOME": "/"},
    {"HOME": "/home/sam", "XDG_CONFIG_HOME": "/srv/config", "XDG_DATA_HOME": "/d"},
    {"HOME": "/home/sam", "XDG_CONFIG_HOME": "/srv/config/", "XDG_DATA_HOME": "//d"},
    {"HOME": "/home/sam", "XDG_CONFIG_HOME": "relative", "XDG_DATA_HOME": "rel/d"},
    {"HOME": "/home/sam", "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "  "},
    {"HOME": "relative/home"},
    {},
]


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch):
    """A function that sets exactly the given home and XDG variables."""

    def set_only(variables: dict[str, str]) -> None:
        for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
            monkeypatch.delenv(name, raising=False)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)

    return set_only


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")
@pytest.mark.parametrize("variables", ENVIRONMENTS)
def test_the_folders_are_the_ones_platformdirs_names(environment, variables) -> None:
    environment(variables)

    expected_config = platformdirs.user_config_path("jobtui", appauthor=False)
    expected_data = platformdirs.user_data_path("jobtui", appauthor=False)

    assert paths.user_config_dir() == expected_config
    assert paths.user_data_dir() == expected_data


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")
def test_the_usual_folders_are_found_without_importing_platformdirs(
    environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    environment({"HOME": "/home/sam"})
    monkeypatch.setitem(sys.modules, "platformdirs", None)

    assert paths.user_config_dir() == Path("/home/sam/.config/jobtui")
    assert paths.user_data_dir() == Path("/home/sam/.local/share/jobtui")


def test_the_environment_names_the_database_and_the_config_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(paths.DB_ENV, str(tmp_path / "mine.json"))
    monkeypatch.setenv(paths.CONFIG_ENV, str(tmp_path / "config"))

    assert paths.default_db_path() == tmp_path / "mine.json"
    assert paths.settings_path() == tmp_path / "config" / "settings.toml"

"""Where jobtui keeps its files: the database, its backups, and the settings.

The user's data and config folders are the platform's own, as platformdirs
finds them. On Linux and the BSDs they are simply the XDG folders, worked out
here directly: importing platformdirs costs a few milliseconds, which `jobtui
due` in a shell prompt should not pay. tests/test_paths.py holds the two to the
same answers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "jobtui"
DB_ENV = "JOBTUI_DB"
CONFIG_ENV = "JOBTUI_CONFIG_DIR"

# Platforms whose folders are not the XDG ones, or not only: platformdirs knows.
_NOT_XDG = ("win32", "cygwin", "darwin", "ios", "android", "emscripten", "wasi")


def default_db_path() -> Path:
    """The database file: `JOBTUI_DB` if set, else the platform's user data folder."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured).expanduser()
    return user_data_dir() / "applications.json"


def config_dir() -> Path:
    """The folder for settings and templates: `JOBTUI_CONFIG_DIR` or the platform's."""
    configured = os.environ.get(CONFIG_ENV)
    if configured:
        return Path(configured).expanduser()
    return user_config_dir()


def settings_path() -> Path:
    """The settings file, which need not exist (every setting has a default)."""
    return config_dir() / "settings.toml"


def backups_dir(db_path: Path) -> Path:
    """The backups folder beside a database file."""
    return db_path.parent / "backups"


def user_data_dir() -> Path:
    """The platform's folder for jobtui's data, such as ~/.local/share/jobtui."""
    folder = _xdg_folder("XDG_DATA_HOME", ".local/share")
    if folder is not None:
        return folder
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_config_dir() -> Path:
    """The platform's folder for jobtui's settings, such as ~/.config/jobtui."""
    folder = _xdg_folder("XDG_CONFIG_HOME", ".config")
    if folder is not None:
        return folder
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def _xdg_folder(variable: str, under_home: str) -> Path | None:
    """jobtui's XDG folder on a plain Unix system; None where platformdirs must say.

    As the XDG specification (and platformdirs) has it, a variable that is not
    an absolute path is ignored. An odd home (unset, or relative) and anything
    that might be Android are left to platformdirs, which has rules for them.
    """
    if sys.platform.startswith(_NOT_XDG) or _maybe_android():
        return None
    configured = Path(os.environ.get(variable, ""))
    if configured.is_absolute():
        return configured / APP_NAME

    home = Path(os.environ.get("HOME", ""))
    if not home.is_absolute():
        return None
    return home / under_home / APP_NAME


def _maybe_android() -> bool:
    return (
        hasattr(sys, "getandroidapilevel")
        or "ANDROID_DATA" in os.environ
        or "ANDROID_ROOT" in os.environ
    )


def outbox_dir(db_path: Path) -> Path:
    """The folder beside a database file where notes are saved as .eml files."""
    return db_path.parent / "outbox"

"""Where jobtui keeps its files: the database, its backups, and the settings."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "jobtui"
DB_ENV = "JOBTUI_DB"
CONFIG_ENV = "JOBTUI_CONFIG_DIR"


def default_db_path() -> Path:
    """The database file: `JOBTUI_DB` if set, else the platform's user data folder."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "applications.json"


def config_dir() -> Path:
    """The folder for settings and templates: `JOBTUI_CONFIG_DIR` or the platform's."""
    configured = os.environ.get(CONFIG_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def settings_path() -> Path:
    """The settings file, which need not exist (every setting has a default)."""
    return config_dir() / "settings.toml"


def backups_dir(db_path: Path) -> Path:
    """The backups folder beside a database file."""
    return db_path.parent / "backups"


def outbox_dir(db_path: Path) -> Path:
    """The folder beside a database file where notes are saved as .eml files."""
    return db_path.parent / "outbox"

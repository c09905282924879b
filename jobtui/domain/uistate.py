"""What the board remembers between runs: the theme and how closed stages show.

It is a convenience, not data: the file lives beside the settings, a missing
or unreadable one gives the defaults, and nothing else depends on it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import orjson

from jobtui.domain.errors import DatabaseError
from jobtui.domain.files import error_reason, write_atomically
from jobtui.domain.paths import config_dir

CLOSED_SHOWN = "shown"
CLOSED_COLLAPSED = "collapsed"
CLOSED_HIDDEN = "hidden"
CLOSED_MODES = (CLOSED_SHOWN, CLOSED_COLLAPSED, CLOSED_HIDDEN)


@dataclass(frozen=True)
class UiState:
    """The board's remembered choices; None for the theme means "as set"."""

    theme: str | None = None
    closed_stages: str = CLOSED_SHOWN


def ui_state_path() -> Path:
    """The state file, in the config folder beside the settings."""
    return config_dir() / "board-state.json"


def load_ui_state(path: Path | None = None) -> UiState:
    """The remembered state; the defaults when the file is missing or unreadable."""
    path = path or ui_state_path()
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return UiState()
    if not isinstance(data, dict):
        return UiState()

    theme = data.get("theme")
    closed = data.get("closed_stages")
    return UiState(
        theme=theme if isinstance(theme, str) and theme else None,
        closed_stages=closed if closed in CLOSED_MODES else CLOSED_SHOWN,
    )


def save_ui_state(state: UiState, path: Path | None = None) -> None:
    """Remember the state for the next run.

    Raises:
        DatabaseError: when the file cannot be written.
    """
    path = path or ui_state_path()
    payload = orjson.dumps(asdict(state), option=orjson.OPT_INDENT_2)
    try:
        write_atomically(path, payload)
    except OSError as error:
        raise DatabaseError(f"cannot write {path}: {error_reason(error)}") from error

"""The settings file: time zone, holidays, follow-up timings, theme, keys, your name.

The file is TOML in the user's config folder (`paths.settings_path()`). It need
not exist: every setting has a default, and `default_settings_toml` writes them
all out with what they mean. A bad file is never half-read; the first problem is
reported with the file and the key it was found at.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from pendulum import FixedTimezone, Timezone

from jobtui.domain.calendar import BusinessCalendar
from jobtui.domain.errors import InputError
from jobtui.domain.paths import settings_path
from jobtui.domain.rules import RuleSettings
from jobtui.domain.times import local_zone

DEFAULT_THEME = "textual-dark"
TOP_LEVEL = ("timezone", "country", "subdivision", "theme", "your_name")
TABLES = ("follow_up", "keymap")


@dataclass(frozen=True)
class Settings:
    """Everything the user can set; the defaults stand for a missing file.

    The rules always count days in this time zone: `rules.zone` is set from
    `timezone` (the system's own zone when it is None).
    """

    timezone: str | None = None
    country: str | None = None
    subdivision: str | None = None
    rules: RuleSettings = field(default_factory=RuleSettings)
    theme: str = DEFAULT_THEME
    keymap: dict[str, str] = field(default_factory=dict)
    your_name: str | None = None

    def __post_init__(self) -> None:
        zone = local_zone(self.timezone)
        object.__setattr__(self, "rules", replace(self.rules, zone=zone))

    @property
    def zone(self) -> Timezone | FixedTimezone:
        """The user's time zone: `timezone`, or the system's when it is unset."""
        return self.rules.zone

    def calendar(self) -> BusinessCalendar:
        """The business-day calendar for `country` and `subdivision`."""
        return BusinessCalendar(self.country, self.subdivision)


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path` (the user's settings file by default).

    A missing file gives the defaults.

    Raises:
        InputError: for a file that cannot be read, is not TOML, or holds an
            unknown key, a value of the wrong type or a value out of range; its
            `where` names the file and the key.
    """
    path = path or settings_path()
    if not path.is_file():
        if path.exists():
            raise InputError(str(path), "is not a file")
        return Settings()

    # tomllib costs import time that most commands never need to pay.
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise InputError(str(path), "is not UTF-8 text") from error
    except tomllib.TOMLDecodeError as error:
        raise InputError(str(path), f"is not valid TOML ({error})") from error

    try:
        return settings_from(data)
    except InputError as error:
        raise InputError(f"{path}: {error.where}", error.what) from error


def settings_from(data: dict[str, Any]) -> Settings:
    """Settings from a parsed settings document; errors name the key, not the file."""
    for key in data:
        if key not in TOP_LEVEL and key not in TABLES:
            known = ", ".join((*TOP_LEVEL, *TABLES))
            raise InputError(key, f"unknown setting (settings are {known})")

    timezone = _text(data, "timezone")
    country = _text(data, "country")
    country = country.upper() if country else None
    subdivision = _text(data, "subdivision")
    theme = _text(data, "theme") or DEFAULT_THEME

    # Building these checks the values: a country code of the right shape,
    # timings in range and, in Settings itself, a time zone that exists.
    BusinessCalendar(country, subdivision)
    rules = RuleSettings(**_follow_up(data))
    return Settings(
        timezone,
        country,
        subdivision,
        rules,
        theme,
        _keymap(data),
        _text(data, "your_name"),
    )


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(key, f"expected a string, got {value!r}")
    if not value.strip():
        raise InputError(key, "expected a value; leave the setting out for the default")
    return value.strip()


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise InputError(key, f"expected a table [{key}], got {value!r}")
    return value


def _follow_up(data: dict[str, Any]) -> dict[str, Any]:
    timings = _table(data, "follow_up")
    known = [
        timing.name for timing in fields(RuleSettings) if "help" in timing.metadata
    ]
    for key in timings:
        if key not in known:
            raise InputError(
                f"follow_up.{key}", f"unknown setting (settings are {', '.join(known)})"
            )
    return timings


def _keymap(data: dict[str, Any]) -> dict[str, str]:
    keymap: dict[str, str] = {}
    actions: dict[str, str] = {}
    for action, key in _table(data, "keymap").items():
        where = f"keymap.{action}"
        if not isinstance(key, str) or not key.strip() or " " in key.strip():
            raise InputError(
                where, f'expected a key such as "n" or "ctrl+n", got {key!r}'
            )
        key = key.strip()
        if key in actions:
            raise InputError(where, f"{key!r} is already the key for {actions[key]}")
        actions[key] = action
        keymap[action] = key
    return keymap


def default_settings_toml() -> str:
    """Every setting at its default, as a commented settings file."""
    lines = [
        "# jobtui settings. Every setting below is at its default; change or",
        "# uncomment the ones you want.",
        "",
        "# Your time zone (an IANA name); left out, the system's own is used.",
        '# timezone = "Europe/Berlin"',
        "",
        "# The country (ISO code) whose public holidays are not business days;",
        "# left out, only weekends are skipped.",
        '# country = "US"',
        "",
        "# A state or province within the country, for its own holidays.",
        '# subdivision = "CA"',
        "",
        "# The board's colour theme.",
        f'theme = "{DEFAULT_THEME}"',
        "",
        "# The name you sign notes with; left out, templates leave [your name].",
        '# your_name = "Sam Lee"',
        "",
        "# When each follow-up opens and is due. Days are days on your calendar;",
        "# the start is the application, their latest reply, the end of an",
        "# interview, an offer, or a move to a later stage.",
        "[follow_up]",
    ]
    defaults = RuleSettings()
    for timing in fields(RuleSettings):
        if "help" in timing.metadata:
            meaning = timing.metadata["help"]
            lines.append(f"# {meaning[0].upper()}{meaning[1:]}.")
            lines.append(f"{timing.name} = {getattr(defaults, timing.name)}")
    lines += [
        "",
        "# Keys for the board's actions, by action name, for example:",
        "[keymap]",
        '# new = "n"',
        '# move = "m"',
        "",
    ]
    return "\n".join(lines)

"""The settings file: defaults, a full file, and every kind of bad value."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from dataclasses import fields
from pathlib import Path

import pendulum
import pytest

from jobtui.domain.calendar import BusinessCalendar
from jobtui.domain.errors import InputError
from jobtui.domain.rules import RuleSettings
from jobtui.domain.settings import (
    Settings,
    default_settings_toml,
    load_settings,
    settings_from,
)
from jobtui.domain.times import local_zone

FULL = """
timezone = "America/New_York"
country = "us"
subdivision = "CA"
theme = "nord"

[follow_up]
first_opens_days = 5
first_due_days = 10
second_opens_days = 6
second_due_days = 12
final_opens_days = 15
final_due_days = 20
move_on_wait_days = 3
move_on_window_days = 4
give_up_days = 30
thank_you_due_hours = 12
status_opens_days = 8
status_window_days = 6
offer_reply_business_days = 2
decision_min_business_days = 2
decision_max_business_days = 7
cadence_max = 3
cadence_days = 10

[keymap]
new = "n"
move = "ctrl+m"
"""


def write(folder: Path, text: str | bytes) -> Path:
    path = folder / "settings.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def refusal(folder: Path, text: str | bytes) -> InputError:
    path = write(folder, text)
    with pytest.raises(InputError) as caught:
        load_settings(path)
    return caught.value


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "nowhere.toml")
    assert loaded == Settings()
    assert loaded.rules.first_opens_days == 7
    assert loaded.theme == "textual-dark"
    assert loaded.keymap == {}


def test_the_default_path_is_the_settings_file_in_the_config_folder(
    isolated_home: Path,
) -> None:
    folder = isolated_home / "config"
    folder.mkdir()
    write(folder, 'theme = "nord"\n')
    assert load_settings().theme == "nord"


def test_a_full_file_sets_every_setting(tmp_path: Path) -> None:
    loaded = load_settings(write(tmp_path, FULL))
    assert (loaded.timezone, loaded.country, loaded.subdivision) == (
        "America/New_York",
        "US",
        "CA",
    )
    assert loaded.theme == "nord"
    assert loaded.keymap == {"new": "n", "move": "ctrl+m"}
    written = tomllib.loads(FULL)["follow_up"]
    for name, value in written.items():
        assert getattr(loaded.rules, name) == value, name
    assert len(written) == len(fields(RuleSettings)) - 1


def test_the_rules_count_days_in_the_settings_time_zone(tmp_path: Path) -> None:
    loaded = load_settings(write(tmp_path, 'timezone = "Asia/Tokyo"\n'))
    assert loaded.zone == pendulum.timezone("Asia/Tokyo")
    assert loaded.rules.zone == loaded.zone


def test_an_unset_time_zone_is_the_systems_own() -> None:
    assert Settings().zone == local_zone(None)


def test_the_calendar_uses_the_country_and_subdivision(tmp_path: Path) -> None:
    calendar = load_settings(write(tmp_path, FULL)).calendar()
    assert isinstance(calendar, BusinessCalendar)
    assert (calendar.country, calendar.subdivision) == ("US", "CA")
    assert not calendar.is_business_day(pendulum.date(2026, 11, 26))


def test_the_default_document_loads_as_the_defaults(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, default_settings_toml())) == Settings()


def test_the_default_document_shows_every_setting_with_what_it_means() -> None:
    document = default_settings_toml()
    for name in ("timezone", "country", "subdivision", "theme", "[keymap]"):
        assert name in document
    defaults = RuleSettings()
    for timing in fields(RuleSettings):
        if timing.name != "zone":
            line = f"{timing.name} = {getattr(defaults, timing.name)}"
            assert line in document.splitlines()
    assert all(len(line) <= 88 for line in document.splitlines()), (
        "the document should read well in a terminal"
    )


def test_an_error_names_the_file_and_the_key(tmp_path: Path) -> None:
    error = refusal(tmp_path, "[follow_up]\nfirst_opens_days = -1\n")
    assert error.where == f"{tmp_path / 'settings.toml'}: follow_up.first_opens_days"
    assert "expected a number from 0 to 3650" in error.what


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ('colour = "red"\n', "colour", "unknown setting"),
        ("[follow_up]\nfirst_open_days = 7\n", "follow_up.first_open_days", "unknown"),
        ("[general]\nx = 1\n", "general", "unknown setting"),
        ("timezone = 1\n", "timezone", "expected a string"),
        ("country = true\n", "country", "expected a string"),
        ('theme = ""\n', "theme", "expected a value"),
        ("follow_up = 7\n", "follow_up", "expected a table"),
        ('keymap = "n"\n', "keymap", "expected a table"),
        (
            '[follow_up]\nfirst_opens_days = "7"\n',
            "follow_up.first_opens_days",
            "whole",
        ),
        (
            "[follow_up]\nfirst_opens_days = 7.0\n",
            "follow_up.first_opens_days",
            "whole",
        ),
        ("[follow_up]\ncadence_max = true\n", "follow_up.cadence_max", "whole number"),
        ("[keymap]\nnew = 1\n", "keymap.new", "expected a key"),
    ],
)
def test_an_unknown_key_or_a_wrong_type_is_refused(
    tmp_path: Path, text: str, where: str, what: str
) -> None:
    error = refusal(tmp_path, text)
    assert error.where == f"{tmp_path / 'settings.toml'}: {where}"
    assert what in error.what


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ('timezone = "Mars/Olympus"\n', "timezone", "unknown time zone"),
        ('country = "Germany"\n', "country", "not a country code"),
        ('subdivision = "BY"\n', "subdivision", "needs a country"),
        ("[follow_up]\ngive_up_days = 0\n", "follow_up.give_up_days", "from 1 to"),
        (
            "[follow_up]\nfirst_due_days = 100000\n",
            "follow_up.first_due_days",
            "to 3650",
        ),
        ("[follow_up]\nfirst_due_days = 7\n", "follow_up.first_due_days", "more than"),
        (
            "[follow_up]\nfinal_opens_days = 21\n",
            "follow_up.final_due_days",
            "more than",
        ),
        (
            "[follow_up]\ndecision_min_business_days = 6\n",
            "follow_up.decision_max_business_days",
            "at least",
        ),
        ("[follow_up]\ncadence_days = 0\n", "follow_up.cadence_days", "from 1 to"),
        (
            "[follow_up]\nthank_you_due_hours = 0\n",
            "follow_up.thank_you_due_hours",
            "1",
        ),
        ('[keymap]\nnew = "ctrl n"\n', "keymap.new", "expected a key"),
        ('[keymap]\nnew = "n"\nnext = "n"\n', "keymap.next", "already the key for new"),
    ],
)
def test_a_bad_value_is_refused(
    tmp_path: Path, text: str, where: str, what: str
) -> None:
    error = refusal(tmp_path, text)
    assert error.where == f"{tmp_path / 'settings.toml'}: {where}"
    assert what in error.what


def test_a_file_that_is_not_toml_is_refused_with_its_line(tmp_path: Path) -> None:
    error = refusal(tmp_path, "theme = nord\n")
    assert error.where == str(tmp_path / "settings.toml")
    assert "not valid TOML" in error.what and "line 1" in error.what


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    error = refusal(tmp_path, b'theme = "\xff"\n')
    assert error.what == "is not UTF-8 text"


def test_a_folder_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").mkdir()
    with pytest.raises(InputError, match="is not a file"):
        load_settings(tmp_path / "settings.toml")


def test_settings_from_names_the_key_without_a_file() -> None:
    with pytest.raises(InputError) as caught:
        settings_from({"follow_up": {"cadence_max": 0}})
    assert caught.value.where == "follow_up.cadence_max"


def test_tomllib_is_not_imported_when_there_is_no_file(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from jobtui.domain.settings import load_settings\n"
        f"load_settings(Path({str(tmp_path / 'missing.toml')!r}))\n"
        "print('tomllib' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"

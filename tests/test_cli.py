"""The command line: every command, its errors, and that nothing is half-written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobtui.cli.main import COMMANDS, SECTIONS
from tests.cli_support import add, lock_held_elsewhere


@pytest.fixture
def db(isolated_home: Path) -> Path:
    """The database file the commands use (JOBTUI_DB)."""
    return Path(os.environ["JOBTUI_DB"])


def test_add_prints_a_uuid_and_list_shows_the_application(jobtui, db) -> None:
    app_id = add(jobtui, "--company", "Acme", "--role", "Data Engineer")

    listed = jobtui("list")

    assert len(app_id) == 36 and app_id.count("-") == 4
    assert "Acme" in listed.out and "Data Engineer" in listed.out
    assert app_id[:8] in listed.out
    assert db.exists()


def test_show_finds_an_application_by_any_unique_prefix(jobtui) -> None:
    app_id = add(
        jobtui,
        "--company",
        "Acme",
        "--role",
        "SRE",
        "--applied",
        "2026-11-03",
        "--contact",
        "Dana Reyes",
        "--contact-email",
        "dana@acme.example",
        "--tag",
        "remote",
        "--url",
        "https://acme.example/jobs/1",
    )

    shown = jobtui("show", app_id[:5])

    assert shown.status == 0
    assert "Acme — SRE" in shown.out
    assert "Dana Reyes" in shown.out and "dana@acme.example" in shown.out
    assert "added in Applied" in shown.out
    assert "https://acme.example/jobs/1" in shown.out


def test_an_unknown_id_is_a_one_line_input_error(jobtui) -> None:
    add(jobtui, "--company", "Acme", "--role", "SRE")

    result = jobtui("show", "zzzz")

    assert result.status == 2
    assert result.err.count("\n") == 1
    assert "zzzz" in result.err


def test_move_changes_the_stage_and_records_it(jobtui) -> None:
    app_id = add(
        jobtui, "--company", "Acme", "--role", "SRE", "--applied", "2026-11-01"
    )

    moved = jobtui("move", app_id[:6], "phone screen", "--at", "2026-11-20 10:00")
    shown = jobtui("show", app_id, "--json")

    assert moved.status == 0
    document = json.loads(shown.out)
    assert document["stage"] == "Phone Screen"
    change = document["events"][-1]
    assert change["kind"] == "stage"
    assert (change["from"], change["to"]) == ("Applied", "Phone Screen")


def test_log_records_each_kind_of_event(jobtui) -> None:
    app_id = add(
        jobtui, "--company", "Acme", "--role", "SRE", "--applied", "3 days ago"
    )

    results = [
        jobtui("log", app_id, "followup", "--text", "Checking in", "--at", "1 day ago"),
        jobtui("log", app_id, "reply", "--summary", "Screen next week"),
        jobtui(
            "log",
            app_id,
            "interview",
            "--with",
            "Dana",
            "--duration",
            "45",
            "--notes",
            "their queue migration",
            "--decision-by",
            "in 7 days",
        ),
        jobtui("log", app_id, "offer", "--details", "90k", "--deadline", "in 7 days"),
    ]
    events = json.loads(jobtui("show", app_id, "--json").out)["events"]

    assert all(result.status == 0 for result in results), [r.err for r in results]
    kinds = [event["kind"] for event in events]
    assert kinds == ["stage", "followup", "reply", "interview", "offer"]
    interview = events[3]
    assert interview["with"] == "Dana" and interview["duration_minutes"] == 45
    assert interview["notes"] == "their queue migration"
    assert interview["decision_by"] is not None


def test_an_option_that_does_not_fit_the_event_is_refused(jobtui, db) -> None:
    app_id = add(jobtui, "--company", "Acme", "--role", "SRE")
    before = db.read_bytes()

    result = jobtui("log", app_id, "reply", "--duration", "30")

    assert result.status == 2
    assert "--duration: does not apply to a reply" in result.err
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "--role", "SRE"], "--company"),
        (["add", "--company", "  ", "--role", "SRE"], "--company: cannot be empty"),
        (["add", "--company", "A", "--role", "R", "--applied", "soon"], "--applied"),
        (["add", "--company", "A", "--role", "R", "--stage", "Dreaming"], "--stage"),
        (["add", "--company", "A", "--role", "R", "--url", "acme"], "--url"),
        (
            [
                "add",
                "--company",
                "A",
                "--role",
                "R",
                "--contact",
                "Dana",
                "--contact-email",
                "dana@",
            ],
            "--contact-email",
        ),
        (["due", "--at", "whenever"], "--at"),
        (["export", "--format", "pdf"], "--format"),
    ],
)
def test_bad_input_gets_one_line_exit_2_and_writes_nothing(
    jobtui, db, args: list[str], message: str
) -> None:
    add(jobtui, "--company", "Keep", "--role", "Me")
    before = db.read_bytes()

    result = jobtui(*args)

    assert result.status == 2
    assert result.err.startswith("jobtui: ")
    assert result.err.count("\n") == 1
    assert message in result.err
    assert db.read_bytes() == before


def test_due_lists_opened_windows_as_json_with_the_documented_fields(jobtui) -> None:
    app_id = add(
        jobtui, "--company", "Acme", "--role", "SRE", "--applied", "2026-11-10 09:00"
    )
    add(jobtui, "--company", "Fresh", "--role", "SRE", "--applied", "2026-11-19 09:00")

    result = jobtui("due", "--at", "2026-11-20 12:00", "--json")

    items = json.loads(result.out)
    assert [item["company"] for item in items] == ["Acme"]
    item = items[0]
    assert item["id"] == app_id
    assert {"id", "company", "role", "stage", "kind", "state", "opens", "due"} <= set(
        item
    )
    assert item["kind"] == "followup"
    assert item["state"] == "open"


def test_due_puts_overdue_before_open(jobtui) -> None:
    add(jobtui, "--company", "Open", "--role", "R", "--applied", "2026-11-10 09:00")
    add(jobtui, "--company", "Late", "--role", "R", "--applied", "2026-11-01 09:00")

    result = jobtui("due", "--at", "2026-11-18 12:00", "--json")

    items = json.loads(result.out)
    assert [(item["company"], item["state"]) for item in items] == [
        ("Late", "overdue"),
        ("Open", "open"),
    ]
    assert jobtui("due", "--at", "2026-11-18 12:00", "--count").out.strip() == "2"


def test_export_json_round_trips_through_import(jobtui, tmp_path: Path) -> None:
    app_id = add(jobtui, "--company", "Acme", "--role", "SRE", "--tag", "remote")
    jobtui("log", app_id, "interview", "--with", "Dana", "--notes", "caching")
    exported = tmp_path / "out.json"
    assert jobtui("export", "-o", str(exported)).status == 0

    other = tmp_path / "other.json"
    imported = jobtui("--db", str(other), "import", str(exported))
    again = jobtui("--db", str(other), "export", "--format", "json")

    assert imported.status == 0, imported.err
    assert again.out == exported.read_text()


def test_import_reports_every_bad_row_and_imports_nothing(
    jobtui, db, tmp_path: Path
) -> None:
    add(jobtui, "--company", "Keep", "--role", "Me")
    before = db.read_bytes()
    sheet = tmp_path / "apps.csv"
    sheet.write_text(
        "company,role,stage,applied\n"
        "Acme,SRE,Applied,2026-11-03\n"
        ",Data Engineer,Applied,2026-11-04\n"
        "Globex,Analyst,Nowhere,2026-11-05\n"
    )

    result = jobtui("import", str(sheet))

    assert result.status == 2
    assert "line 3" in result.err and "line 4" in result.err
    assert db.read_bytes() == before


def test_export_ics_holds_the_upcoming_windows(jobtui) -> None:
    add(jobtui, "--company", "Acme", "--role", "SRE")

    result = jobtui("export", "--format", "ics")

    assert result.status == 0
    assert result.out.startswith("BEGIN:VCALENDAR")
    assert "Acme" in result.out


def test_stages_can_be_added_renamed_and_closed(jobtui) -> None:
    app_id = add(jobtui, "--company", "Acme", "--role", "SRE", "--stage", "Offer")

    assert jobtui("stages", "add", "Wishlist", "--before", "Applied").status == 0
    assert jobtui("stages", "rename", "Offer", "Offer Received").status == 0
    assert jobtui("stages", "close", "Offer Received").status == 0
    listing = jobtui("stages").out

    assert listing.index("Wishlist") < listing.index("Applied")
    assert "Offer Received  closed" in listing
    assert json.loads(jobtui("show", app_id, "--json").out)["stage"] == "Offer Received"
    assert jobtui("stages", "remove", "Offer Received").status == 2


def test_a_damaged_database_is_refused_and_left_as_it_was(jobtui, db) -> None:
    db.parent.mkdir(parents=True)
    db.write_text('{"applications": {"1": {"company": ')

    result = jobtui("list")

    assert result.status == 1
    assert str(db) in result.err
    assert db.read_text() == '{"applications": {"1": {"company": '


def _run_cli(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jobtui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_reading_commands_never_import_textual(jobtui) -> None:
    add(jobtui, "--company", "Acme", "--role", "SRE")
    probe = (
        "import sys, runpy; sys.argv = ['jobtui', 'due'];"
        "\ntry: runpy.run_module('jobtui', run_name='__main__')"
        "\nexcept SystemExit: pass"
        "\nprint('TEXTUAL' if 'textual' in sys.modules else 'CLEAN')"
    )

    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )

    assert result.stdout.strip().endswith("CLEAN"), result.stderr


def test_a_writing_command_fails_clearly_while_another_writer_holds_the_lock(
    jobtui, db
) -> None:
    add(jobtui, "--company", "Acme", "--role", "SRE")
    with lock_held_elsewhere(db) as holder:
        writing = _run_cli("add", "--company", "B", "--role", "R")
        reading = _run_cli("list")

    assert writing.returncode != 0
    assert str(holder.pid) in writing.stderr
    assert reading.returncode == 0 and "Acme" in reading.stdout


def test_help_is_available_for_every_command(jobtui) -> None:
    commands = [
        "add",
        "edit",
        "list",
        "show",
        "move",
        "log",
        "delete",
        "due",
        "stats",
        "import",
        "export",
        "stages",
        "backups",
        "settings",
        "demo",
    ]

    for command in commands:
        result = jobtui(command, "--help")
        assert result.status == 0, command
        assert "Usage: jobtui" in result.out, command


def test_the_top_level_help_lists_every_command_once_under_a_heading(jobtui) -> None:
    listed = [name for names in SECTIONS.values() for name in names]
    out = jobtui("--help").out

    assert sorted(listed) == sorted(COMMANDS)
    assert all(f"{heading}:" in out for heading in SECTIONS)
    # A summary too long for its line is cut short with "..."; each should fit.
    for text in (out, jobtui("stages", "--help").out):
        rows = [line for line in text.splitlines() if line.startswith("  ")]
        assert not [row for row in rows if row.endswith("...")]

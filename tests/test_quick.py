"""`jobtui due` without click says exactly what it says through click, or defers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from jobtui.cli.quick import DueLine, read_due_line
from jobtui.domain.demo import demo_applications
from jobtui.domain.storage import Store

MADE = pendulum.datetime(2026, 11, 20, 9, 0, tz="UTC")
AT = "2026-12-03 09:00"
THROUGH_CLICK = (
    "import sys; from jobtui.cli.main import main; sys.argv[0] = 'jobtui'; main()"
)
PROBE = """
import sys
from jobtui.cli.process import run
try:
    run()
finally:
    print("CLICK" if "click" in sys.modules else "NO CLICK", file=sys.stderr)
"""


def run_both_ways(
    args: list[str], env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """The `jobtui` process (which may go the quick way) and click's way, alike."""
    environment = {**os.environ, **(env or {})}

    def run(command: list[str]) -> subprocess.CompletedProcess:
        return subprocess.run(
            command, capture_output=True, env=environment, timeout=60, check=False
        )

    quick = run([sys.executable, "-m", "jobtui", *args])
    through_click = run([sys.executable, "-c", THROUGH_CLICK, *args])
    return quick, through_click


def the_same(
    quick: subprocess.CompletedProcess, through_click: subprocess.CompletedProcess
) -> bool:
    """Whether both printed the same bytes to both streams and exited alike."""
    return (quick.stdout, quick.stderr, quick.returncode) == (
        through_click.stdout,
        through_click.stderr,
        through_click.returncode,
    )


def demo_database(folder: Path, company_suffix: str = "") -> Path:
    """A database of the demo applications, each company's name extended."""
    path = folder / "applications.json"
    applications = demo_applications(MADE)
    for application in applications:
        application.company += company_suffix
    with Store.open(path, writable=True) as store:
        store.add_many(applications, now=MADE)
    return path


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of the demo applications."""
    return demo_database(tmp_path_factory.mktemp("quick"))


@pytest.mark.parametrize(
    "line",
    [
        ["due", "--at", AT],
        ["due", f"--at={AT}", "--json"],
        ["due", "--count", "--at", AT],
        ["due", "--json", "--count", "--at", AT, "--at", "2026-12-10"],
        ["due", "--at", "the day after never"],
        ["due", "--at", ""],
    ],
    ids=["table", "json", "count", "last-at-wins", "bad-at", "empty-at"],
)
def test_a_plain_due_line_prints_what_click_prints(
    demo_db: Path, line: list[str]
) -> None:
    for args in (["--db", str(demo_db), *line], [f"--db={demo_db}", *line]):
        quick, through_click = run_both_ways(args)
        assert the_same(quick, through_click), (quick, through_click)


def test_the_database_from_the_environment_and_an_empty_one_read_alike(
    demo_db: Path, tmp_path: Path
) -> None:
    named = run_both_ways(["due", "--count", "--at", AT], {"JOBTUI_DB": str(demo_db)})
    missing = run_both_ways(["--db", str(tmp_path / "none.json"), "due"])

    assert the_same(*named)
    assert int(named[0].stdout) > 0
    assert the_same(*missing)
    assert missing[0].stdout == b"Nothing is due.\n"


def test_a_file_that_is_not_a_database_is_refused_alike(tmp_path: Path) -> None:
    bad = tmp_path / "applications.json"
    bad.write_text("{not json")

    quick, through_click = run_both_ways(["--db", str(bad), "due"])

    assert the_same(quick, through_click)
    assert quick.returncode == 1
    assert b"not valid JSON" in quick.stderr


@pytest.mark.parametrize(
    "line",
    [
        ["due", "--help"],
        ["due", "--at"],
        ["due", "--at", "-5"],
        ["due", "extra"],
        ["due", "--", "--json"],
        ["due", "--jsn"],
        ["list"],
        [],
    ],
)
def test_anything_else_is_read_by_click(line: list[str]) -> None:
    assert read_due_line(["--db", "x.json", *line]) is None


def test_a_folder_or_an_odd_path_as_the_database_is_left_to_click(
    tmp_path: Path,
) -> None:
    assert read_due_line(["--db", str(tmp_path), "due"]) is None
    assert read_due_line(["--db", "", "due"]) is None
    assert read_due_line(["--db", "-", "due"]) is None
    assert read_due_line(["--db", str(tmp_path / "x.json"), "--db", "y", "due"]) is None

    quick, through_click = run_both_ways(["--db", str(tmp_path), "due"])
    assert the_same(quick, through_click)
    assert quick.returncode == 2


def test_the_options_of_a_plain_line_are_read() -> None:
    line = read_due_line(["--db=a.json", "due", "--json", "--at", "tomorrow"])

    assert line == DueLine(Path("a.json"), "tomorrow", as_json=True, count=False)
    assert read_due_line(["due"]) == DueLine(None, None, as_json=False, count=False)


def test_a_plain_line_never_imports_click_and_anything_else_does(
    demo_db: Path,
) -> None:
    def probe(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", PROBE, *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return result.stderr.strip().splitlines()[-1]

    assert probe("--db", str(demo_db), "due", "--count") == "NO CLICK"
    assert probe("--db", str(demo_db), "due", "--help") == "CLICK"


def test_terminal_codes_in_a_name_are_stripped_as_click_strips_them(
    tmp_path: Path,
) -> None:
    coloured = demo_database(tmp_path, " \x1b[31mRed\x1b[0m")

    quick, through_click = run_both_ways(["--db", str(coloured), "due", "--at", AT])

    assert the_same(quick, through_click)
    assert b" Red " in quick.stdout
    assert b"\x1b" not in quick.stdout

"""A line that opens the board, read without click, opens what click's way opens."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jobtui.cli.main import main
from jobtui.cli.quick_board import BoardLine, open_board_quickly, read_board_line

PROBE = """
import sys
import jobtui.cli.board as board
board.open_board = lambda env: print("board", env.db_path)
board.open_demo = lambda env: print("demo", env.db_path)
from jobtui.cli.process import run
try:
    run()
finally:
    print("CLICK" if "click" in sys.modules else "NO CLICK", file=sys.stderr)
"""

BOARD_LINES = [
    [],
    ["--db", "x.json"],
    ["--db=x.json"],
    ["demo"],
    ["--db", "x.json", "demo"],
]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path]]:
    """What the board would have been opened on, by either way of reading."""
    seen: list[tuple[str, Path]] = []
    monkeypatch.setattr(
        "jobtui.cli.board.open_board", lambda env: seen.append(("board", env.db_path))
    )
    monkeypatch.setattr(
        "jobtui.cli.board.open_demo", lambda env: seen.append(("demo", env.db_path))
    )
    return seen


@pytest.mark.parametrize("line", BOARD_LINES)
def test_a_board_line_opens_what_click_opens(
    line: list[str],
    opened: list[tuple[str, Path]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JOBTUI_DB", str(tmp_path / "default.json"))

    assert open_board_quickly(line)
    main(line)

    assert len(opened) == 2
    assert opened[0] == opened[1]


def test_the_database_and_the_demo_are_read_from_a_plain_line() -> None:
    assert read_board_line([]) == BoardLine(None, demo=False)
    assert read_board_line(["--db", "a.json"]) == BoardLine(Path("a.json"), False)
    assert read_board_line(["--db=a.json", "demo"]) == BoardLine(Path("a.json"), True)


@pytest.mark.parametrize(
    "line",
    [
        ["--help"],
        ["-V"],
        ["--version"],
        ["demo", "--help"],
        ["--db"],
        ["--db", "x.json", "--db", "y.json"],
        ["demo", "extra"],
        ["dmeo"],
        ["due"],
        ["list"],
        ["--", "demo"],
    ],
)
def test_anything_else_is_left_to_click(line: list[str]) -> None:
    assert read_board_line(line) is None


def test_a_folder_or_an_odd_path_as_the_database_is_left_to_click(
    tmp_path: Path,
) -> None:
    assert read_board_line(["--db", str(tmp_path)]) is None
    assert read_board_line(["--db", ""]) is None
    assert read_board_line(["--db", "-"]) is None
    assert read_board_line(["--db", "-x", "demo"]) is None


def test_an_error_opening_the_board_is_reported_as_click_reports_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "not-a-database.json"
    path.write_text("[1, 2, 3]\n")

    with pytest.raises(SystemExit) as quick:
        open_board_quickly(["--db", str(path)])
    quick_err = capsys.readouterr().err
    with pytest.raises(SystemExit) as through_click:
        main(["--db", str(path)])
    click_err = capsys.readouterr().err

    assert quick.value.code == through_click.value.code == 1
    assert quick_err == click_err
    assert quick_err.startswith("jobtui: ")


def test_a_board_line_never_imports_click_and_anything_else_does(
    tmp_path: Path,
) -> None:
    def probe(*args: str) -> tuple[str, str]:
        result = subprocess.run(
            [sys.executable, "-c", PROBE, *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return result.stdout.strip(), result.stderr.strip().splitlines()[-1]

    database = str(tmp_path / "x.json")
    assert probe("--db", database) == (f"board {database}", "NO CLICK")
    assert probe("--db", database, "demo") == (f"demo {database}", "NO CLICK")
    assert probe("--db", database, "stages")[1] == "CLICK"

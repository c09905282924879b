"""The screenshot script draws each of the five screens it promises, of the demo."""

from __future__ import annotations

import html
import importlib.util
import os
import re
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "screenshots" / "make_screenshots.py"
# One run of the terminal's text in Textual's SVG: where it starts, how wide it
# is drawn, and what it says. Blank runs are not written, only their background.
TEXT = re.compile(
    r'<text [^>]*\bx="([\d.]+)" y="([\d.]+)" textLength="([\d.]+)"[^>]*>([^<]*)</text>'
)


def load_script() -> ModuleType:
    """The script, loaded from its file: it is not part of the package."""
    spec = importlib.util.spec_from_file_location("make_screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def screen_text(svg: str) -> str:
    """What a screenshot shows, a line of text to each line of the terminal."""
    runs = [
        (float(x), float(y), float(length), html.unescape(run).replace("\xa0", " "))
        for x, y, length, run in TEXT.findall(svg)
    ]
    cell = next(length / len(run) for _, _, length, run in runs if run)
    left = min(x for x, _, _, _ in runs)

    lines: dict[float, str] = defaultdict(str)
    for x, y, _, run in runs:
        column = round((x - left) / cell)
        lines[y] = lines[y].ljust(column) + run
    return "\n".join(lines[y].rstrip() for y in sorted(lines))


class Run:
    """One run of the script: where it wrote, what it said it wrote, and after."""

    def __init__(self, script: ModuleType, out: Path) -> None:
        self.script = script
        self.out = out
        cwd, environ = Path.cwd(), dict(os.environ)
        script.main(["--out", str(out)])
        self.kept_cwd = Path.cwd() == cwd
        self.kept_environ = dict(os.environ) == environ

    def shows(self, name: str) -> str:
        """The text of one screenshot."""
        return screen_text((self.out / name).read_text("utf-8"))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The script run once into a folder of its own, for every test here."""
    return Run(load_script(), tmp_path_factory.mktemp("screenshots"))


def test_the_script_writes_five_svg_screenshots(run: Run) -> None:
    written = sorted(path.name for path in run.out.iterdir())

    assert written == sorted(run.script.NAMES)
    for name in written:
        svg = (run.out / name).read_text("utf-8")
        assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
        assert ">jobtui</text>" in svg, f"{name} is not titled as the app"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (
            "board.svg",
            [
                "1 Applied",
                "5 Offer",
                "Harbor Logistics",
                "Alder Climate",
                "12 follow-ups due",
            ],
        ),
        (
            "detail.svg",
            [
                "Kestrel Security — Security Engineer",
                "Next follow-up",
                "felix@kestrel.example",
                "Interviews",
                "History",
            ],
        ),
        (
            "thank-you.svg",
            [
                "Thank-you · Kestrel Security — Security Engineer",
                "Thank you for the Security Engineer conversation",
                "Hi Felix,",
                "threat-modelling",
                "Mark as sent",
            ],
        ),
        (
            "today.svg",
            [
                "Today · 13 due, 4 overdue",
                "Tidewater Energy — Data Platform Lead",
                "Kestrel Security — Security Engineer",
            ],
        ),
        (
            "numbers.svg",
            [
                "Numbers · 25 applications as of Tue 3 Nov 2026 09:00",
                "Response rate",
                "Funnel",
                "Interview rate by source",
            ],
        ),
    ],
)
def test_each_screenshot_shows_its_own_screen_of_the_demo(
    run: Run, name: str, shown: list[str]
) -> None:
    text = run.shows(name)

    for words in shown:
        assert words in text, f"{name} does not show {words!r}"


def test_only_the_board_is_drawn_under_the_board_screenshot(run: Run) -> None:
    board = run.shows("board.svg")

    assert "Next follow-up" not in board
    assert "Mark as sent" not in board
    assert "Rejected" not in board


def test_the_thank_you_note_is_signed_and_has_nothing_left_to_fill_in(
    run: Run,
) -> None:
    note = run.shows("thank-you.svg").splitlines()
    closing = next(n for n, line in enumerate(note) if "Best regards," in line)

    assert "Sam Rivera" in note[closing + 1]
    assert not any("{" in line for line in note)
    assert not any("Fill in" in line for line in note)
    assert any("Nothing to change." in line for line in note)


def test_the_script_puts_back_the_working_folder_and_the_environment(
    run: Run,
) -> None:
    assert run.kept_cwd
    assert run.kept_environ

"""The one stylesheet, read in two parts: the board's at start, the rest later."""

from __future__ import annotations

from jobtui.domain.store import Store
from jobtui.interface import STYLESHEET
from jobtui.interface.app import JobtuiApp
from jobtui.interface.screens.detail import DetailScreen
from jobtui.interface.stylesheet import LATER, read_parts
from tests.interface.board_support import SIZE, board_app


def test_the_parts_are_the_whole_file_and_keep_its_line_numbers() -> None:
    text = STYLESHEET.read_text(encoding="utf-8")
    parts = read_parts()

    assert "DetailScreen" not in parts.board and "Board {" in parts.board
    assert parts.later.startswith("\n" * parts.board.count("\n") + LATER)
    assert parts.board + parts.later.lstrip("\n") == text
    line = next(n for n, row in enumerate(text.split("\n")) if "DetailScreen {" in row)
    assert "DetailScreen {" in parts.later.split("\n")[line]


def later_read(app: JobtuiApp) -> bool:
    """Whether the app's stylesheet holds the rules of the screens over the board."""
    return any(
        name == "the screens over the board" and "DetailScreen" in source.content
        for (_, name), source in app.stylesheet.source.items()
    )


async def test_the_screens_rules_are_read_when_the_first_is_shown(
    store: Store,
) -> None:
    app = board_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not later_read(app)
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        assert later_read(app)
        assert app.screen.query_one("#detail").styles.border.top[0] == "round"

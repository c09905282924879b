"""The board's footer shows the keys where the focus is, rebuilt only on a change."""

from __future__ import annotations

import pytest

from jobtui.domain.store import Store
from jobtui.interface.board.footer import BoardFooter
from tests.interface.board_support import SIZE, board_app


def footer_keys(footer: BoardFooter) -> list[str]:
    """The descriptions of the keys the footer shows, in order."""
    return [str(key.description) for key in footer.query("FooterKey")]


async def test_bindings_refreshed_with_no_key_changed_leave_the_footer_as_it_was(
    store: Store,
) -> None:
    app = board_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = app.query_one(BoardFooter)
        before = list(footer.query("FooterKey"))
        assert "Filter" in footer_keys(footer)

        # What Textual does after key presses and actions, changed or not.
        for _ in range(3):
            app.screen.refresh_bindings()
            await pilot.pause()

        assert list(footer.query("FooterKey")) == before


async def test_the_footer_shows_other_keys_when_the_focus_moves(store: Store) -> None:
    app = board_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = app.query_one(BoardFooter)
        on_the_board = footer_keys(footer)

        await pilot.press("slash")
        await pilot.pause()
        in_the_filter = footer_keys(footer)
        await pilot.press("escape")
        await pilot.pause()

        assert in_the_filter != on_the_board
        assert footer_keys(footer) == on_the_board


async def test_the_footer_is_built_once_as_the_board_opens(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    recompose = BoardFooter.recompose

    async def counted(footer: BoardFooter) -> None:
        built.append(type(footer.screen.focused).__name__)
        await recompose(footer)

    monkeypatch.setattr(BoardFooter, "recompose", counted)
    app = board_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        footer = app.query_one(BoardFooter)

        assert built == ["Board"]
        assert "Filter" in footer_keys(footer)
        assert all(key.has_class("-compact") for key in footer.query("FooterKey"))

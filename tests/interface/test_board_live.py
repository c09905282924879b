"""The board over time and trouble: live highlight, saving, failed writes, theme."""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from textual.color import Color

from jobtui.domain.errors import DatabaseError, LockedError
from jobtui.domain.store import Store
from jobtui.domain.uistate import load_ui_state
from jobtui.interface.app import JobtuiApp
from jobtui.interface.board.board_model import BoardModel
from jobtui.interface.board.cards import Urgency
from jobtui.interface.board.status import StatusLine
from tests.interface.board_support import (
    SETTINGS,
    SIZE,
    Clock,
    board_app,
    board_of,
    column,
    companies,
    demo_store,
    sort_after_drawing,
)


def card_named(app: JobtuiApp, company: str):
    board = board_of(app)
    return next(
        c for c in board.model.cards.values() if c.application.company == company
    )


def line_of(app: JobtuiApp, stage: str, company: str, row: int) -> str:
    """The text of one line of a company's card as the column draws it."""
    cards = column(app, stage).list
    index = companies(app, stage).index(company)
    return cards.render_line(index * 6 + row - cards.scroll_offset.y).text


def status_text(app: JobtuiApp) -> str:
    return str(app.query_one(StatusLine).render())


async def test_a_window_that_opens_while_the_board_is_open_lights_up(
    store: Store,
) -> None:
    clock = Clock()
    app = board_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert "· follow-up opens in 1 day" in line_of(
            app, "Applied", "Pinecrest Travel", 4
        )
        due_before = board_of(app).model.due_count

        clock.now = card_named(app, "Pinecrest Travel").window.opens.add(minutes=1)
        board_of(app).tick()
        await pilot.pause()

        assert card_named(app, "Pinecrest Travel").urgency is Urgency.OPEN
        assert "○ follow-up due in" in line_of(app, "Applied", "Pinecrest Travel", 4)
        assert board_of(app).model.due_count > due_before
        assert f"{board_of(app).model.due_count} follow-ups due" in status_text(app)


async def test_a_timer_waits_for_the_exact_instant_a_window_turns(
    store: Store,
) -> None:
    clock = Clock()
    app = board_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        board = board_of(app)
        # The thank-you to Orchard Pay is due at 13:06, four hours on.
        clock.now = clock.now.add(hours=4, minutes=5, seconds=50)
        board.tick()
        assert "● thank-you due in 1 min" in line_of(
            app, "Phone Screen", "Orchard Pay", 4
        )
        assert board._turn_timer is not None  # due in ten seconds: a timer waits
        assert board.model.next_turn() - clock.now.timestamp() == 10

        clock.advance(seconds=10)
        board.tick()
        await pilot.pause()
        assert card_named(app, "Orchard Pay").urgency is Urgency.OVERDUE
        assert "▲ thank-you overdue" in line_of(app, "Phone Screen", "Orchard Pay", 4)


async def test_the_status_line_counts_what_is_due_and_names_the_file(
    store: Store,
) -> None:
    app = board_app(store)
    async with app.run_test(size=SIZE):
        text = status_text(app)
        assert "12 follow-ups due" in text
        assert "1 to move on?" in text
        assert str(store.path) in text


async def test_a_failed_write_is_reported_and_the_board_shows_the_file(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = board_app(store)

    def refuse(*args: object, **kwargs: object) -> None:
        raise DatabaseError("the disk is full")

    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(store, "save", refuse)
        await pilot.press("shift+right")
        for _ in range(20):
            await pilot.pause(0.05)
            if "Harbor Logistics" in companies(app, "Applied"):
                break
        assert "Harbor Logistics" in companies(app, "Applied")
        assert any("the disk is full" in n.message for n in app._notifications)
        monkeypatch.undo()


async def test_the_chosen_theme_is_remembered_for_the_next_run(
    store: Store,
) -> None:
    app = board_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert load_ui_state().theme == "nord"

    again = board_app(store)
    async with again.run_test(size=SIZE):
        assert again.theme == "nord"


async def test_a_theme_taken_at_start_is_drawn_in_its_own_colours(
    store: Store,
) -> None:
    app = board_app(store, settings=replace(SETTINGS, theme="textual-light"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        light = app.available_themes["textual-light"]
        assert app.has_class("-light-mode", "-theme-textual-light")
        assert not app.has_class("-dark-mode")
        assert app.screen.styles.background == Color.parse(light.background)
        assert not app._notifications


async def test_an_unknown_theme_in_the_settings_is_named_in_a_warning(
    store: Store,
) -> None:
    app = board_app(store, settings=replace(SETTINGS, theme="no-such-theme"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


@pytest.mark.parametrize("in_turns_from", [10, 2000], ids=["in turns", "in one go"])
async def test_a_large_board_shows_cards_first_then_sorts_them_by_urgency(
    store: Store, monkeypatch: pytest.MonkeyPatch, in_turns_from: int
) -> None:
    sort_after_drawing(monkeypatch, in_turns_from=in_turns_from)
    provisional = []
    load_provisional = BoardModel.load_provisional
    monkeypatch.setattr(
        BoardModel,
        "load_provisional",
        lambda model, *args: provisional.append(load_provisional(model, *args)),
    )
    app = board_app(store)
    async with app.run_test(size=SIZE) as pilot:
        board = board_of(app)
        assert provisional
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert board.model.settled
        assert companies(app, "Applied")[:2] == ["Harbor Logistics", "Larkspur Health"]
        assert board.focused_card.application.company == "Harbor Logistics"
        assert "12 follow-ups due" in status_text(app)


async def test_a_card_chosen_before_the_sorting_keeps_the_cursor(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    sort_after_drawing(monkeypatch, per_turn=1)
    app = board_app(store)
    async with app.run_test(size=SIZE) as pilot:
        board = board_of(app)
        assert not board.model.settled
        await pilot.press("3", "j")
        chosen = board.focused_card.application.company

        await app.workers.wait_for_complete()
        await pilot.pause()

        assert board.model.settled
        assert board.focused_card.application.company == chosen
        await pilot.press("1")
        assert board.focused_card.application.company == "Harbor Logistics"


def demo_path(folder: Path) -> Path:
    """A database of the demo in `folder`, closed again."""
    with demo_store(folder) as seeded:
        return seeded.path


async def test_the_board_takes_the_writer_lock_once_the_cards_are_drawn(
    tmp_path: Path,
) -> None:
    path = demo_path(tmp_path)
    store = Store.open(path, writable=True, lock_later=True)
    owner = path.with_name(f"{path.name}.lock.owner")
    assert not owner.exists()

    app = board_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert owner.exists()
        await pilot.press("L")
        await app.workers.wait_for_complete()
    store.close()
    assert app.locked_out is None
    assert "Harbor Logistics" in {
        application.company
        for application in Store.open(path, writable=False).applications()
        if application.stage == "Under Review"
    }


async def test_a_second_board_on_a_file_in_use_closes_naming_the_holder(
    tmp_path: Path,
) -> None:
    path = demo_path(tmp_path)
    with Store.open(path, writable=True):
        store = Store.open(path, writable=True, lock_later=True)
        app = board_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
        store.close()

    assert app.return_code == 1
    assert isinstance(app.locked_out, LockedError)
    assert f"pid {os.getpid()}" in str(app.locked_out)


async def test_the_board_waits_for_a_command_that_holds_the_lock_a_moment(
    tmp_path: Path,
) -> None:
    path = demo_path(tmp_path)
    command = Store.open(path, writable=True)  # as `jobtui log ...` would
    threading.Timer(0.2, command.close).start()

    store = Store.open(path, writable=True, lock_later=True)
    app = board_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        assert app.locked_out is None
        assert app.is_running
    store.close()

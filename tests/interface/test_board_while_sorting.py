"""A large board answers a move while its windows are still being worked out."""

from __future__ import annotations

import pytest

from jobtui.domain.demo import demo_applications
from jobtui.domain.store import Store
from jobtui.interface.board.board_model import BoardModel
from tests.interface.board_support import (
    FROZEN,
    SIZE,
    board_app,
    board_of,
    sort_after_drawing,
)
from tests.interface.test_board_model import STAGES, CountingRules


async def test_a_card_moved_while_windows_are_worked_out_is_drawn_and_kept(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    sort_after_drawing(monkeypatch, per_turn=1)
    app = board_app(store)
    async with app.run_test(size=SIZE) as pilot:
        board = board_of(app)
        card = board.focused_card
        assert card is not None and not board.model.settled
        stages = [column.name for column in board.model.columns]
        target = stages[stages.index(card.application.stage) + 1]

        await pilot.press("shift+right")
        assert board.model.column_of(card.app_id).name == target

        await app.workers.wait_for_complete()
        await pilot.pause()
        app.workspace.flush()

        assert board.model.settled
        assert board.model.column_of(card.app_id).name == target
    assert store.get(card.app_id).stage == target


def test_settled_cards_change_at_the_same_moments_as_cards_loaded_at_once() -> None:
    rules = CountingRules()
    applications = demo_applications(FROZEN)
    at_once = BoardModel(STAGES, rules)
    at_once.load(applications, FROZEN)
    later = BoardModel(STAGES, rules)
    later.load_provisional(applications, FROZEN)

    later.settle({app.id: (app, rules(app, FROZEN)) for app in applications})

    assert later.next_turn() == at_once.next_turn() is not None
    assert sorted(later._turns) == sorted(at_once._turns)

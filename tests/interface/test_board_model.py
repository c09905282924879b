"""The board's cards without a screen: their order, words, filter and live urgency."""

from __future__ import annotations

import copy

from pendulum import DateTime

from jobtui.domain.demo import demo_applications
from jobtui.domain.model import Application, StageSet
from jobtui.domain.rules import Window, next_window
from jobtui.interface.board.board_model import BoardModel
from jobtui.interface.board.cards import Urgency, card_text
from tests.interface.board_support import FROZEN, SETTINGS

STAGES = StageSet()


class CountingRules:
    """`next_window`, counting how often it is asked."""

    def __init__(self) -> None:
        self.calls = 0
        self.calendar = SETTINGS.calendar()

    def __call__(self, application: Application, now: DateTime) -> Window | None:
        self.calls += 1
        return next_window(
            application,
            now,
            stages=STAGES,
            settings=SETTINGS.rules,
            calendar=self.calendar,
        )


def loaded(now: DateTime = FROZEN) -> tuple[BoardModel, CountingRules]:
    rules = CountingRules()
    model = BoardModel(STAGES, rules)
    model.load(demo_applications(FROZEN), now)
    return model, rules


def companies(model: BoardModel, stage: str) -> list[str]:
    cards = model.column_named(stage)
    return [model.cards[key[-1]].application.company for key in cards.shown]


def card_of(model: BoardModel, company: str):
    return next(c for c in model.cards.values() if c.application.company == company)


def test_each_stage_has_a_column_in_board_order() -> None:
    model, _ = loaded()
    assert [column.name for column in model.columns] == STAGES.names
    assert sum(column.total for column in model.columns) == 25


def test_the_most_urgent_come_first_then_the_latest_activity() -> None:
    model, _ = loaded()
    applied = [card_of(model, name).urgency for name in companies(model, "Applied")]
    assert applied == sorted(applied)
    assert companies(model, "Applied")[:2] == ["Harbor Logistics", "Larkspur Health"]
    assert companies(model, "Phone Screen")[:2] == ["Stratus Kitchens", "Orchard Pay"]

    waiting = [
        card_of(model, name)
        for name in companies(model, "Applied")
        if card_of(model, name).urgency is Urgency.WAITING
    ]
    activity = [card.application.last_activity for card in waiting]
    assert activity == sorted(activity, reverse=True)


def test_each_urgency_says_so_in_words_and_a_symbol() -> None:
    model, _ = loaded()

    def says(company: str) -> str:
        return card_text(
            card_of(model, company), FROZEN, first_stage="Applied"
        ).follow_up

    assert says("Harbor Logistics") == "▲ follow-up overdue 2 h"
    assert says("Orchard Pay") == "● thank-you due in 4 h"
    assert says("Bluefin Robotics") == "○ follow-up due in 5 days"
    assert says("Tidewater Energy").startswith("» move on?")
    assert says("Copperleaf Games") == "· follow-up opens in 6 days"
    assert says("Granite Cloud") == ""


def test_a_card_says_how_long_it_has_been_in_its_stage() -> None:
    model, _ = loaded()

    def since(company: str) -> str:
        return card_text(card_of(model, company), FROZEN, first_stage="Applied").since

    assert since("Bluefin Robotics") == "applied 9 days ago"
    assert since("Juniper Maps") == "in Phone Screen 3 days"


def test_a_move_recomputes_only_the_moved_application() -> None:
    model, rules = loaded()
    before = rules.calls
    moved = copy.deepcopy(card_of(model, "Bluefin Robotics").application)
    moved.move_to("Phone Screen", FROZEN)

    model.put(moved)

    assert rules.calls == before + 1
    assert "Bluefin Robotics" not in companies(model, "Applied")
    assert "Bluefin Robotics" in companies(model, "Phone Screen")
    shown = model.column_named("Phone Screen").shown
    assert shown == sorted(shown)


def test_the_filter_matches_company_role_or_tag_and_every_word() -> None:
    model, _ = loaded()

    model.set_filter("python")
    python = {name for column in STAGES.names for name in companies(model, column)}
    assert "Quillon Labs" in python  # role "Python Developer" and the tag
    assert "Northwind Analytics" in python  # the tag only
    assert "Harbor Logistics" not in python

    model.set_filter("python remote")
    assert companies(model, "Applied") == ["Quillon Labs", "Northwind Analytics"]

    model.set_filter("BLUEFIN")
    assert companies(model, "Applied") == ["Bluefin Robotics"]
    assert model.column_named("Applied").total == 10

    model.set_filter("")
    assert len(companies(model, "Applied")) == 10


def test_a_window_lights_up_when_it_opens_and_only_then() -> None:
    model, _ = loaded()
    assert card_of(model, "Pinecrest Travel").urgency is Urgency.WAITING
    opens = card_of(model, "Pinecrest Travel").window.opens

    early = model.advance(opens.subtract(seconds=1))
    assert "Pinecrest Travel" not in [card.application.company for card in early]
    assert card_of(model, "Pinecrest Travel").urgency is Urgency.WAITING
    assert model.next_turn() is not None

    changed = model.advance(opens.add(seconds=1))

    assert "Pinecrest Travel" in [card.application.company for card in changed]
    assert card_of(model, "Pinecrest Travel").urgency is Urgency.OPEN


def test_due_counts_open_and_overdue_follow_ups_but_not_moving_on() -> None:
    model, _ = loaded()
    due = [c for c in model.cards.values() if c.urgency.is_due]
    assert model.due_count == len(due) == 12
    assert model.counts[Urgency.MOVE_ON] == 1


def test_provisional_cards_settle_with_windows_worked_out_elsewhere() -> None:
    rules = CountingRules()
    model = BoardModel(STAGES, rules)
    applications = demo_applications(FROZEN)
    model.load_provisional(applications, FROZEN)
    assert not model.settled
    assert rules.calls == 0

    known = {app.id: (app, rules(app, FROZEN)) for app in applications}
    changed = copy.deepcopy(applications[1])
    changed.move_to("Phone Screen", FROZEN)
    model.put(changed)
    model.settle(known)

    assert model.settled
    assert rules.calls == 25 + 1 + 1  # worked out, the put, and again for the put
    assert companies(model, "Applied")[:2] == ["Harbor Logistics", "Larkspur Health"]
    assert changed.company in companies(model, "Phone Screen")

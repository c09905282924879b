"""The Today view: every due follow-up, most urgent first, and its keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable

from jobtui.domain.model import Handled, Kind, Snoozed
from jobtui.domain.store import Store
from jobtui.domain.workspace import Workspace
from jobtui.interface.screens.composer import ComposerScreen
from jobtui.interface.screens.detail import DetailScreen
from jobtui.interface.screens.today import TodayScreen
from jobtui.interface.screens.today_ask import HandledQuestion, SnoozeQuestion
from tests.interface.board_support import FROZEN, SETTINGS, SIZE, Clock, demo_store
from tests.interface.screen_host import ScreenHost

ORDER = [
    "Tidewater Energy",
    "Larkspur Health",
    "Stratus Kitchens",
    "Harbor Logistics",
    "Orchard Pay",
    "Kestrel Security",
    "Alder Climate",
    "Fernhill Education",
    "Bluefin Robotics",
    "Meridian Freight",
    "Pelican Insurance",
    "Ironwood Data",
    "Quillon Labs",
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A writable store of the demo, made at the frozen time."""
    opened = demo_store(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def workspace(store: Store, clock: Clock) -> Iterator[Workspace]:
    space = Workspace(store, clock=clock)
    yield space
    space.close()


def today(workspace: Workspace, clock: Clock) -> ScreenHost:
    app = ScreenHost(lambda: TodayScreen(workspace, SETTINGS, clock=clock))
    app.animation_level = "none"
    return app


def rows(app: ScreenHost) -> list[list[str]]:
    """The table's rows as text, in the order shown."""
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


def companies(app: ScreenHost) -> list[str]:
    return [row[4].split(" — ")[0] for row in rows(app)]


def on_disk(store: Store, company: str) -> list[object]:
    """The history the file holds for a company."""
    with Store.open(store.path, writable=False) as reader:
        found = next(a for a in reader.applications() if a.company == company)
    return found.events


async def test_overdue_follow_ups_come_first_then_the_soonest_due(
    workspace: Workspace, clock: Clock
) -> None:
    app = today(workspace, clock)
    async with app.run_test(size=SIZE):
        shown = rows(app)
        order = companies(app)

    assert order == ORDER
    assert shown[0][:2] == ["▲ overdue 8 days", "move on?"]
    assert shown[0][2:4] == ["2 weeks", ""]
    assert shown[0][4].startswith("Tidewater Energy — ")
    states = [row[0][0] for row in shown]
    assert states == ["▲"] * 4 + ["●"] * 2 + ["○"] * 7
    assert [row[1] for row in shown[4:7]] == ["thank-you", "thank-you", "offer reply"]


async def test_w_and_enter_open_the_composer_on_the_kind_that_is_due(
    workspace: Workspace, clock: Clock
) -> None:
    app = today(workspace, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "w")
        first = app.screen
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("up", "enter")
        second = app.screen

    assert isinstance(first, ComposerScreen)
    assert first.composition.kind is Kind.THANK_YOU
    assert first.composition.application.company == "Stratus Kitchens"
    assert isinstance(second, ComposerScreen)
    assert second.composition.application.company == "Larkspur Health"


async def test_o_opens_the_application_and_escape_comes_back_to_the_list(
    workspace: Workspace, clock: Clock
) -> None:
    app = today(workspace, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "o")
        detail = app.screen
        await pilot.press("escape")
        await pilot.pause()
        back = app.screen
        await pilot.press("escape")
        await pilot.pause()

    assert isinstance(detail, DetailScreen)
    assert detail.application.company == "Larkspur Health"
    assert isinstance(back, TodayScreen)
    assert app.dismissed


async def test_a_snooze_is_saved_and_hides_the_follow_up_until_it_ends(
    store: Store, workspace: Workspace, clock: Clock
) -> None:
    app = today(workspace, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "s")
        asked = app.screen
        await pilot.press("3", "enter")
        await pilot.pause()
        after = companies(app)
    workspace.close()
    store.close()

    assert isinstance(asked, SnoozeQuestion)
    assert "Larkspur Health" not in after
    assert len(after) == len(ORDER) - 1
    (snooze,) = [e for e in on_disk(store, "Larkspur Health") if isinstance(e, Snoozed)]
    assert snooze.kind is Kind.FOLLOWUP
    assert snooze.at == FROZEN
    assert snooze.until == FROZEN.add(days=3)

    with Store.open(store.path, writable=True) as reopened:
        space = Workspace(reopened, clock=clock)
        app = today(space, clock)
        async with app.run_test(size=SIZE):
            still_hidden = companies(app)
        clock.advance(days=3)
        app = today(space, clock)
        async with app.run_test(size=SIZE):
            back = rows(app)
        space.close()

    assert "Larkspur Health" not in still_hidden
    larkspur = next(row for row in back if row[4].startswith("Larkspur Health"))
    assert larkspur[3] == "until Fri 6 Nov"


async def test_a_snooze_in_business_days_skips_the_weekend(
    store: Store, workspace: Workspace, clock: Clock
) -> None:
    app = today(workspace, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "s", "4", "b", "enter")
        await pilot.pause()
    workspace.flush()

    snooze = workspace.get(
        next(a.id for a in workspace.applications() if a.company == "Larkspur Health")
    ).events[-1]
    assert isinstance(snooze, Snoozed)
    assert snooze.until == FROZEN.add(days=6)


async def test_a_snooze_that_cannot_be_read_is_explained_and_nothing_is_saved(
    workspace: Workspace, clock: Clock
) -> None:
    app = today(workspace, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "x", "enter")
        await pilot.pause()
        hint = str(app.screen.query_one("#today-ask-hint").visual)
        await pilot.press("escape")
        await pilot.pause()
        after = companies(app)

    assert "is not a number of days" in hint
    assert after == ORDER
    assert not any(
        isinstance(event, Snoozed)
        for application in workspace.applications()
        for event in application.events
    )


async def test_handled_needs_a_reason_and_is_saved_with_it(
    store: Store, workspace: Workspace, clock: Clock
) -> None:
    app = today(workspace, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "h", "enter")
        await pilot.pause()
        refused = isinstance(app.screen, HandledQuestion)
        await pilot.press(*"phoned Sam")
        await pilot.press("enter")
        await pilot.pause()
        after = companies(app)
    workspace.close()

    assert refused
    assert "Larkspur Health" not in after
    (handled,) = [
        e for e in on_disk(store, "Larkspur Health") if isinstance(e, Handled)
    ]
    assert (handled.kind, handled.reason, handled.at) == (
        Kind.FOLLOWUP,
        "phoned Sam",
        FROZEN,
    )


def test_the_today_screen(store: Store, clock: Clock, snap_compare) -> None:
    space = Workspace(store, clock=clock)
    try:
        assert snap_compare(today(space, clock), terminal_size=SIZE)
    finally:
        space.close()

"""The stats screen shows the demo's figures as charts, and Escape closes it."""

from __future__ import annotations

import pendulum
from textual.widgets import Digits, Sparkline

from jobtui.domain.demo import demo_applications
from jobtui.domain.model import StageSet
from jobtui.interface.screens.stats import StatsScreen
from jobtui.interface.widgets.bars import BarRow, Bars, bar
from tests.interface.board_support import FROZEN
from tests.interface.screen_host import ScreenHost

SIZE = (100, 34)


def stats_host(applications=None) -> ScreenHost:
    chosen = demo_applications(FROZEN) if applications is None else applications
    return ScreenHost(
        lambda: StatsScreen(chosen, StageSet(), now=FROZEN, zone=pendulum.UTC)
    )


def bars(app: ScreenHost, id: str) -> list[tuple[str, str]]:
    """A chart's rows as (label, figure)."""
    return [(row.label, row.shown) for row in app.screen.query_one(id, Bars).rows]


def digits(app: ScreenHost, id: str) -> str:
    return app.screen.query_one(id, Digits).value


async def test_the_funnel_shows_how_many_demo_applications_reached_each_stage() -> None:
    app = stats_host()
    async with app.run_test(size=SIZE):
        assert bars(app, "#stats-funnel") == [
            ("Applied", "25"),
            ("Under Review", "2"),
            ("Phone Screen", "12"),
            ("Interviewing", "6"),
            ("Offer", "2"),
        ]
        assert bars(app, "#stats-closed") == [("Rejected", "3")]


async def test_the_rates_and_the_median_are_shown_in_large_digits() -> None:
    app = stats_host()
    async with app.run_test(size=SIZE):
        assert digits(app, "#stats-response") == "52%"
        assert digits(app, "#stats-median") == "13.0"
        assert digits(app, "#stats-answered") == "15%"


async def test_interview_rates_by_source_and_chasing_are_bars() -> None:
    app = stats_host()
    async with app.run_test(size=SIZE):
        sources = bars(app, "#stats-sources")
        chasing = bars(app, "#stats-chasing")

    assert sources[:3] == [
        ("AngelList", "100% (1 of 1)"),
        ("Climatebase", "100% (1 of 1)"),
        ("Referral", "75% (3 of 4)"),
    ]
    assert len(sources) == 10
    assert chasing == [("chased", "33% (2 of 6)"), ("not chased", "58% (11 of 19)")]


async def test_the_weeks_of_the_search_are_sparklines() -> None:
    app = stats_host()
    async with app.run_test(size=SIZE):
        made = app.screen.query_one("#stats-applications", Sparkline).data
        sent = app.screen.query_one("#stats-follow-ups", Sparkline).data

    assert made == [1, 0, 2, 2, 3, 4, 4, 6, 2, 1]
    assert sent == [0, 0, 1, 0, 2, 1, 2, 3, 6, 0]


async def test_every_figure_says_what_it_counts() -> None:
    app = stats_host()
    async with app.run_test(size=SIZE):
        counts = [str(label.visual) for label in app.screen.query(".stats--counts")]

    assert len(counts) == 7
    assert counts[0].startswith("applications with any reply, interview or offer")


async def test_no_applications_say_no_data() -> None:
    app = stats_host([])
    async with app.run_test(size=SIZE):
        assert digits(app, "#stats-response") == "-"
        details = [str(label.visual) for label in app.screen.query(".stats--detail")]
        assert details.count("no data") == 4
        assert app.screen.query_one("#stats-sources", Bars).rows == []


async def test_escape_closes_the_screen() -> None:
    app = stats_host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        assert app.dismissed
        assert app.result is None


def test_a_bar_is_drawn_to_an_eighth_of_a_cell() -> None:
    assert bar(0.5, 10) == "█████"
    assert bar(0.0625, 10) == "▋"
    assert bar(2.0, 3) == "███"


def test_bars_line_up_labels_and_figures() -> None:
    chart = Bars([BarRow("Applied", 4, "4"), BarRow("Offer", 1, "1")])

    assert chart.lines(20) == [
        ("Applied ", "██████████", " 4"),
        ("Offer   ", "██▌       ", " 1"),
    ]


def test_the_stats_screen_on_the_demo(snap_compare) -> None:
    assert snap_compare(stats_host(), terminal_size=SIZE)


def test_the_stats_screen_at_80_by_24_scrolled_down(snap_compare) -> None:
    assert snap_compare(stats_host(), terminal_size=(80, 24), press=["end"])

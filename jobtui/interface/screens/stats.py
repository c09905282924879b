"""The numbers of the search as charts, each with a line that says what it counts."""

from __future__ import annotations

from collections.abc import Sequence

from pendulum import DateTime
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Footer, Label, Sparkline, Static

from jobtui.domain.figures import (
    CHASED_LABEL,
    CHASING_TITLE,
    NO_DATA,
    NOT_CHASED_LABEL,
    SOURCE_COUNTS,
    SOURCES_TITLE,
    Count,
    Median,
    Pace,
    Rate,
    Stats,
    numbers_title,
)
from jobtui.domain.model import Application, StageSet
from jobtui.domain.stats import compute_stats
from jobtui.domain.times import Zone, format_local
from jobtui.interface.widgets.bars import BarRow, Bars


class StatsScreen(Screen[None]):
    """The funnel, the rates, the pace of the search and what chasing does.

    Args:
        applications: every application of the search.
        stages: the stages in board order, for the funnel.
        now: the moment the figures are as of.
        zone: the user's time zone, for the weeks.
    """

    BINDINGS = [Binding("escape", "close", "Close", id="stats.close")]

    def __init__(
        self,
        applications: Sequence[Application],
        stages: StageSet,
        *,
        now: DateTime,
        zone: Zone,
    ) -> None:
        super().__init__()
        self.stats = compute_stats(applications, stages, now=now, zone=zone)
        self.as_of = format_local(now, zone)

    def compose(self) -> ComposeResult:
        """The rates at the top, then one panel per chart, all scrolling together."""
        stats = self.stats
        yield Static(
            numbers_title(stats.applications, self.as_of),
            id="stats-title",
            markup=False,
        )
        with VerticalScroll(id="stats-body"):
            with Grid(id="stats-tiles"):
                yield _rate_tile(stats.response, "stats-response")
                yield _median_tile(stats.first_reply)
                yield _rate_tile(stats.answered, "stats-answered")
            yield from _funnel(stats)
            yield _panel(
                SOURCES_TITLE,
                SOURCE_COUNTS,
                Bars(
                    [_rate_row(rate) for rate in stats.interviews_by_source],
                    maximum=1.0,
                    id="stats-sources",
                ),
            )
            yield _pace(stats.pace)
            yield _chasing(stats)
        yield Footer()

    def on_mount(self) -> None:
        """Let the arrow keys scroll the figures at once."""
        self.query_one("#stats-body").focus()

    def action_close(self) -> None:
        """Go back to where the numbers were opened."""
        self.dismiss(None)


def _panel(title: str, counts: str, *charts: Static | Bars | Sparkline) -> Vertical:
    """A bordered panel: the chart, then a muted line of what it counts."""
    panel = Vertical(
        *charts,
        Label(counts, classes="stats--counts", markup=False),
        classes="stats--panel",
    )
    panel.border_title = title
    return panel


def _tile(title: str, value: str, detail: str, counts: str, id: str) -> Vertical:
    """A tile with one figure in large digits."""
    tile = Vertical(
        Digits(value, id=id),
        Label(detail, classes="stats--detail", markup=False),
        Label(counts, classes="stats--counts", markup=False),
        classes="stats--tile",
    )
    tile.border_title = title
    return tile


def _rate_tile(rate: Rate, id: str) -> Vertical:
    value = "-" if rate.share is None else rate.percent
    return _tile(rate.title, value, rate.fraction, rate.counts, id)


def _median_tile(median: Median) -> Vertical:
    value = "-" if median.days is None else median.figure
    return _tile(median.title, value, median.detail, median.counts, "stats-median")


def _count_rows(counts: Sequence[Count]) -> list[BarRow]:
    return [BarRow(count.label, count.count, str(count.count)) for count in counts]


def _rate_row(rate: Rate, label: str | None = None) -> BarRow:
    return BarRow(label or rate.title, rate.share or 0.0, rate.describe())


def _funnel(stats: Stats) -> ComposeResult:
    """The open stages' bars, and the closed ones' on the same scale."""
    funnel = stats.funnel
    top = float(max(funnel.total, 1))
    rows = _count_rows(funnel.open) if funnel.total else []
    closed = _count_rows(funnel.closed) if funnel.total else []
    width = max((len(row.label) for row in rows + closed), default=0)
    charts: list[Static | Bars] = [
        Bars(rows, maximum=top, label_width=width, id="stats-funnel")
    ]
    if closed:
        charts.append(Static("closed", classes="stats--subhead"))
        charts.append(Bars(closed, maximum=top, label_width=width, id="stats-closed"))
    yield _panel(funnel.title, funnel.counts, *charts)


def _pace(pace: Pace) -> Vertical:
    """Two sparklines over the weeks, with the first and last week under them."""
    if not pace.weeks:
        return _panel(pace.title, pace.counts, Static(NO_DATA, classes="stats--detail"))

    first, last = pace.weeks[0], pace.weeks[-1]
    return _panel(
        pace.title,
        pace.counts,
        Label(pace.made_summary),
        Sparkline(pace.made, id="stats-applications"),
        Label(pace.sent_summary),
        Sparkline(pace.sent, id="stats-follow-ups", classes="stats--follow-ups"),
        Horizontal(
            Label(first.heading, classes="stats--axis"),
            Label(last.heading, classes="stats--axis -last"),
            classes="stats--axes",
        ),
    )


def _chasing(stats: Stats) -> Vertical:
    """Responses with and without chasing, side by side on the same scale."""
    rows = [
        _rate_row(stats.chased, CHASED_LABEL),
        _rate_row(stats.not_chased, NOT_CHASED_LABEL),
    ]
    return _panel(
        CHASING_TITLE,
        f"{stats.chased.counts}\n{stats.not_chased.counts}",
        Bars(rows, maximum=1.0, id="stats-chasing"),
    )

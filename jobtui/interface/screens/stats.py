"""The numbers of the search as charts, each with a line that says what it counts."""

from __future__ import annotations

from collections.abc import Sequence

from pendulum import DateTime
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Footer, Label, Sparkline, Static

from jobtui.domain.figures import NO_DATA, Count, Median, Pace, Rate, Stats, Week
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
            f"Numbers · {_applications(stats.applications)} as of {self.as_of}",
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
                "Interview rate by source",
                stats.interviews_by_source[0].counts
                if stats.interviews_by_source
                else "applications with an interview, per source",
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


def _applications(count: int) -> str:
    return "1 application" if count == 1 else f"{count} applications"


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
    detail = NO_DATA if not rate.whole else f"{rate.part} of {rate.whole}"
    value = "-" if rate.share is None else rate.percent
    return _tile(rate.title, value, detail, rate.counts, id)


def _median_tile(median: Median) -> Vertical:
    value = "-" if median.days is None else f"{median.days:.1f}"
    detail = NO_DATA if median.days is None else f"days, over {median.of} answered"
    return _tile(median.title, value, detail, median.counts, "stats-median")


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

    made = [week.applications for week in pace.weeks]
    sent = [week.follow_ups for week in pace.weeks]
    first, last = pace.weeks[0], pace.weeks[-1]
    return _panel(
        pace.title,
        pace.counts,
        Label(f"applications · {sum(made)} in all, at most {max(made)} a week"),
        Sparkline(made, id="stats-applications"),
        Label(f"follow-ups · {sum(sent)} in all, at most {max(sent)} a week"),
        Sparkline(sent, id="stats-follow-ups", classes="stats--follow-ups"),
        Horizontal(
            Label(_week(first), classes="stats--axis"),
            Label(_week(last), classes="stats--axis -last"),
            classes="stats--axes",
        ),
    )


def _week(week: Week) -> str:
    return f"{week.label} · {week.starts.day} {week.starts:%b}"


def _chasing(stats: Stats) -> Vertical:
    """Responses with and without chasing, side by side on the same scale."""
    rows = [
        _rate_row(stats.chased, "chased"),
        _rate_row(stats.not_chased, "not chased"),
    ]
    return _panel(
        "Follow-ups and replies",
        f"{stats.chased.counts}\n{stats.not_chased.counts}",
        Bars(rows, maximum=1.0, id="stats-chasing"),
    )

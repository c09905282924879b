"""`jobtui stats`: the numbers of the search, as text or as JSON for scripts.

The figures and their words are the board's Numbers screen's (see
`jobtui.domain.stats` and `jobtui.domain.figures`); this module only lays them
out as lines. The JSON form is described in the command's help (`stats`).
"""

from __future__ import annotations

import textwrap
from typing import Any

import click

from jobtui.cli.context import Env
from jobtui.cli.output import json_text, table
from jobtui.domain.figures import (
    CHASING_TITLE,
    NO_DATA,
    SOURCE_COUNTS,
    SOURCES_TITLE,
    Funnel,
    Median,
    Pace,
    Rate,
    Stats,
    numbers_title,
)
from jobtui.domain.stats import compute_stats
from jobtui.domain.times import format_local, to_iso

WIDTH = 88
INDENT = "  "
NO_APPLICATIONS = "No applications yet, so there are no numbers to show."
# Shares in the JSON form keep 4 decimal places, median days 2.
SHARE_PLACES = 4
DAYS_PLACES = 2

pass_env = click.make_pass_decorator(Env)


@click.command()
@click.option("--at", "at", help="Count as of this time instead of now.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_env
def stats(env: Env, at: str | None, as_json: bool) -> None:
    """Show the numbers of your search: funnel, rates and pace.

    The figures of the board's Numbers screen (key S): the funnel, the response
    rate, the median days to a first reply, the interview rate by source, the
    applications and follow-ups of each week, and whether chasing brings
    replies. Each says what it counts. Events dated after --at (an interview
    booked for next week) do not count yet, nor do applications made after it.

    \b
    Examples:
      jobtui stats
      jobtui stats --at 2026-11-01
      jobtui stats --json | jq .response.share

    \b
    --json prints one object; a figure without data is null:
      as_of         the time counted to (ISO 8601, UTC)
      applications  how many applications there are
      funnel        {"open": [...], "closed": [...]}, each {"stage", "count"}
      response      a rate: applications with any reply, interview or offer
      first_reply   {"median_days", "of"}: days from applying to the first
                    response, over the "of" applications that had one
      interviews_by_source  a list of rates, each with its "source"
      pace          a list of weeks, each {"week" (as 2026-W45), "starts" (its
                    Monday, 2026-11-02), "applications", "follow_ups"}
      chased, not_chased, replies_after_chase  rates
    A rate is {"part", "whole", "share"}: share is part / whole, rounded to 4
    places.
    """
    env.now = env.when(at, "--at")
    store = env.reader()
    applications = store.applications()
    figures = compute_stats(applications, store.stages(), now=env.now, zone=env.zone)

    if as_json:
        click.echo(json_text(stats_json(figures, to_iso(env.now))))
    elif not figures.applications:
        click.echo(NO_APPLICATIONS)
    else:
        click.echo(stats_text(figures, format_local(env.now, env.zone)))


def stats_text(figures: Stats, as_of: str) -> str:
    """Every figure as readable text, in the order and words of the screen."""
    sections = [
        [numbers_title(figures.applications, as_of)],
        _funnel(figures.funnel),
        _single(figures.response),
        _median(figures.first_reply),
        _sources(figures.interviews_by_source),
        _pace(figures.pace),
        _chasing(figures),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections)


def _counts(text: str, indent: str = INDENT) -> list[str]:
    """What a figure counts, wrapped under it."""
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def _indented(text: str) -> list[str]:
    return [INDENT + line for line in text.splitlines()]


def _funnel(funnel: Funnel) -> list[str]:
    rows = [[c.label, str(c.count), "open"] for c in funnel.open]
    rows += [[c.label, str(c.count), "closed"] for c in funnel.closed]
    return [
        funnel.title,
        *_counts(funnel.counts),
        *_indented(table(rows, ["STAGE", "APPLICATIONS", "STATE"])),
    ]


def _single(rate: Rate, indent: str = "") -> list[str]:
    return [
        f"{indent}{rate.title}: {rate.describe()}",
        *_counts(rate.counts, indent + INDENT),
    ]


def _median(median: Median) -> list[str]:
    value = NO_DATA if median.days is None else f"{median.figure} {median.detail}"
    return [f"{median.title}: {value}", *_counts(median.counts)]


def _sources(rates: tuple[Rate, ...]) -> list[str]:
    rows = [[rate.title, rate.describe()] for rate in rates]
    return [
        SOURCES_TITLE,
        *_counts(SOURCE_COUNTS),
        *_indented(table(rows, ["SOURCE", "INTERVIEWED"])),
    ]


def _pace(pace: Pace) -> list[str]:
    rows = [
        [week.heading, str(week.applications), str(week.follow_ups)]
        for week in pace.weeks
    ]
    return [
        pace.title,
        *_counts(pace.counts),
        INDENT + pace.made_summary,
        INDENT + pace.sent_summary,
        *_indented(table(rows, ["WEEK", "APPLICATIONS", "FOLLOW-UPS"])),
    ]


def _chasing(figures: Stats) -> list[str]:
    return [
        CHASING_TITLE,
        *_single(figures.chased, INDENT),
        *_single(figures.not_chased, INDENT),
        *_single(figures.answered, INDENT),
    ]


def stats_json(figures: Stats, as_of: str) -> dict[str, Any]:
    """Every figure as plain numbers, in the shape `jobtui stats --json` documents."""
    funnel = figures.funnel
    return {
        "as_of": as_of,
        "applications": figures.applications,
        "funnel": {
            "open": [{"stage": c.label, "count": c.count} for c in funnel.open],
            "closed": [{"stage": c.label, "count": c.count} for c in funnel.closed],
        },
        "response": _rate_json(figures.response),
        "first_reply": {
            "median_days": None
            if figures.first_reply.days is None
            else round(figures.first_reply.days, DAYS_PLACES),
            "of": figures.first_reply.of,
        },
        "interviews_by_source": [
            {"source": rate.title, **_rate_json(rate)}
            for rate in figures.interviews_by_source
        ],
        "pace": [
            {
                "week": f"{week.starts.isocalendar().year}-{week.label}",
                "starts": week.starts.isoformat(),
                "applications": week.applications,
                "follow_ups": week.follow_ups,
            }
            for week in figures.pace.weeks
        ],
        "chased": _rate_json(figures.chased),
        "not_chased": _rate_json(figures.not_chased),
        "replies_after_chase": _rate_json(figures.answered),
    }


def _rate_json(rate: Rate) -> dict[str, Any]:
    share = rate.share
    return {
        "part": rate.part,
        "whole": rate.whole,
        "share": None if share is None else round(share, SHARE_PLACES),
    }

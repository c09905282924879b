"""`jobtui stats`: the numbers of a search checked by hand, as text and as JSON.

The search, in UTC, runs from Monday 19 October 2026 (ISO week 43) to the time
the figures are asked for, Wednesday 4 November 2026 at noon (week 45):

- Acme (LinkedIn), applied Mon 26 Oct 09:00: a reply 2 days later, then a
  phone screen and an interview; never chased.
- Birch (LinkedIn), applied Mon 26 Oct 10:00: chased on 2 Nov, answered the
  next day (8 days after applying), then rejected.
- Cedar (Referral), applied Mon 19 Oct 09:00: chased the next day, answered
  13 days after the chase (14 days after applying).
- Dune (no source), applied Mon 2 Nov 09:00: an offer 2 days later; never chased.
- Elm (Referral), applied Tue 27 Oct 12:00: an interview on 6 Nov, after the
  time asked for, so not counted yet; never chased.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import add, lock_held_elsewhere

AT = "2026-11-04 12:00"


@pytest.fixture(autouse=True)
def utc(isolated_home: Path) -> None:
    """Count weeks in UTC, whatever the zone of the machine running the tests."""
    config = isolated_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text('timezone = "UTC"\n')


def applied(jobtui, company: str, source: str, when: str) -> str:
    """Add an application made at `when` and return its id."""
    fields = ["--company", company, "--role", "SRE", "--applied", when]
    return add(jobtui, *fields, "--source", source)


def run(jobtui, *args: str) -> None:
    result = jobtui(*args)
    assert result.status == 0, result.err


@pytest.fixture
def search(jobtui) -> None:
    """The five applications of the module's docstring."""
    acme = applied(jobtui, "Acme", "LinkedIn", "2026-10-26 09:00")
    run(jobtui, "log", acme, "reply", "--at", "2026-10-28 09:00")
    run(jobtui, "move", acme, "Phone Screen", "--at", "2026-10-28 10:00")
    run(jobtui, "log", acme, "interview", "--at", "2026-10-30 09:00")

    birch = applied(jobtui, "Birch", "LinkedIn", "2026-10-26 10:00")
    run(jobtui, "log", birch, "followup", "--at", "2026-11-02 10:00")
    run(jobtui, "log", birch, "reply", "--at", "2026-11-03 10:00")
    run(jobtui, "move", birch, "Rejected", "--at", "2026-11-03 11:00")

    cedar = applied(jobtui, "Cedar", "Referral", "2026-10-19 09:00")
    run(jobtui, "log", cedar, "followup", "--at", "2026-10-20 09:00")
    run(jobtui, "log", cedar, "reply", "--at", "2026-11-02 09:00")

    dune = applied(jobtui, "Dune", "", "2026-11-02 09:00")
    run(jobtui, "log", dune, "offer", "--at", "2026-11-04 09:00")
    run(jobtui, "move", dune, "Offer", "--at", "2026-11-04 09:05")

    elm = applied(jobtui, "Elm", "Referral", "2026-10-27 12:00")
    run(jobtui, "log", elm, "interview", "--at", "2026-11-06 10:00")


EXPECTED_TEXT = """\
Numbers · 5 applications as of Wed 4 Nov 2026 12:00

Funnel
  applications that were ever in each stage (moves counted as of now)
  STAGE         APPLICATIONS  STATE
  Applied       5             open
  Under Review  0             open
  Phone Screen  1             open
  Interviewing  0             open
  Offer         1             open
  Rejected      1             closed

Response rate: 80% (4 of 5)
  applications with any reply, interview or offer, of all applications

Median days to first reply: 5.0 days, over 4 answered
  days from applying to the first reply, interview or offer; only applications with one

Interview rate by source
  per source (blank: unknown), applications with an interview by now, of that source's
  applications
  SOURCE    INTERVIEWED
  LinkedIn  50% (1 of 2)
  Referral  0% (0 of 2)
  unknown   0% (0 of 1)

Applications and follow-ups per week
  applications (by date applied) and follow-ups of any kind sent, per ISO week from the
  first application to now
  applications · 5 in all, at most 3 a week
  follow-ups · 2 in all, at most 1 a week
  WEEK          APPLICATIONS  FOLLOW-UPS
  W43 · 19 Oct  1             1
  W44 · 26 Oct  3             0
  W45 · 2 Nov   1             1

Follow-ups and replies
  Chased: 100% (2 of 2)
    applications with a chase follow-up: share with a response after the first chase
  Not chased: 67% (2 of 3)
    applications with no chase follow-up: share with any response
  Replies after a chase: 25% (1 of 4)
    first responses that came at most 7 days after a chase follow-up, of all first
    responses
"""


def rate(part: int, whole: int, share: float | None) -> dict[str, object]:
    return {"part": part, "whole": whole, "share": share}


def test_stats_prints_every_figure_with_what_it_counts(jobtui, search) -> None:
    result = jobtui("stats", "--at", AT)

    assert result.status == 0, result.err
    assert result.out == EXPECTED_TEXT
    assert result.err == ""


def test_stats_json_gives_plain_numbers_in_the_documented_shape(jobtui, search) -> None:
    result = jobtui("stats", "--at", AT, "--json")

    assert result.status == 0, result.err
    assert json.loads(result.out) == {
        "as_of": "2026-11-04T12:00:00Z",
        "applications": 5,
        "funnel": {
            "open": [
                {"stage": "Applied", "count": 5},
                {"stage": "Under Review", "count": 0},
                {"stage": "Phone Screen", "count": 1},
                {"stage": "Interviewing", "count": 0},
                {"stage": "Offer", "count": 1},
            ],
            "closed": [{"stage": "Rejected", "count": 1}],
        },
        "response": rate(4, 5, 0.8),
        "first_reply": {"median_days": 5.0, "of": 4},
        "interviews_by_source": [
            {"source": "LinkedIn", **rate(1, 2, 0.5)},
            {"source": "Referral", **rate(0, 2, 0.0)},
            {"source": "unknown", **rate(0, 1, 0.0)},
        ],
        "pace": [
            {"week": "2026-W43", "starts": "2026-10-19", "applications": 1,
             "follow_ups": 1},
            {"week": "2026-W44", "starts": "2026-10-26", "applications": 3,
             "follow_ups": 0},
            {"week": "2026-W45", "starts": "2026-11-02", "applications": 1,
             "follow_ups": 1},
        ],
        "chased": rate(2, 2, 1.0),
        "not_chased": rate(2, 3, 0.6667),
        "replies_after_chase": rate(1, 4, 0.25),
    }  # fmt: skip


def test_stats_counts_only_what_happened_by_the_time_asked_for(jobtui, search) -> None:
    result = jobtui("stats", "--at", "2026-10-29 12:00")

    # Only Acme's reply (28 Oct) had come by then, of the four applications
    # made by then (Dune was made on 2 Nov).
    assert "Response rate: 25% (1 of 4)" in result.out
    assert "Median days to first reply: 2.0 days, over 1 answered" in result.out


def test_stats_at_a_time_before_an_application_leaves_it_out(jobtui, search) -> None:
    result = jobtui("stats", "--at", "2026-10-29 12:00", "--json")
    figures = json.loads(result.out)

    # Dune, the only application without a source, was made on 2 Nov.
    assert figures["applications"] == 4
    assert figures["response"] == rate(1, 4, 0.25)
    assert [r["source"] for r in figures["interviews_by_source"]] == [
        "LinkedIn",
        "Referral",
    ]
    assert figures["not_chased"] == rate(1, 3, 0.3333)
    assert [week["applications"] for week in figures["pace"]] == [1, 3]


def test_stats_before_the_first_application_says_there_are_no_numbers(
    jobtui, search
) -> None:
    result = jobtui("stats", "--at", "2026-10-19 08:00")

    assert result.status == 0, result.err
    assert result.out == "No applications yet, so there are no numbers to show.\n"


def test_an_empty_database_says_there_are_no_numbers_yet(jobtui) -> None:
    result = jobtui("stats")

    assert result.status == 0, result.err
    assert result.out == "No applications yet, so there are no numbers to show.\n"


def test_an_empty_database_gives_zeros_and_nulls_as_json(jobtui) -> None:
    figures = json.loads(jobtui("stats", "--json").out)

    assert figures["applications"] == 0
    assert figures["response"] == rate(0, 0, None)
    assert figures["first_reply"] == {"median_days": None, "of": 0}
    assert figures["interviews_by_source"] == []
    assert figures["pace"] == []
    assert figures["replies_after_chase"] == rate(0, 0, None)
    assert all(stage["count"] == 0 for stage in figures["funnel"]["open"])


def test_a_bad_at_is_a_one_line_input_error(jobtui) -> None:
    result = jobtui("stats", "--at", "someday")

    assert result.status == 2
    assert result.out == ""
    assert result.err.startswith("jobtui: --at: cannot read 'someday'")
    assert result.err.count("\n") == 1


def test_stats_reads_while_the_board_holds_the_writer_lock(
    jobtui, isolated_home: Path
) -> None:
    add(jobtui, "--company", "Acme", "--role", "SRE")
    db = isolated_home / "data" / "applications.json"
    with lock_held_elsewhere(db):
        result = jobtui("stats")

    assert result.status == 0, result.err
    assert result.out.startswith("Numbers · 1 application as of ")

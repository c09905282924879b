"""The stats figures, checked by hand on eight applications with known histories.

The search runs from Monday 12 October 2026 (ISO week 42) to Wednesday
4 November 2026 (week 45), noon UTC. What each application adds to each figure
is written beside it.
"""

from __future__ import annotations

from datetime import date

import pendulum
from pendulum import DateTime

from jobtui.domain.model import (
    Application,
    Event,
    FollowUp,
    Interview,
    Kind,
    Offer,
    Reply,
    StageChange,
    StageSet,
)
from jobtui.domain.stats import compute_stats

NOW = pendulum.datetime(2026, 11, 4, 12, tz="UTC")
UTC = pendulum.UTC
STAGES = StageSet()


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> DateTime:
    """A time in 2026, in UTC."""
    return pendulum.datetime(2026, month, day, hour, minute, tz="UTC")


def move(when: DateTime, to: str, source: str | None = "Applied") -> StageChange:
    return StageChange(at=when, from_stage=source, to_stage=to)


def chase(when: DateTime, kind: Kind = Kind.FOLLOWUP) -> FollowUp:
    return FollowUp(at=when, kind=kind)


def application(
    company: str,
    source: str,
    applied: DateTime,
    stage: str,
    *events: Event,
    added: bool = True,
) -> Application:
    """An application added in Applied (unless not `added`), then the events given."""
    history = [move(applied, "Applied", None)] if added else []
    return Application(
        company=company,
        role="Engineer",
        stage=stage,
        applied=applied,
        source=source,
        events=[*history, *events],
        created=applied,
        updated=applied,
    )


def search() -> list[Application]:
    """The eight applications; responses are replies, interviews and offers."""
    return [
        # Reply after 3 days, then a phone screen and an interview; never chased.
        application(
            "Acme", "LinkedIn", at(10, 12, 10), "Interviewing",
            Reply(at=at(10, 15, 10)),
            move(at(10, 15, 11), "Phone Screen"),
            Interview(at=at(10, 20, 10)),
            move(at(10, 21), "Interviewing", "Phone Screen"),
        ),
        # Chased on day 7, rejected by reply 3 days later (10 days after applying).
        application(
            "Birch", "linkedin ", at(10, 13), "Rejected",
            chase(at(10, 20)),
            Reply(at=at(10, 23)),
            move(at(10, 23, 10), "Rejected"),
        ),
        # Chased twice, never answered.
        application(
            "Cedar", "", at(10, 21, 12), "Applied",
            chase(at(10, 28, 12)),
            chase(at(11, 4, 10), Kind.SECOND_FOLLOWUP),
        ),
        # An interview (the first response) after 7 days, a thank-you, an offer.
        application(
            "Dune", "Referral", at(10, 22, 8), "Offer",
            Interview(at=at(10, 29, 8)),
            move(at(10, 29, 8), "Interviewing"),
            chase(at(10, 29, 12), Kind.THANK_YOU),
            Offer(at=at(11, 2, 8)),
            move(at(11, 2, 8), "Offer", "Interviewing"),
        ),
        # A phone screen, but its interview is booked for after now: no response yet.
        application(
            "Elm", "Referral", at(10, 26), "Phone Screen",
            move(at(10, 30), "Phone Screen"),
            Interview(at=at(11, 6)),
        ),
        # Applied late on Sunday in UTC (Monday in Berlin); answered 2 days later,
        # the same day as the chase.
        application(
            "Fir", "", at(11, 1, 23, 30), "Applied",
            chase(at(11, 3)),
            Reply(at=at(11, 3, 23, 30)),
        ),
        # Imported mid-way: its first move is from Applied; chased, answered
        # 12 days after the chase (19 days after applying).
        application(
            "Gale", "Indeed", at(10, 13, 12), "Under Review",
            move(at(10, 14), "Under Review"),
            chase(at(10, 20, 12)),
            Reply(at=at(11, 1, 12)),
            added=False,
        ),
        # Moved to a stage that no longer exists: it counts in Applied only.
        application(
            "Holm", "Indeed", at(10, 27, 10), "Archived",
            move(at(10, 30), "Archived"),
        ),
    ]  # fmt: skip


def stats(applications: list[Application] | None = None, zone=UTC, now=NOW):
    chosen = search() if applications is None else applications
    return compute_stats(chosen, STAGES, now=now, zone=zone)


def test_the_funnel_counts_every_stage_an_application_was_ever_in() -> None:
    funnel = stats().funnel

    assert [(c.label, c.count) for c in funnel.open] == [
        ("Applied", 8),
        ("Under Review", 1),
        ("Phone Screen", 2),
        ("Interviewing", 2),
        ("Offer", 1),
    ]
    assert [(c.label, c.count) for c in funnel.closed] == [("Rejected", 1)]
    assert funnel.total == 8


def test_the_response_rate_counts_replies_interviews_and_offers_until_now() -> None:
    response = stats().response

    assert (response.part, response.whole) == (5, 8)
    assert response.describe() == "62% (5 of 8)"


def test_the_median_wait_for_a_first_response_counts_only_answered() -> None:
    first_reply = stats().first_reply

    # Waits of 2, 3, 7, 10 and 19 days.
    assert first_reply.days == 7.0
    assert first_reply.of == 5
    assert first_reply.describe() == "7.0 days"


def test_interview_rate_by_source_groups_spellings_and_blank_as_unknown() -> None:
    rates = stats().interviews_by_source

    assert [(r.title, r.part, r.whole) for r in rates] == [
        ("LinkedIn", 1, 2),
        ("Referral", 1, 2),
        ("Indeed", 0, 2),
        ("unknown", 0, 2),
    ]
    assert rates[0].percent == "50%"


def test_the_pace_counts_each_iso_week_from_the_first_application_to_now() -> None:
    weeks = stats().pace.weeks

    assert [(w.label, w.starts, w.applications, w.follow_ups) for w in weeks] == [
        ("W42", date(2026, 10, 12), 3, 0),
        ("W43", date(2026, 10, 19), 2, 2),
        ("W44", date(2026, 10, 26), 3, 2),
        ("W45", date(2026, 11, 2), 0, 2),
    ]


def test_the_pace_takes_its_weeks_from_the_local_zone() -> None:
    weeks = stats(zone=pendulum.timezone("Europe/Berlin")).pace.weeks

    assert [w.applications for w in weeks] == [3, 2, 2, 1]


def test_chased_applications_are_answered_after_the_chase_or_not() -> None:
    figures = stats()

    assert (figures.chased.part, figures.chased.whole) == (3, 4)
    assert (figures.not_chased.part, figures.not_chased.whole) == (2, 4)
    assert figures.chased.percent == "75%"
    assert figures.not_chased.percent == "50%"


def test_a_first_response_within_7_days_after_a_chase_counts_as_answering_it() -> None:
    answered = stats().answered

    # Birch (3 days after) and Fir (the same day); Gale's came 12 days after.
    assert (answered.part, answered.whole) == (2, 5)
    assert answered.describe() == "40% (2 of 5)"


def test_no_applications_give_no_data_and_no_division_by_zero() -> None:
    figures = stats([])

    assert figures.applications == 0
    assert all(count.count == 0 for count in figures.funnel.open)
    assert figures.response.share is None
    assert figures.response.describe() == "no data"
    assert figures.first_reply.describe() == "no data"
    assert figures.interviews_by_source == ()
    assert figures.pace.weeks == ()
    assert figures.chased.describe() == "no data"
    assert figures.not_chased.percent == "no data"
    assert figures.answered.describe() == "no data"


def test_every_figure_says_what_it_counts() -> None:
    figures = stats()

    shown = [
        figures.funnel,
        figures.response,
        figures.first_reply,
        *figures.interviews_by_source,
        figures.pace,
        figures.chased,
        figures.not_chased,
        figures.answered,
    ]
    assert all(figure.counts and "\n" not in figure.counts for figure in shown)


def test_the_figures_are_worded_once_for_the_screen_and_the_command_line() -> None:
    figures = stats()

    assert figures.response.fraction == "5 of 8"
    assert (figures.first_reply.figure, figures.first_reply.detail) == (
        "7.0",
        "days, over 5 answered",
    )
    assert figures.pace.weeks[-1].heading == "W45 · 2 Nov"
    assert figures.pace.made_summary == "applications · 8 in all, at most 3 a week"
    assert figures.pace.sent_summary == "follow-ups · 6 in all, at most 2 a week"


def test_figures_without_data_are_worded_as_no_data() -> None:
    figures = stats([])

    assert figures.response.fraction == "no data"
    assert figures.first_reply.detail == "no data"
    assert figures.pace.made_summary == "applications · no data"


# Wednesday 21 October 2026, 08:00 UTC: only Acme, Birch and Gale had been applied
# to; Cedar was applied to at noon that day and the rest later.
EARLIER = at(10, 21, 8)


def test_applications_made_after_the_moment_are_left_out_of_every_count() -> None:
    figures = stats(now=EARLIER)

    assert figures.applications == 3
    assert figures.funnel.total == 3
    # Acme's reply on 15 Oct; Birch's and Gale's came later.
    assert (figures.response.part, figures.response.whole) == (1, 3)
    assert (figures.first_reply.days, figures.first_reply.of) == (3.0, 1)
    # Acme interviewed on 20 Oct; Holm (Indeed) and the Referral and unknown
    # applications did not exist yet.
    assert [(r.title, r.part, r.whole) for r in figures.interviews_by_source] == [
        ("LinkedIn", 1, 2),
        ("Indeed", 0, 1),
    ]
    # Birch and Gale were chased on 20 Oct and not answered yet; Acme was not.
    assert (figures.chased.part, figures.chased.whole) == (0, 2)
    assert (figures.not_chased.part, figures.not_chased.whole) == (1, 1)
    assert (figures.answered.part, figures.answered.whole) == (0, 1)


def test_the_funnel_at_a_moment_leaves_out_stages_moved_to_after_it() -> None:
    funnel = stats(now=EARLIER).funnel

    # Acme reached Interviewing at 09:00 that day and Birch was rejected on
    # 23 Oct, so neither counts in its current stage yet.
    assert [(c.label, c.count) for c in funnel.open] == [
        ("Applied", 3),
        ("Under Review", 1),
        ("Phone Screen", 1),
        ("Interviewing", 0),
        ("Offer", 0),
    ]
    assert [(c.label, c.count) for c in funnel.closed] == [("Rejected", 0)]


def test_the_pace_at_a_moment_counts_only_the_applications_made_by_then() -> None:
    weeks = stats(now=EARLIER).pace.weeks

    assert [(w.label, w.applications, w.follow_ups) for w in weeks] == [
        ("W42", 3, 0),
        ("W43", 0, 2),
    ]


def test_an_application_counts_from_when_applied_or_else_when_created() -> None:
    added_later = application("Acme", "LinkedIn", at(10, 20), "Applied")
    added_later.created = at(11, 3)
    never_applied = application("Birch", "LinkedIn", at(10, 20), "Applied")
    never_applied.applied = None
    never_applied.created = at(10, 28)

    # On 25 Oct Acme had been applied to (it was written down on 3 Nov); Birch,
    # with no applied date, exists only from when it was created on 28 Oct.
    assert stats([added_later, never_applied], now=at(10, 25)).applications == 1
    assert stats([added_later, never_applied], now=at(10, 28)).applications == 2


def test_a_moment_before_the_first_application_has_no_data() -> None:
    figures = stats(now=at(10, 12, 9))

    assert figures.applications == 0
    assert all(count.count == 0 for count in figures.funnel.open)
    assert figures.response.describe() == "no data"
    assert figures.interviews_by_source == ()
    assert figures.pace.weeks == ()

"""Each kind of history event in the words every screen and `jobtui show` use."""

from __future__ import annotations

import pendulum

from jobtui.domain.history import describe_event
from jobtui.domain.model import (
    FollowUp,
    Handled,
    Interview,
    Kind,
    Offer,
    Reply,
    Snoozed,
)

BERLIN = pendulum.timezone("Europe/Berlin")
AT = pendulum.datetime(2026, 11, 3, 13, 0, tz="UTC")


def test_a_follow_up_names_its_kind_and_channel_and_its_first_line() -> None:
    sent = FollowUp(at=AT, kind=Kind.THANK_YOU, text="Thank you!\nBest, Ana")

    assert describe_event(sent, BERLIN) == "thank-you sent by email: Thank you!"


def test_a_reply_reads_the_same_with_or_without_a_summary() -> None:
    assert describe_event(Reply(at=AT), BERLIN) == "reply received"
    assert describe_event(Reply(at=AT, summary="Next week"), BERLIN) == (
        "reply received: Next week"
    )


def test_an_interview_gives_who_how_long_what_and_the_decision_day() -> None:
    interview = Interview(
        at=AT,
        duration_minutes=45,
        with_whom="Dana",
        notes="their queue migration",
        decision_by=pendulum.datetime(2026, 11, 10, 23, 30, tz="UTC"),
    )

    assert describe_event(interview, BERLIN) == (
        "interview with Dana (45 min) · discussed: their queue migration"
        " · decision by Wed 11 Nov 2026"
    )


def test_an_offer_gives_its_details_and_its_deadline_in_local_time() -> None:
    offer = Offer(at=AT, details="90k", deadline=AT.add(days=7))

    assert describe_event(offer, BERLIN) == (
        "offer received: 90k · decide by Tue 10 Nov 2026 14:00"
    )


def test_a_snooze_says_until_when_and_why() -> None:
    snoozed = Snoozed(at=AT, kind=Kind.FOLLOWUP, until=AT.add(days=2), reason="away")

    assert describe_event(snoozed, BERLIN) == (
        "follow-up snoozed until Thu 5 Nov 2026 14:00: away"
    )


def test_a_handled_window_says_why() -> None:
    handled = Handled(at=AT, kind=Kind.SECOND_FOLLOWUP, reason="called instead")

    assert describe_event(handled, BERLIN) == (
        "second follow-up handled: called instead"
    )


def test_a_move_on_suggestion_put_off_or_handled_reads_as_a_sentence() -> None:
    until = AT.add(days=3)
    snoozed = Snoozed(at=AT, kind=Kind.MOVE_ON, until=until, reason="")
    handled = Handled(at=AT, kind=Kind.MOVE_ON, reason="they wrote back")

    assert describe_event(snoozed, BERLIN).startswith("move-on suggestion snoozed")
    assert describe_event(handled, BERLIN) == (
        "move-on suggestion handled: they wrote back"
    )


def test_long_free_text_is_cut_to_one_short_line() -> None:
    reply = Reply(at=AT, summary="x" * 100)

    assert describe_event(reply, BERLIN) == "reply received: " + "x" * 59 + "…"

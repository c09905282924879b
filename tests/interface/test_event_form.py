"""The quick forms for an interview, a reply and an offer, checked as typed."""

from __future__ import annotations

import pendulum
import pytest
from textual.widgets import Input

from jobtui.domain.demo import demo_applications
from jobtui.domain.model import Interview, Offer, Reply
from jobtui.interface.screens.confirm import ConfirmScreen
from jobtui.interface.screens.event_form import EventForm
from tests.interface.screen_host import ScreenHost, fill, message

BERLIN = pendulum.timezone("Europe/Berlin")
# Thursday 3 December 2026, 09:00 UTC = 10:00 in Berlin.
NOW = pendulum.datetime(2026, 12, 3, 9, 0, tz="UTC")
SIZE = (100, 40)


def recording(kind: str) -> ScreenHost:
    application = next(
        a for a in demo_applications(NOW) if a.company == "Kestrel Security"
    )
    return ScreenHost(lambda: EventForm(kind, application, zone=BERLIN, now=NOW))


async def test_an_interview_starts_with_the_primary_contact_and_an_hour() -> None:
    app = recording("interview")
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        assert form.query_one("#with_whom-input", Input).value == "Felix Braun"
        assert form.query_one("#duration-input", Input).value == "60"
        assert "thank-you note will mention it" in message(app, "notes")

        await fill(pilot, "at", "today 14:00")
        assert message(app, "at") == "→ Thu 3 Dec 2026 14:00"
        form.query_one("#notes-area").text = "their SIEM migration"
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert app.result == Interview(
        at=pendulum.datetime(2026, 12, 3, 13, 0, tz="UTC"),
        duration_minutes=60,
        with_whom="Felix Braun",
        notes="their SIEM migration",
    )


async def test_an_interview_needs_whole_minutes_and_a_decision_date_after_it() -> None:
    app = recording("interview")
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "duration", "an hour")
        assert message(app, "duration") == (
            "✗ 'an hour' is not a whole number of minutes, such as 60"
        )
        await fill(pilot, "duration", "45")
        await fill(pilot, "decision_by", "yesterday")
        assert message(app, "decision_by") == "→ Wed 2 Dec 2026 00:00"

        await pilot.press("ctrl+s")
        await pilot.pause()

        assert not app.dismissed
        assert message(app, "decision_by") == "✗ it is before the day of the interview"
        assert app.focused is app.screen.query_one("#decision_by-input")


async def test_a_reply_is_recorded_now_unless_told_otherwise() -> None:
    app = recording("reply")
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "summary", "Invited to a second round.")
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert app.result == Reply(at=NOW, summary="Invited to a second round.")


async def test_a_reply_from_the_future_is_refused() -> None:
    app = recording("reply")
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "at", "tomorrow")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert not app.dismissed
        assert message(app, "at") == (
            "✗ a reply cannot be later than now (Fri 4 Dec 2026 00:00)"
        )


async def test_an_offer_is_recorded_with_its_deadline_and_details() -> None:
    app = recording("offer")
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "deadline", "10 Dec 17:00")
        app.screen.query_one("#details-area").text = "€82k, 25 days' leave"
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert app.result == Offer(
        at=NOW,
        deadline=pendulum.datetime(2026, 12, 10, 16, 0, tz="UTC"),
        details="€82k, 25 days' leave",
    )


@pytest.mark.parametrize("kind", ["interview", "reply", "offer"])
async def test_leaving_an_event_form_with_changes_asks_first(kind: str) -> None:
    app = recording(kind)
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "at", "yesterday")

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)

        await pilot.click("#confirm-yes")
        await pilot.pause()

        assert app.dismissed
        assert app.result is None

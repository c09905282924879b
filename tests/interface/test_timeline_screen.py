"""The timeline screen shows an application's entries in order and closes on Escape."""

from __future__ import annotations

import pendulum
from textual.widgets import Static

from jobtui.domain.demo import demo_applications
from jobtui.domain.model import Application
from jobtui.interface.screens.timeline import TimelineScreen
from tests.interface.board_support import FROZEN
from tests.interface.screen_host import ScreenHost, text

UTC = pendulum.timezone("UTC")
SIZE = (100, 34)


def demo(company: str) -> Application:
    return next(a for a in demo_applications(FROZEN) if a.company == company)


def showing(company: str) -> ScreenHost:
    application = demo(company)
    return ScreenHost(lambda: TimelineScreen(application, now=FROZEN, zone=UTC))


def rows(app: ScreenHost) -> list[tuple[str, str]]:
    """Each entry's date and the first line of its words, top to bottom."""
    shown = []
    for entry in app.screen.query(".timeline--entry"):
        when = text(entry.query_one(".timeline--when", Static))
        words = text(entry.query_one(".timeline--words", Static))
        shown.append((when, words.splitlines()[0]))
    return shown


async def test_every_entry_of_the_demo_application_is_shown_in_order() -> None:
    app = showing("Alder Climate")
    async with app.run_test(size=SIZE):
        shown = rows(app)
        title = app.screen.query_one("#timeline").border_title

    assert title == "Timeline · Alder Climate — Backend Engineer"
    assert shown == [
        ("Sat 19 Sep 2026 09:00", "Applied  10 days"),
        ("", "no reply for 10 days"),
        ("Tue 29 Sep 2026 09:00", "Phone Screen  9 days"),
        ("Thu 8 Oct 2026 09:00", "Interviewing  4 weeks"),
        ("Tue 20 Oct 2026 09:00", "interview (120 min)"),
        ("Tue 20 Oct 2026 13:48", "thank-you sent"),
        ("", "no reply for 13 days"),
        ("Tue 3 Nov 2026 06:36", "Offer  2 h so far"),
        ("Tue 3 Nov 2026 06:36", "offer"),
    ]


async def test_a_silent_application_ends_with_its_silence_dimmed() -> None:
    app = showing("Tidewater Energy")
    async with app.run_test(size=SIZE):
        last = list(app.screen.query(".timeline--entry"))[-1]
        words = text(last.query_one(".timeline--words", Static))

    assert last.has_class("-gap")
    assert words.splitlines()[0] == "no reply for 60 days"


async def test_escape_closes_the_timeline() -> None:
    app = showing("Alder Climate")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()

        assert app.dismissed
        assert app.result is None
        assert not isinstance(app.screen, TimelineScreen)


def test_snapshot_of_the_timeline(snap_compare) -> None:
    assert snap_compare(showing("Alder Climate"), terminal_size=SIZE)

"""The application form checks as the user types, saves whole and leaves safely."""

from __future__ import annotations

import copy

import pendulum
import pytest
from textual.widgets import Input

from jobtui.domain.demo import demo_applications
from jobtui.domain.model import Application, StageChange, StageSet
from jobtui.interface.screens.application_form import ApplicationForm
from jobtui.interface.screens.confirm import ConfirmScreen
from tests.interface.screen_host import (
    ScreenHost,
    fill,
    is_error,
    message,
    type_into,
)

BERLIN = pendulum.timezone("Europe/Berlin")
# Thursday 3 December 2026, 09:00 UTC = 10:00 in Berlin.
NOW = pendulum.datetime(2026, 12, 3, 9, 0, tz="UTC")
SIZE = (100, 40)


def kestrel() -> Application:
    return next(a for a in demo_applications(NOW) if a.company == "Kestrel Security")


def adding() -> ScreenHost:
    return ScreenHost(lambda: ApplicationForm(StageSet(), zone=BERLIN, now=NOW))


def editing(application: Application) -> ScreenHost:
    return ScreenHost(
        lambda: ApplicationForm(
            StageSet(), zone=BERLIN, now=NOW, application=application
        )
    )


async def test_saving_an_empty_form_is_refused_with_the_required_fields_named() -> None:
    app = adding()
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "location", "Berlin")

        await pilot.press("ctrl+s")
        await pilot.pause()

        assert not app.dismissed
        assert message(app, "company") == "✗ a company is required"
        assert message(app, "role") == "✗ a role is required"
        assert app.focused is app.screen.query_one("#company-input")


async def test_a_bad_date_is_explained_next_to_its_field() -> None:
    app = adding()
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "applied", "last month-ish")

        assert is_error(app, "applied")
        assert message(app, "applied").startswith(
            "✗ cannot read 'last month-ish' as a date; try \"2026-11-03\""
        )


async def test_a_good_date_is_read_back_as_understood() -> None:
    app = adding()
    async with app.run_test(size=SIZE) as pilot:
        assert message(app, "applied") == "→ now, Thu 3 Dec 2026 10:00"

        await type_into(pilot, "applied", "3 Nov")

        assert message(app, "applied") == "→ Tue 3 Nov 2026 00:00"
        assert not is_error(app, "applied")


async def test_bad_web_and_email_addresses_are_flagged_as_typed() -> None:
    app = adding()
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "url", "jobs.example.com/1")
        await fill(pilot, "contact_email", "ana@example")

        assert message(app, "url").startswith("✗ not a web address")
        assert message(app, "contact_email") == "✗ not an email address: 'ana@example'"
        assert app.screen.query_one("#url-input").has_class("-invalid")


async def test_an_error_clears_once_the_field_is_fixed() -> None:
    app = adding()
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "url", "ftp://jobs.example.com")
        assert is_error(app, "url")

        await type_into(pilot, "url", "https://jobs.example.com/1")

        assert not is_error(app, "url")
        assert message(app, "url") == ""
        assert not app.screen.query_one("#url-input").has_class("-invalid")


async def test_saving_is_refused_while_invalid_then_accepted_once_fixed() -> None:
    app = adding()
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "company", "Acme")
        await fill(pilot, "role", "Data Engineer")
        await fill(pilot, "applied", "tomorrow")
        await fill(pilot, "tags", "python, remote")
        await fill(pilot, "contact_name", "Ana Ruiz")

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.dismissed
        assert app.focused is app.screen.query_one("#applied-input")
        assert "cannot be later than now" in message(app, "applied")

        await fill(pilot, "applied", "3 Nov")
        await pilot.press("ctrl+s")
        await pilot.pause()

    added = app.result
    assert isinstance(added, Application)
    assert (added.company, added.role, added.stage) == (
        "Acme",
        "Data Engineer",
        "Applied",
    )
    assert added.created == added.updated == NOW
    assert added.applied == pendulum.datetime(2026, 11, 2, 23, 0, tz="UTC")
    assert added.tags == ["python", "remote"]
    assert added.contacts[0].name == "Ana Ruiz"
    assert added.events == [
        StageChange(at=added.applied, from_stage=None, to_stage="Applied")
    ]


async def test_a_new_application_with_no_date_was_applied_for_now() -> None:
    app = adding()
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "company", "Acme")
        await fill(pilot, "role", "Data Engineer")
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert app.result.applied == NOW


async def test_escape_on_an_untouched_form_leaves_at_once() -> None:
    app = adding()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()

        assert app.dismissed
        assert app.result is None


async def test_escape_after_a_change_asks_before_throwing_it_away() -> None:
    app = adding()
    async with app.run_test(size=SIZE) as pilot:
        await fill(pilot, "company", "Acme")

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        assert not app.dismissed

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()

        assert app.dismissed
        assert app.result is None


async def test_an_edit_starts_from_the_application_and_keeps_its_id_and_history() -> (
    None
):
    original = kestrel()
    before = copy.deepcopy(original)
    app = editing(original)
    async with app.run_test(size=SIZE) as pilot:
        form = app.screen
        assert form.query_one("#company-input", Input).value == "Kestrel Security"
        assert form.query_one("#applied-input", Input).value == "2026-11-03 10:00"
        assert form.query_one("#tags-input", Input).value == "security"
        assert form.query_one("#contact_email-input", Input).value == (
            "felix@kestrel.example"
        )

        await fill(pilot, "role", "Staff Security Engineer")
        await pilot.press("ctrl+s")
        await pilot.pause()

    edited = app.result
    assert edited is not original
    assert edited.role == "Staff Security Engineer"
    assert (edited.id, edited.created, edited.updated) == (
        before.id,
        before.created,
        before.updated,
    )
    assert edited.events == before.events
    assert edited.applied == before.applied
    assert original == before


async def test_an_edit_that_changes_the_stage_records_the_move() -> None:
    app = editing(kestrel())
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#stage-select").value = "Offer"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert app.result.stage == "Offer"
    assert app.result.events[-1] == StageChange(
        at=NOW, from_stage="Interviewing", to_stage="Offer"
    )


@pytest.mark.parametrize(
    ("keys", "answer"),
    [(["y"], True), (["enter"], True), (["n"], False), (["escape"], False)],
)
async def test_a_confirmation_is_answered_from_the_keyboard(keys, answer) -> None:
    app = ScreenHost(lambda: ConfirmScreen("Delete Acme — Data Engineer?"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()

    assert app.result is answer


@pytest.mark.parametrize(
    ("button", "answer"), [("#confirm-yes", True), ("#confirm-no", False)]
)
async def test_a_confirmation_is_answered_with_its_buttons(button, answer) -> None:
    app = ScreenHost(lambda: ConfirmScreen("Leave?", confirm_label="Discard"))
    async with app.run_test(size=SIZE) as pilot:
        assert str(app.screen.query_one("#confirm-yes").label) == "Discard"
        await pilot.click(button)
        await pilot.pause()

    assert app.result is answer

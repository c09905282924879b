"""Templates: each kind's note filled from the application, and the user's own files."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from jobtui.domain.calendar import BusinessCalendar
from jobtui.domain.demo import demo_applications
from jobtui.domain.errors import InputError
from jobtui.domain.model import (
    MESSAGE_KINDS,
    Application,
    Contact,
    Interview,
    Kind,
    Offer,
    StageChange,
)
from jobtui.domain.notes.checks import check_note
from jobtui.domain.notes.reading import count_sentences, find_placeholders
from jobtui.domain.notes.templates import (
    PLACEHOLDERS,
    TEMPLATE_NAMES,
    fill_template,
    interview_for,
    load_template,
    user_template_path,
)
from jobtui.domain.rules import RuleSettings
from jobtui.domain.settings import settings_from

# A Wednesday.
NOW = pendulum.datetime(2026, 11, 4, 10, 0, tz="UTC")
RULES = RuleSettings()
CALENDAR = BusinessCalendar()


def demo(company: str) -> Application:
    """One of the demo applications as of NOW."""
    return next(app for app in demo_applications(NOW) if app.company == company)


def fill(kind: Kind, application: Application, **options) -> object:
    """The filled template with the test's time and rules."""
    return fill_template(
        kind, application, now=NOW, settings=RULES, calendar=CALENDAR, **options
    )


def test_every_bundled_template_loads_and_uses_only_known_placeholders() -> None:
    for name in TEMPLATE_NAMES:
        template = load_template(name)
        assert template.subject
        assert template.source == "jobtui"
        assert template.placeholders <= PLACEHOLDERS


def test_a_follow_up_is_addressed_to_the_contact_and_names_the_role() -> None:
    draft = fill(Kind.FOLLOWUP, demo("Bluefin Robotics"))

    assert draft.recipient == "jonas.weber@bluefin.example"
    assert "Backend Engineer" in draft.subject
    assert draft.body.startswith("Hi Jonas,")
    assert "Bluefin Robotics" in draft.body
    assert "on 26 October" in draft.body


def test_a_follow_up_after_applying_stays_within_three_sentences() -> None:
    draft = fill(Kind.FOLLOWUP, demo("Bluefin Robotics"), your_name="Sam Lee")

    assert count_sentences(draft.body) <= 3


def test_a_follow_up_after_applying_asks_for_something_about_the_role() -> None:
    draft = fill(Kind.FOLLOWUP, demo("Bluefin Robotics"), your_name="Sam Lee")

    assert find_placeholders(draft.body) == ["[what draws you to the role]"]


def test_a_follow_up_after_an_interview_recalls_the_conversation() -> None:
    draft = fill(Kind.FOLLOWUP, demo("Ironwood Data"))

    assert "conversation on Friday" in draft.body
    assert "applied" not in draft.body


def test_a_thank_you_quotes_what_was_recorded_for_that_interview() -> None:
    draft = fill(Kind.THANK_YOU, demo("Kestrel Security"))

    assert draft.recipient == "felix@kestrel.example"
    assert draft.body.startswith("Hi Felix,")
    assert "threat-modelling workshop and a bug-bounty backlog of 40 reports" in (
        draft.body
    )
    assert "Onsite with" not in draft.body
    assert 3 <= count_sentences(draft.body) <= 5


def test_a_thank_you_greets_an_interviewer_who_is_not_a_contact() -> None:
    application = _with_interview(with_whom="Dana Ruiz", notes="Their data mesh.")

    draft = fill(Kind.THANK_YOU, application)

    assert draft.body.startswith("Hi Dana,")
    assert draft.recipient == "recruiter@acme.example"


def test_a_thank_you_is_about_the_interview_it_is_given() -> None:
    application = _with_interview(with_whom="Dana Ruiz", notes="Their data mesh.")
    earlier = Interview(at=NOW.subtract(days=20), notes="Warehouse sizing.")
    application.record(earlier)

    draft = fill(Kind.THANK_YOU, application, interview=earlier)

    assert "Warehouse sizing" in draft.body
    assert "data mesh" not in draft.body


def test_a_thank_you_without_notes_leaves_a_prompt_for_the_specifics() -> None:
    application = _with_interview(with_whom="Dana Ruiz", notes="")

    draft = fill(Kind.THANK_YOU, application)

    assert "[something specific from the conversation]" in draft.body


def test_an_offer_reply_asks_for_a_decision_date_in_business_days() -> None:
    draft = fill(Kind.OFFER_REPLY, demo("Alder Climate"))

    # Five business days from Wednesday 4 November.
    assert "by Wednesday 11 November" in draft.body
    assert draft.body.startswith("Hi Freja,")


def test_an_offer_reply_counts_past_public_holidays() -> None:
    application = demo("Alder Climate")
    christmas = pendulum.datetime(2026, 12, 23, 10, tz="UTC")
    application.record(Offer(at=christmas))

    draft = fill_template(
        Kind.OFFER_REPLY,
        application,
        now=christmas,
        settings=RULES,
        calendar=BusinessCalendar("GB"),
    )

    # 24, 29, 30, 31 December and 4 January: the 25th, 28th and 1st are holidays.
    assert "by Monday 4 January 2027" in draft.body


def test_unknown_values_stay_visible_as_prompts() -> None:
    application = Application(
        company="Acme",
        role="Engineer",
        stage="Applied",
        created=NOW.subtract(days=9),
        updated=NOW.subtract(days=9),
    )

    draft = fill(Kind.FOLLOWUP, application)

    assert draft.recipient == ""
    assert "[first name]" in draft.body
    assert "[when you applied]" in draft.body
    assert "[your name]" in draft.body


def test_the_your_name_setting_signs_the_note() -> None:
    settings = settings_from({"your_name": "Sam Lee"})

    draft = fill(
        Kind.SECOND_FOLLOWUP, demo("Quillon Labs"), your_name=settings.your_name
    )

    assert draft.body.endswith("Sam Lee")
    assert find_placeholders(draft.body) == []


@pytest.mark.parametrize("kind", MESSAGE_KINDS)
def test_a_freshly_filled_template_raises_no_advice(kind: Kind) -> None:
    application = demo("Kestrel Security")
    draft = fill(kind, application, your_name="Sam Lee")

    findings = check_note(
        draft.body,
        kind=kind,
        application=application,
        now=NOW,
        settings=RULES,
        interview=interview_for(application, kind, NOW),
        template=draft.body,
    )

    assert [finding.id for finding in findings if not finding.blocks] == []


def test_moving_on_has_no_template() -> None:
    with pytest.raises(InputError, match="no note"):
        fill(Kind.MOVE_ON, demo("Tidewater Energy"))


def test_a_user_template_replaces_the_bundled_one() -> None:
    path = user_template_path("second_followup")
    path.parent.mkdir(parents=True)
    path.write_text(
        "# mine\nSubject: Still keen on {role}\n\nDear {first_name}, hello from "
        "{{me}}.\n",
        encoding="utf-8",
    )

    draft = fill(Kind.SECOND_FOLLOWUP, demo("Quillon Labs"))

    assert draft.subject == "Still keen on Python Developer"
    assert draft.body == "Dear Sam, hello from {me}."


def test_a_user_template_with_an_unknown_placeholder_names_file_and_field() -> None:
    path = user_template_path("thank_you")
    path.parent.mkdir(parents=True)
    path.write_text("Subject: Thanks\n\nHi {firstname},\n", encoding="utf-8")

    with pytest.raises(InputError) as raised:
        fill(Kind.THANK_YOU, demo("Kestrel Security"))

    assert raised.value.where == str(path)
    assert "{firstname}" in raised.value.what


def test_a_user_template_without_a_subject_line_is_refused() -> None:
    path = user_template_path("offer_reply")
    path.parent.mkdir(parents=True)
    path.write_text("Hi {first_name},\n", encoding="utf-8")

    with pytest.raises(InputError, match="Subject"):
        fill(Kind.OFFER_REPLY, demo("Alder Climate"))


def test_user_templates_live_in_the_config_folder(isolated_home: Path) -> None:
    assert user_template_path("followup") == (
        isolated_home / "config" / "templates" / "followup.txt"
    )


def _with_interview(*, with_whom: str, notes: str) -> Application:
    start = NOW.subtract(days=10)
    return Application(
        company="Acme",
        role="Data Engineer",
        stage="Interviewing",
        applied=start,
        contacts=[Contact(name="Robin Hale", email="recruiter@acme.example")],
        events=[
            StageChange(at=start, from_stage=None, to_stage="Applied"),
            Interview(at=NOW.subtract(hours=3), with_whom=with_whom, notes=notes),
        ],
        created=start,
        updated=start,
    )

"""Reading the forms' fields, building applications and events, and the history."""

from __future__ import annotations

import pendulum
import pytest

from jobtui.domain.demo import demo_applications
from jobtui.domain.entries import (
    application_from,
    application_readers,
    application_texts,
    event_from,
    event_readers,
    event_texts,
)
from jobtui.domain.errors import InputError
from jobtui.domain.forms import (
    WhenReader,
    editable_time,
    first_error,
    read_fields,
    tags,
    whole_minutes,
)
from jobtui.domain.history import describe_event, stage_spans
from jobtui.domain.model import Interview, Offer, Reply, StageChange, StageSet

BERLIN = pendulum.timezone("Europe/Berlin")
# Thursday 3 December 2026, 09:00 UTC = 10:00 in Berlin.
NOW = pendulum.datetime(2026, 12, 3, 9, 0, tz="UTC")
STAGES = StageSet()


def demo(company: str):
    return next(a for a in demo_applications(NOW) if a.company == company)


def texts(**changes: str) -> dict[str, str]:
    base = {"company": "Acme", "role": "Data Engineer", "stage": "Applied"}
    return {**base, **changes}


def read_application(adding: bool = True, **changes: str):
    readers = application_readers(STAGES, now=NOW, zone=BERLIN, adding=adding)
    return read_fields(readers, texts(**changes))


def test_company_and_role_are_required_and_say_so() -> None:
    _, errors = read_application(company="  ", role="")

    assert errors == {"company": "a company is required", "role": "a role is required"}


def test_a_date_is_read_in_the_local_zone_and_read_back_as_understood() -> None:
    reader = WhenReader("applied", "the applied date", NOW, BERLIN)

    assert reader("3 Nov") == pendulum.datetime(2026, 11, 2, 23, 0, tz="UTC")
    assert reader.read_back("3 Nov") == "→ Tue 3 Nov 2026 00:00"
    assert reader.read_back("tomorrow 14:00") == "→ Fri 4 Dec 2026 14:00"


def test_an_unreadable_date_names_the_forms_that_are_understood() -> None:
    _, errors = read_application(applied="soonish")

    assert errors["applied"].startswith("cannot read 'soonish' as a date; try")
    assert '"tomorrow 14:00"' in errors["applied"]


def test_an_empty_applied_date_is_now_when_adding_and_unknown_when_editing() -> None:
    added, _ = read_application(adding=True, applied="")
    edited, _ = read_application(adding=False, applied="")

    assert added["applied"] == NOW
    assert edited["applied"] is None
    reader = WhenReader("at", "a reply", NOW, BERLIN, blank_is_now=True)
    assert reader.read_back("") == "→ now, Thu 3 Dec 2026 10:00"


def test_a_time_that_has_not_happened_yet_is_refused_where_it_must_have() -> None:
    _, errors = read_application(applied="tomorrow")

    assert errors["applied"] == (
        "the applied date cannot be later than now (Fri 4 Dec 2026 00:00)"
    )


def test_web_and_email_addresses_are_checked() -> None:
    _, errors = read_application(url="jobs.example.com", contact_email="ana@")

    assert errors["url"].startswith("not a web address")
    assert errors["contact_email"] == "not an email address: 'ana@'"


def test_an_unknown_stage_is_refused_with_the_stages_there_are() -> None:
    _, errors = read_application(stage="Limbo")

    assert "no stage called 'Limbo'" in errors["stage"]


def test_tags_are_split_on_commas_trimmed_and_kept_once() -> None:
    assert tags(" python, remote,,Python , ml ") == ["python", "remote", "ml"]


@pytest.mark.parametrize("text", ["", "sixty", "-5", "1.5"])
def test_a_duration_is_a_whole_number_of_minutes(text: str) -> None:
    with pytest.raises(InputError, match="whole number of minutes"):
        whole_minutes("duration")(text)


def test_the_first_error_follows_the_forms_order() -> None:
    order = ["company", "role", "applied"]

    assert first_error(order, {"applied": "x", "role": "y"}) == "role"
    assert first_error(order, {}) is None


def test_a_new_application_starts_its_history_in_its_stage_on_the_applied_day() -> None:
    values, errors = read_application(applied="3 Nov", tags="python, remote")

    application = application_from(values, now=NOW)

    assert errors == {}
    assert application.created == application.updated == NOW
    assert application.applied == pendulum.datetime(2026, 11, 2, 23, 0, tz="UTC")
    assert application.tags == ["python", "remote"]
    assert application.events == [
        StageChange(at=application.applied, from_stage=None, to_stage="Applied")
    ]


def test_a_contact_needs_a_name_when_it_has_other_details() -> None:
    values, _ = read_application(contact_email="ana@example.com")

    with pytest.raises(InputError) as raised:
        application_from(values, now=NOW)

    assert raised.value.where == "contact_name"


def test_an_edit_is_a_copy_that_keeps_the_id_history_and_times() -> None:
    original = demo("Kestrel Security")
    start = application_texts(original, STAGES, BERLIN)
    readers = application_readers(STAGES, now=NOW, zone=BERLIN, adding=False)
    values, errors = read_fields(readers, {**start, "role": "Staff Engineer"})

    edited = application_from(values, now=NOW, original=original)

    assert errors == {}
    assert edited is not original
    assert edited.role == "Staff Engineer"
    assert original.role == "Security Engineer"
    assert (edited.id, edited.created, edited.updated) == (
        original.id,
        original.created,
        original.updated,
    )
    assert edited.events == original.events
    assert edited.applied == original.applied
    assert edited.contacts == original.contacts


def test_changing_the_stage_in_an_edit_records_the_move() -> None:
    original = demo("Kestrel Security")
    start = application_texts(original, STAGES, BERLIN)
    readers = application_readers(STAGES, now=NOW, zone=BERLIN, adding=False)
    values, _ = read_fields(readers, {**start, "stage": "offer"})

    edited = application_from(values, now=NOW, original=original)

    assert edited.stage == "Offer"
    assert edited.events[-1] == StageChange(
        at=NOW, from_stage="Interviewing", to_stage="Offer"
    )


def test_editable_times_are_read_back_to_the_same_moment() -> None:
    moment = pendulum.datetime(2026, 11, 3, 13, 5, tz="UTC")
    midnight = pendulum.datetime(2026, 11, 2, 23, 0, tz="UTC")
    reader = WhenReader("applied", "the applied date", NOW, BERLIN)

    assert editable_time(moment, BERLIN) == "2026-11-03 14:05"
    assert editable_time(midnight, BERLIN) == "2026-11-03"
    assert reader(editable_time(moment, BERLIN)) == moment
    assert reader(editable_time(midnight, BERLIN)) == midnight


def test_an_interview_defaults_to_an_hour_with_the_primary_contact() -> None:
    application = demo("Kestrel Security")
    start = event_texts("interview", application)
    readers = event_readers("interview", now=NOW, zone=BERLIN)
    values, errors = read_fields(
        readers, {**start, "at": "today 14:00", "notes": "their SIEM migration"}
    )

    interview = event_from("interview", values, BERLIN)

    assert errors == {}
    assert interview == Interview(
        at=pendulum.datetime(2026, 12, 3, 13, 0, tz="UTC"),
        duration_minutes=60,
        with_whom="Felix Braun",
        notes="their SIEM migration",
    )


def test_a_decision_date_before_the_interview_is_refused() -> None:
    readers = event_readers("interview", now=NOW, zone=BERLIN)
    values, _ = read_fields(readers, {"duration": "30", "decision_by": "yesterday"})

    with pytest.raises(InputError) as raised:
        event_from("interview", values, BERLIN)

    assert raised.value.where == "decision_by"


def test_a_reply_defaults_to_now_and_cannot_come_from_the_future() -> None:
    readers = event_readers("reply", now=NOW, zone=BERLIN)

    values, errors = read_fields(readers, {"summary": " Invited to a call. "})
    _, future = read_fields(readers, {"at": "in 2 hours"})

    assert event_from("reply", values, BERLIN) == Reply(
        at=NOW, summary="Invited to a call."
    )
    assert errors == {}
    assert "cannot be later than now" in future["at"]


def test_an_offer_keeps_its_deadline_unless_it_comes_before_the_offer() -> None:
    readers = event_readers("offer", now=NOW, zone=BERLIN)
    good, _ = read_fields(readers, {"deadline": "10 Dec", "details": "€80k"})
    bad, _ = read_fields(readers, {"deadline": "1 Dec"})

    offer = event_from("offer", good, BERLIN)

    assert offer == Offer(
        at=NOW,
        deadline=pendulum.datetime(2026, 12, 9, 23, 0, tz="UTC"),
        details="€80k",
    )
    with pytest.raises(InputError, match="before the day of the offer"):
        event_from("offer", bad, BERLIN)


def test_there_is_no_event_form_for_other_kinds() -> None:
    with pytest.raises(InputError, match="no event form"):
        event_readers("followup", now=NOW, zone=BERLIN)


def test_the_history_gives_the_time_spent_in_each_stage() -> None:
    application = demo("Kestrel Security")

    spans = stage_spans(application)

    assert [span.stage for span in spans] == ["Applied", "Phone Screen", "Interviewing"]
    assert [span.length(NOW) for span in spans] == ["10 days", "8 days", "12 days"]
    assert spans[-1].left is None


def test_an_application_without_stage_changes_has_one_stretch_from_applying() -> None:
    application = demo("Kestrel Security")
    application.events = [
        e for e in application.events if not isinstance(e, StageChange)
    ]

    (span,) = stage_spans(application)

    assert (span.stage, span.entered) == ("Interviewing", application.applied)


def test_events_are_described_in_words() -> None:
    application = demo("Alder Climate")

    described = [describe_event(event, BERLIN) for event in application.events]

    assert described[0] == "added in Applied"
    assert "moved from Applied to Phone Screen" in described
    assert "thank-you sent by email: Thanked the founders." in described
    assert described[-1] == (
        "offer received: €82k, 25 days' leave, start in February."
        " · decide by Thu 10 Dec 2026 07:36"
    )

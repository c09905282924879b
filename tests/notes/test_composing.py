"""A note being written: it starts from the draft or the template and keeps drafts."""

from __future__ import annotations

from pathlib import Path

import pendulum

from jobtui.domain.demo import demo_applications
from jobtui.domain.errors import DatabaseError, InputError
from jobtui.domain.model import Application, Kind, StageSet
from jobtui.domain.notes.composing import Composition
from jobtui.domain.notes.draft import Draft
from jobtui.domain.notes.drafts import DraftStore
from jobtui.domain.notes.templates import user_template_path
from jobtui.domain.settings import Settings

NOW = pendulum.datetime(2026, 11, 4, 10, 0, tz="UTC")
SETTINGS = Settings(timezone="UTC", your_name="Sam Lee")


def demo(company: str) -> Application:
    """One of the demo applications as of NOW."""
    return next(app for app in demo_applications(NOW) if app.company == company)


def composition(tmp_path: Path, company: str | Application, kind: Kind) -> Composition:
    """A note of `kind` for an application, with drafts in the test's folder."""
    application = demo(company) if isinstance(company, str) else company
    return Composition(
        application,
        kind,
        drafts=DraftStore(tmp_path / "drafts.json"),
        settings=SETTINGS,
        stages=StageSet(),
        now=NOW,
    )


def test_without_a_draft_the_note_starts_from_the_template(tmp_path: Path) -> None:
    note = composition(tmp_path, "Kestrel Security", Kind.THANK_YOU)

    draft, problems = note.start(Kind.THANK_YOU)

    assert draft == note.template
    assert "threat-modelling" in draft.body
    assert problems == []


def test_a_kept_draft_is_where_the_note_starts_next_time(tmp_path: Path) -> None:
    note = composition(tmp_path, "Kestrel Security", Kind.THANK_YOU)
    draft, _ = note.start(Kind.THANK_YOU)
    edited = Draft(draft.recipient, draft.subject, draft.body + " PS.")
    note.keep(edited)

    # A fresh store on the same file, as after a restart.
    again = composition(tmp_path, note.application, Kind.THANK_YOU)
    assert again.start(Kind.THANK_YOU) == (edited, [])


def test_a_draft_turned_back_into_the_template_is_dropped(tmp_path: Path) -> None:
    note = composition(tmp_path, "Kestrel Security", Kind.THANK_YOU)
    draft, _ = note.start(Kind.THANK_YOU)
    note.keep(Draft(draft.recipient, draft.subject, draft.body + " PS."))

    note.keep(draft)

    assert note.drafts.load(note.application.id, Kind.THANK_YOU) is None


def test_a_broken_user_template_is_reported_and_the_note_starts_empty(
    tmp_path: Path,
) -> None:
    path = user_template_path("thank_you")
    path.parent.mkdir(parents=True)
    path.write_text("no subject line\n", encoding="utf-8")
    note = composition(tmp_path, "Kestrel Security", Kind.THANK_YOU)

    draft, problems = note.start(Kind.THANK_YOU)

    assert draft == Draft("", "", "")
    assert [type(problem) for problem in problems] == [InputError]


def test_a_damaged_drafts_file_is_reported_and_the_template_used(
    tmp_path: Path,
) -> None:
    (tmp_path / "drafts.json").write_bytes(b"{broken")
    note = composition(tmp_path, "Alder Climate", Kind.OFFER_REPLY)

    draft, problems = note.start(Kind.OFFER_REPLY)

    assert "Wednesday 11 November" in draft.body
    assert [type(problem) for problem in problems] == [DatabaseError]


def test_the_window_is_shown_only_for_the_kind_it_calls_for(tmp_path: Path) -> None:
    note = composition(tmp_path, "Alder Climate", Kind.OFFER_REPLY)
    note.start(Kind.OFFER_REPLY)
    window = note.window()
    assert window is not None
    assert window.kind is Kind.OFFER_REPLY

    note.start(Kind.FOLLOWUP)
    assert note.window() is None


def test_the_sent_note_is_an_email_of_the_kind_at_the_time_given(
    tmp_path: Path,
) -> None:
    note = composition(tmp_path, "Alder Climate", Kind.OFFER_REPLY)
    note.start(Kind.OFFER_REPLY)

    sent = note.sent(Draft("", "Re", "  Thanks!\n"), NOW)

    assert (sent.kind, sent.text, sent.at, sent.channel) == (
        Kind.OFFER_REPLY,
        "Thanks!",
        NOW,
        "email",
    )

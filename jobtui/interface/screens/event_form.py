"""Quick forms from a card: record an interview, a reply or an offer.

These events restart the follow-up rules: an interview calls for a thank-you,
a reply restarts the chase, an offer calls for a reply asking for time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pendulum import DateTime
from textual.app import ComposeResult

from jobtui.domain.entries import EventResult, event_from, event_readers, event_texts
from jobtui.domain.errors import InputError
from jobtui.domain.forms import WhenReader, Zone
from jobtui.domain.model import Application
from jobtui.interface.screens.form_screen import FormScreen
from jobtui.interface.widgets.fields import Field, NotesField

WHEN_EXAMPLES = 'empty means now; or e.g. "today 14:00", "yesterday", "3 Nov"'
TITLES = {
    "interview": "Record an interview",
    "reply": "Record a reply from the employer",
    "offer": "Record an offer",
}
INTROS = {
    "interview": "The thank-you note is due within a day of the interview's end.",
    "reply": "A reply restarts the follow-up timings from its date.",
    "offer": "An offer calls for a reply thanking them and asking for time to decide.",
}


class EventForm(FormScreen[EventResult]):
    """Records an interview, a reply or an offer for one application.

    Args:
        kind: "interview", "reply" or "offer".
        application: the application the event belongs to (left unchanged).

    Dismisses with the Interview, Reply or Offer, or None when the user leaves.
    """

    def __init__(
        self, kind: str, application: Application, *, zone: Zone, now: DateTime
    ) -> None:
        if kind not in TITLES:
            raise InputError("kind", f"no event form for {kind!r}")
        super().__init__(
            f"{TITLES[kind]} — {application.company}",
            INTROS[kind],
            event_readers(kind, now=now, zone=zone),
        )
        self.kind = kind
        self.application = application
        self.zone = zone
        self.start = event_texts(kind, application)

    def compose_rows(self) -> ComposeResult:
        """The fields of the kind of event being recorded."""
        if self.kind == "interview":
            yield self._when("When", "at", hint=WHEN_EXAMPLES)
            yield self.text_field("Minutes", "duration", placeholder="60")
            yield self.text_field("With whom", "with_whom", placeholder="name")
            yield NotesField(
                "Discussed",
                hint="The thank-you note will mention it: note something specific.",
                id="notes",
            )
            yield self._when(
                "Decision by", "decision_by", hint="the date they gave, if any"
            )
        elif self.kind == "reply":
            yield self._when("When", "at", hint=WHEN_EXAMPLES)
            yield self.text_field(
                "Summary", "summary", placeholder="what they said, in a line"
            )
        else:
            yield self._when("Received", "at", hint=WHEN_EXAMPLES)
            yield self._when(
                "Deadline",
                "deadline",
                hint="when they need your decision, if they said",
            )
            yield NotesField(
                "Details", hint="salary, leave, start date, …", id="details"
            )

    def build(self, values: Mapping[str, Any]) -> EventResult:
        """The event the values describe."""
        return event_from(self.kind, values, self.zone)

    def _when(self, label: str, name: str, *, hint: str) -> Field:
        """A date field that reads the date back as understood."""
        reader = self.readers[name]
        assert isinstance(reader, WhenReader)
        return self.text_field(
            label,
            name,
            placeholder="now" if reader.blank_is_now else "",
            hint=hint,
            read_back=reader.read_back,
        )

"""The form that adds an application or edits one, checked as the user types."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pendulum import DateTime
from textual.app import ComposeResult

from jobtui.domain.entries import (
    application_from,
    application_readers,
    application_texts,
)
from jobtui.domain.forms import WhenReader, Zone, tags_read_back
from jobtui.domain.model import Application, StageSet
from jobtui.interface.screens.form_screen import FormScreen
from jobtui.interface.widgets.fields import ChoiceField, NotesField

DATE_EXAMPLES = 'e.g. "2026-11-03", "3 Nov", "yesterday", "tomorrow 14:00"'


class ApplicationForm(FormScreen[Application]):
    """Adds an application (`application` None) or edits a copy of the one given.

    Dismisses with the new or changed Application, or None when the user leaves.
    An edit keeps the id, history and created and updated times; a new
    application starts its history in the chosen stage on the applied date.
    """

    def __init__(
        self,
        stages: StageSet,
        *,
        zone: Zone,
        now: DateTime,
        application: Application | None = None,
    ) -> None:
        adding = application is None
        title = (
            "Add an application"
            if application is None
            else f"Edit {application.company} — {application.role}"
        )
        intro = "Company and role are needed; the rest can wait. ctrl+s saves."
        super().__init__(
            title,
            intro,
            application_readers(stages, now=now, zone=zone, adding=adding),
        )
        self.stages = stages
        self.now = now
        self.zone = zone
        self.application = application
        self.start = application_texts(application, stages, zone)

    def compose_rows(self) -> ComposeResult:
        """Every field of the application, and its first contact."""
        yield self.text_field("Company", "company", placeholder="required")
        yield self.text_field("Role", "role", placeholder="required")
        yield ChoiceField(
            "Stage", self._stage_names(), value=self.start["stage"], id="stage"
        )
        applied = self.readers["applied"]
        assert isinstance(applied, WhenReader)
        blank = "empty means now" if self.application is None else "empty: not known"
        yield self.text_field(
            "Applied",
            "applied",
            placeholder=DATE_EXAMPLES,
            hint=blank,
            read_back=applied.read_back,
        )
        yield self.text_field("Posting URL", "url", placeholder="https://…")
        yield self.text_field("Location", "location")
        yield self.text_field("Salary", "salary")
        yield self.text_field("Source", "source", placeholder="LinkedIn, referral, …")
        yield self.text_field(
            "Tags",
            "tags",
            placeholder="comma-separated: python, remote",
            read_back=tags_read_back,
        )
        yield self.text_field("Contact", "contact_name", placeholder="name")
        yield self.text_field(
            "Contact email", "contact_email", placeholder="name@example.com"
        )
        yield self.text_field(
            "Contact title", "contact_title", placeholder="Recruiter, …"
        )
        yield NotesField("Notes", value=self.start.get("notes", ""), id="notes")

    def build(self, values: Mapping[str, Any]) -> Application:
        """The new application, or the changed copy of the one being edited."""
        return application_from(values, now=self.now, original=self.application)

    def _stage_names(self) -> list[str]:
        """The stages to choose from, keeping one that no longer exists if in use."""
        names = self.stages.names
        current = self.start["stage"]
        return names if self.stages.find(current) else [*names, current]

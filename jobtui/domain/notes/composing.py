"""One note being written: which template it starts from, its checks, its draft.

The composer screen holds a `Composition` and asks it everything that is not
about widgets, so that what the composer does can be read (and tested) here.
"""

from __future__ import annotations

from pendulum import DateTime

from jobtui.domain.errors import JobtuiError
from jobtui.domain.model import Application, FollowUp, Interview, Kind, StageSet
from jobtui.domain.notes.checks import Finding, check_note
from jobtui.domain.notes.draft import Draft
from jobtui.domain.notes.drafts import DraftStore
from jobtui.domain.notes.templates import fill_template, interview_for
from jobtui.domain.rules import Window, next_window
from jobtui.domain.settings import Settings

EMPTY = Draft("", "", "")


class Composition:
    """A note of one kind for one application, and the draft kept for it.

    Args:
        kind: the note to start with; `move_on` has none, so a follow-up it is.
        interview: the interview a thank-you is about; by default the latest.
    """

    def __init__(
        self,
        application: Application,
        kind: Kind,
        *,
        drafts: DraftStore,
        settings: Settings,
        stages: StageSet,
        now: DateTime,
        interview: Interview | None = None,
    ) -> None:
        self.application = application
        self.drafts = drafts
        self.settings = settings
        self.stages = stages
        self.now = now
        self.kind = kind if kind.is_message else Kind.FOLLOWUP
        self.interview: Interview | None = None
        self.template = EMPTY
        self._given_interview = interview
        self._calendar = settings.calendar()

    def start(self, kind: Kind) -> tuple[Draft, list[JobtuiError]]:
        """Switch to `kind`: its saved draft, or else its filled template.

        The problems met on the way (a user template that is wrong, a damaged
        drafts file) come back to be reported; they never stop the note.
        """
        self.kind = kind
        self.interview = self._given_interview
        if kind is not Kind.THANK_YOU or self.interview is None:
            self.interview = interview_for(self.application, kind, self.now)

        problems: list[JobtuiError] = []
        try:
            self.template = fill_template(
                kind,
                self.application,
                now=self.now,
                settings=self.settings.rules,
                calendar=self._calendar,
                interview=self.interview,
                your_name=self.settings.your_name,
            )
        except JobtuiError as error:
            self.template = EMPTY
            problems.append(error)
        try:
            saved = self.drafts.load(self.application.id, kind)
        except JobtuiError as error:
            saved = None
            problems.append(error)
        return saved or self.template, problems

    def check(self, draft: Draft) -> list[Finding]:
        """What the checks find in the draft, blocking findings first."""
        return check_note(
            draft.body,
            kind=self.kind,
            application=self.application,
            now=self.now,
            settings=self.settings.rules,
            interview=self.interview,
            subject=draft.subject,
            template=self.template.body,
            stages=self.stages,
            calendar=self._calendar,
        )

    def keep(self, draft: Draft) -> None:
        """Save the draft, or drop the saved one once it is the template again.

        Raises:
            DatabaseError: the drafts file cannot be read or written.
        """
        if draft == self.template:
            self.drafts.discard(self.application.id, self.kind)
        else:
            self.drafts.save(self.application.id, self.kind, draft)

    def forget(self) -> None:
        """Drop the saved draft: the note has gone out."""
        self.drafts.discard(self.application.id, self.kind)

    def sent(self, draft: Draft, at: DateTime) -> FollowUp:
        """The history's record of the note sent by email at `at`."""
        return FollowUp(at=at, kind=self.kind, text=draft.body.strip(), channel="email")

    def window(self) -> Window | None:
        """The rules' next window, when it is for this kind of note."""
        window = next_window(
            self.application,
            self.now,
            stages=self.stages,
            settings=self.settings.rules,
            calendar=self._calendar,
        )
        return window if window is not None and window.kind is self.kind else None

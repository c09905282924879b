"""The model: applications, their contacts and events, and the stages they move through.

Every time in the model is an aware `pendulum.DateTime` in UTC; conversion to the
user's time zone happens only when a time is shown or read from the user.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from operator import attrgetter
from typing import TypeVar

from pendulum import DateTime

from jobtui.domain.errors import InputError
from jobtui.domain.times import add_elapsed


class Kind(StrEnum):
    """The kinds of follow-up the rules can call for."""

    FOLLOWUP = "followup"
    SECOND_FOLLOWUP = "second_followup"
    FINAL_CHECKIN = "final_checkin"
    THANK_YOU = "thank_you"
    OFFER_REPLY = "offer_reply"
    MOVE_ON = "move_on"

    @property
    def label(self) -> str:
        """The kind as the user reads it on a card: "thank-you", "move on?"."""
        return KIND_LABELS[self]

    @property
    def noun(self) -> str:
        """The kind inside a sentence: "snoozed the move-on suggestion"."""
        return "move-on suggestion" if self is Kind.MOVE_ON else KIND_LABELS[self]

    @property
    def is_message(self) -> bool:
        """Whether the kind is a note the user sends (all but `move_on`)."""
        return self is not Kind.MOVE_ON

    @property
    def is_chase(self) -> bool:
        """Whether the kind asks after silence, and so counts for the cadence guard."""
        return self in CHASE_KINDS


KIND_LABELS = {
    Kind.FOLLOWUP: "follow-up",
    Kind.SECOND_FOLLOWUP: "second follow-up",
    Kind.FINAL_CHECKIN: "final check-in",
    Kind.THANK_YOU: "thank-you",
    Kind.OFFER_REPLY: "offer reply",
    Kind.MOVE_ON: "move on?",
}
CHASE_KINDS = frozenset({Kind.FOLLOWUP, Kind.SECOND_FOLLOWUP, Kind.FINAL_CHECKIN})
MESSAGE_KINDS = tuple(kind for kind in Kind if kind.is_message)


@dataclass(frozen=True, slots=True)
class Stage:
    """A column of the board; applications in a closed stage get no follow-ups."""

    name: str
    closed: bool = False


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("Applied"),
    Stage("Under Review"),
    Stage("Phone Screen"),
    Stage("Interviewing"),
    Stage("Offer"),
    Stage("Rejected", closed=True),
)


@dataclass(frozen=True, slots=True)
class StageSet:
    """The user's stages in board order, looked up by name without regard to case."""

    stages: tuple[Stage, ...] = DEFAULT_STAGES
    # Each stage's place by its name in any case, and the first closed stage:
    # the rules ask for them for every application, too often to search.
    _places: dict[str, int] = field(init=False, repr=False, compare=False)
    _first_closed: Stage | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.stages:
            raise InputError("stages", "at least one stage is needed")
        places: dict[str, int] = {}
        for place, stage in enumerate(self.stages):
            key = stage.name.casefold()
            if not stage.name.strip():
                raise InputError("stages", "a stage needs a name")
            if key in places:
                raise InputError("stages", f"the stage {stage.name!r} appears twice")
            places[key] = place
        object.__setattr__(self, "_places", places)
        closed = next((stage for stage in self.stages if stage.closed), None)
        object.__setattr__(self, "_first_closed", closed)

    def __iter__(self) -> Iterator[Stage]:
        return iter(self.stages)

    def __len__(self) -> int:
        return len(self.stages)

    @property
    def names(self) -> list[str]:
        """The stage names in board order."""
        return [stage.name for stage in self.stages]

    def find(self, name: str) -> Stage | None:
        """The stage called `name` (any case, spaces trimmed), or None."""
        place = self._places.get(name.strip().casefold())
        return None if place is None else self.stages[place]

    def place(self, name: str) -> int | None:
        """The position on the board of the stage called `name` (as `find`), or None."""
        return self._places.get(name.strip().casefold())

    def resolve(self, name: str, where: str = "stage") -> Stage:
        """The stage called `name`, or an InputError that lists the stages there are."""
        stage = self.find(name)
        if stage is None:
            known = ", ".join(self.names)
            raise InputError(where, f"no stage called {name!r} (stages: {known})")
        return stage

    def index(self, name: str) -> int:
        """The position of a stage on the board; unknown names sort last."""
        return self._places.get(name.casefold(), len(self.stages))

    def is_closed(self, name: str) -> bool:
        """Whether the stage is closed; a stage that no longer exists counts as open."""
        stage = self.find(name)
        return stage is not None and stage.closed

    @property
    def first_closed(self) -> Stage | None:
        """The closed stage to suggest when silence means moving on."""
        return self._first_closed


@dataclass(slots=True)
class Contact:
    """A person at the employer: a recruiter, hiring manager or interviewer."""

    name: str
    email: str = ""
    title: str = ""

    @property
    def first_name(self) -> str:
        """The first word of the name, for a greeting."""
        return self.name.split()[0] if self.name.split() else ""


@dataclass(slots=True, kw_only=True)
class StageChange:
    """The application moved from one stage to another (`from_stage` None at first)."""

    at: DateTime
    from_stage: str | None
    to_stage: str


@dataclass(slots=True, kw_only=True)
class FollowUp:
    """A note the user sent: a follow-up, a thank-you or an offer reply."""

    at: DateTime
    kind: Kind = Kind.FOLLOWUP
    text: str = ""
    channel: str = "email"


@dataclass(slots=True, kw_only=True)
class Reply:
    """A reply from the employer, whatever it said."""

    at: DateTime
    summary: str = ""


@dataclass(slots=True, kw_only=True)
class Interview:
    """An interview, with what was discussed and the decision date they gave."""

    at: DateTime
    duration_minutes: int = 60
    with_whom: str = ""
    notes: str = ""
    decision_by: DateTime | None = None

    @property
    def ends(self) -> DateTime:
        """When the interview ended (or will end)."""
        return add_elapsed(self.at, minutes=self.duration_minutes)


@dataclass(slots=True, kw_only=True)
class Offer:
    """An offer received, with the deadline they set for a decision."""

    at: DateTime
    deadline: DateTime | None = None
    details: str = ""


@dataclass(slots=True, kw_only=True)
class Snoozed:
    """The user put off the window of one follow-up kind until a later time."""

    at: DateTime
    kind: Kind
    until: DateTime
    reason: str = ""


@dataclass(slots=True, kw_only=True)
class Handled:
    """The user dealt with a follow-up's window without sending a note, and why."""

    at: DateTime
    kind: Kind
    reason: str


Event = StageChange | FollowUp | Reply | Interview | Offer | Snoozed | Handled

E = TypeVar("E", StageChange, FollowUp, Reply, Interview, Offer, Snoozed, Handled)

EVENT_KINDS: dict[type, str] = {
    StageChange: "stage",
    FollowUp: "followup",
    Reply: "reply",
    Interview: "interview",
    Offer: "offer",
    Snoozed: "snooze",
    Handled: "handled",
}


_event_time = attrgetter("at")


def new_id() -> str:
    """A fresh application id: a random UUID, never TinyDB's reusable doc_id."""
    return str(uuid.uuid4())


@dataclass(slots=True, kw_only=True)
class Application:
    """One job application and everything that has happened to it."""

    id: str = field(default_factory=new_id)
    company: str
    role: str
    stage: str
    applied: DateTime | None = None
    url: str = ""
    location: str = ""
    salary: str = ""
    source: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    contacts: list[Contact] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    created: DateTime
    updated: DateTime

    def __post_init__(self) -> None:
        self.company = self.company.strip()
        self.role = self.role.strip()
        if not self.company:
            raise InputError("company", "a company is required")
        if not self.role:
            raise InputError("role", "a role is required")
        self.tags = clean_tags(self.tags)
        self.sort_events()

    def sort_events(self) -> None:
        """Keep the history in time order; events at the same instant keep theirs."""
        self.events.sort(key=_event_time)

    def record(self, event: Event) -> None:
        """Add an event to the history, keeping it in time order."""
        self.events.append(event)
        self.sort_events()

    def move_to(self, stage: str, at: DateTime) -> StageChange:
        """Move to another stage and record the change in the history."""
        if stage.casefold() == self.stage.casefold():
            raise InputError("stage", f"the application is already in {self.stage}")
        change = StageChange(at=at, from_stage=self.stage, to_stage=stage)
        self.stage = stage
        self.record(change)
        return change

    def events_of(self, kind: type[E]) -> list[E]:
        """The events of one type, in time order."""
        return [event for event in self.events if isinstance(event, kind)]

    @property
    def primary_contact(self) -> Contact | None:
        """The first contact, who notes are addressed to unless told otherwise."""
        return self.contacts[0] if self.contacts else None

    @property
    def last_activity(self) -> DateTime:
        """The time of the latest event, or of creation if there is none."""
        return self.events[-1].at if self.events else self.created

    def stage_since(self) -> DateTime:
        """When the application entered its current stage."""
        for event in reversed(self.events):
            if isinstance(event, StageChange) and event.to_stage == self.stage:
                return event.at
        return self.applied or self.created


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags trimmed, empty ones dropped and repeats (in any case) removed, in order."""
    seen: set[str] = set()
    cleaned: list[str] = []
    for tag in tags:
        tag = tag.strip()
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            cleaned.append(tag)
    return cleaned

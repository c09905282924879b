"""A card on the board: one application, its next window, and how urgent it is now.

Nothing here imports Textual: a card is data and the words it shows, so the
ordering and the wording can be tested without a screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum

from pendulum import DateTime

from jobtui.domain.model import Application, Kind, StageChange
from jobtui.domain.rules import Window
from jobtui.domain.times import describe_span, seconds_since_epoch
from jobtui.domain.wording import window_phrase

DAY = 86400.0


class Urgency(IntEnum):
    """How pressing a card is; lower sorts first within a column."""

    OVERDUE = 0
    DUE_SOON = 1
    OPEN = 2
    MOVE_ON = 3
    WAITING = 4
    NONE = 5

    @property
    def symbol(self) -> str:
        """The mark a card shows beside its follow-up, so colour is never alone."""
        return SYMBOLS[self]

    @property
    def style_name(self) -> str:
        """The suffix of the stylesheet's component class for this urgency."""
        return self.name.lower().replace("_", "-")

    @property
    def is_due(self) -> bool:
        """Whether a follow-up should go out now: its window is open or overdue."""
        return self in (Urgency.OVERDUE, Urgency.DUE_SOON, Urgency.OPEN)


SYMBOLS = {
    Urgency.OVERDUE: "▲",
    Urgency.DUE_SOON: "●",
    Urgency.OPEN: "○",
    Urgency.MOVE_ON: "»",
    Urgency.WAITING: "·",
    Urgency.NONE: " ",
}

LEGEND: tuple[tuple[Urgency, str], ...] = (
    (Urgency.OVERDUE, "overdue: the follow-up's due time has passed"),
    (Urgency.DUE_SOON, "due within a day: send it today"),
    (Urgency.OPEN, "open: the window for the follow-up has opened"),
    (Urgency.MOVE_ON, "move on: the silence has lasted; consider closing it"),
    (Urgency.WAITING, "waiting: the next window has not opened yet"),
)


def urgency_at(kind: Kind, opens: float, due: float, moment: float) -> Urgency:
    """How urgent a window of `kind` is at `moment`; times in seconds since the epoch.

    The same states as `Window.state`, found from numbers: comparing pendulum
    times asks their zone for its offset every time, and the board compares
    thousands of them.
    """
    if moment < opens:
        return Urgency.WAITING
    if kind is Kind.MOVE_ON:
        return Urgency.MOVE_ON
    if moment >= due:
        return Urgency.OVERDUE
    if due - moment <= DAY:
        return Urgency.DUE_SOON
    return Urgency.OPEN


SortKey = tuple[int, float, str, str]


@dataclass(frozen=True, slots=True)
class Card:
    """An application as the board shows it, with its window and urgency at a time.

    `key` orders cards within a column: the most urgent first, then the most
    recent activity, then by company; the id makes every key unique. `opens`
    and `due` are the window's, in seconds since the epoch (infinite if none).
    """

    application: Application
    window: Window | None
    urgency: Urgency
    key: SortKey
    opens: float = math.inf
    due: float = math.inf

    @classmethod
    def build(
        cls, application: Application, window: Window | None, moment: float
    ) -> Card:
        """The card for an application whose next window is `window`, at `moment`."""
        if window is None:
            opens = due = math.inf
            urgency = Urgency.NONE
        else:
            opens = seconds_since_epoch(window.opens)
            due = seconds_since_epoch(window.due)
            urgency = urgency_at(window.kind, opens, due, moment)
        key = (
            int(urgency),
            -seconds_since_epoch(application.last_activity),
            application.company.casefold(),
            application.id,
        )
        return cls(application, window, urgency, key, opens, due)

    @property
    def app_id(self) -> str:
        """The application's id."""
        return self.application.id

    def turning_points(self) -> list[float]:
        """The instants at which the card's urgency changes, as time goes by."""
        if self.window is None:
            return []
        if self.window.kind is Kind.MOVE_ON:
            return [self.opens, self.due]
        return [self.opens, self.due - DAY, self.due]

    def haystack(self) -> str:
        """What a filter searches: company, role and tags, casefolded."""
        application = self.application
        words = [application.company, application.role, *application.tags]
        return "\n".join(words).casefold()


@dataclass(frozen=True, slots=True)
class CardText:
    """The lines a card shows, as plain words."""

    company: str
    role: str
    since: str
    follow_up: str


PENDING = "… checking follow-ups"


def card_text(
    card: Card, now: DateTime, *, first_stage: str | None, pending: bool = False
) -> CardText:
    """What the card says at `now`.

    Args:
        first_stage: the board's first stage; an application that has never
            left it says when it was applied for rather than how long it waited.
        pending: the window is still being worked out.
    """
    application = card.application
    since = application.stage_since()
    span = describe_span(seconds_since_epoch(now) - seconds_since_epoch(since))
    never_moved = all(
        event.from_stage is None for event in application.events_of(StageChange)
    )
    if never_moved and application.stage == first_stage:
        since_words = f"applied {span} ago"
    else:
        since_words = f"in {application.stage} {span}"

    if pending:
        follow_up = PENDING
    elif card.window is None:
        follow_up = ""
    else:
        follow_up = f"{card.urgency.symbol} {window_phrase(card.window, now)}"
    return CardText(application.company, application.role, since_words, follow_up)

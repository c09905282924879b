"""The figures of the search, each with a one-line `counts` of what it counts.

The stats screen and `jobtui stats` both show them, in the words written here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

NO_DATA = "no data"
SOURCES_TITLE = "Interview rate by source"
SOURCE_COUNTS = (
    "per source (blank: unknown), applications with an interview by now, "
    "of that source's applications"
)
CHASING_TITLE = "Follow-ups and replies"
CHASED_LABEL = "chased"
NOT_CHASED_LABEL = "not chased"


def applications_phrase(count: int) -> str:
    """A number of applications in words: "1 application", "25 applications"."""
    return "1 application" if count == 1 else f"{count} applications"


def numbers_title(applications: int, as_of: str) -> str:
    """The heading of the numbers: "Numbers · 25 applications as of <when>"."""
    return f"Numbers · {applications_phrase(applications)} as of {as_of}"


@dataclass(frozen=True, slots=True)
class Count:
    """How many applications (or events) one row of a chart stands for."""

    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Rate:
    """A share: `part` of `whole`, with what each of them counts."""

    title: str
    counts: str
    part: int
    whole: int

    @property
    def share(self) -> float | None:
        """The share from 0 to 1, or None when there is nothing to divide by."""
        return self.part / self.whole if self.whole else None

    @property
    def percent(self) -> str:
        """The share as "40%", or "no data"."""
        share = self.share
        return NO_DATA if share is None else f"{round(share * 100)}%"

    @property
    def fraction(self) -> str:
        """The parts alone: "4 of 10", or "no data"."""
        return f"{self.part} of {self.whole}" if self.whole else NO_DATA

    def describe(self) -> str:
        """The share with its parts: "40% (4 of 10)", or "no data"."""
        if not self.whole:
            return NO_DATA
        return f"{self.percent} ({self.fraction})"


@dataclass(frozen=True, slots=True)
class Funnel:
    """How many applications reached each stage, open stages apart from closed."""

    title: str
    counts: str
    open: tuple[Count, ...]
    closed: tuple[Count, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Median:
    """A median number of days over `of` applications, None without any."""

    title: str
    counts: str
    days: float | None
    of: int

    @property
    def figure(self) -> str:
        """The median alone, as "6.5", or "no data"."""
        return NO_DATA if self.days is None else f"{self.days:.1f}"

    @property
    def detail(self) -> str:
        """What the figure is: "days, over 5 answered", or "no data"."""
        return NO_DATA if self.days is None else f"days, over {self.of} answered"

    def describe(self) -> str:
        """The median as "6.5 days", or "no data"."""
        if self.days is None:
            return NO_DATA
        return f"{self.figure} days"


@dataclass(frozen=True, slots=True)
class Week:
    """One ISO week of the search: applications made and follow-ups sent in it."""

    starts: date
    applications: int
    follow_ups: int

    @property
    def label(self) -> str:
        """The ISO week as "W45"."""
        return f"W{self.starts.isocalendar().week:02d}"

    @property
    def heading(self) -> str:
        """The ISO week with the day it starts: "W45 · 2 Nov"."""
        return f"{self.label} · {self.starts.day} {self.starts:%b}"


@dataclass(frozen=True, slots=True)
class Pace:
    """Applications and follow-ups per week, from the first application to now."""

    title: str
    counts: str
    weeks: tuple[Week, ...]

    @property
    def made(self) -> list[int]:
        """Applications made, week by week."""
        return [week.applications for week in self.weeks]

    @property
    def sent(self) -> list[int]:
        """Follow-ups sent, week by week."""
        return [week.follow_ups for week in self.weeks]

    @property
    def made_summary(self) -> str:
        """The applications in all and in the busiest week, in words."""
        return _weekly_summary("applications", self.made)

    @property
    def sent_summary(self) -> str:
        """The follow-ups in all and in the busiest week, in words."""
        return _weekly_summary("follow-ups", self.sent)


@dataclass(frozen=True, slots=True)
class Stats:
    """Every figure of the search."""

    applications: int
    funnel: Funnel
    response: Rate
    first_reply: Median
    interviews_by_source: tuple[Rate, ...]
    pace: Pace
    chased: Rate
    not_chased: Rate
    answered: Rate


def _weekly_summary(name: str, counts: Sequence[int]) -> str:
    """A total and the busiest week: "applications · 25 in all, at most 6 a week"."""
    if not counts:
        return f"{name} · {NO_DATA}"
    return f"{name} · {sum(counts)} in all, at most {max(counts)} a week"

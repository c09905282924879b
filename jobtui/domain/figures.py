"""The figures of the stats screen, each with a one-line `counts` of what it counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

NO_DATA = "no data"


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

    def describe(self) -> str:
        """The share with its parts: "40% (4 of 10)", or "no data"."""
        if not self.whole:
            return NO_DATA
        return f"{self.percent} ({self.part} of {self.whole})"


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

    def describe(self) -> str:
        """The median as "6.5 days", or "no data"."""
        if self.days is None:
            return NO_DATA
        return f"{self.days:.1f} days"


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


@dataclass(frozen=True, slots=True)
class Pace:
    """Applications and follow-ups per week, from the first application to now."""

    title: str
    counts: str
    weeks: tuple[Week, ...]


@dataclass(frozen=True, slots=True)
class Stats:
    """Every figure of the stats screen."""

    applications: int
    funnel: Funnel
    response: Rate
    first_reply: Median
    interviews_by_source: tuple[Rate, ...]
    pace: Pace
    chased: Rate
    not_chased: Rate
    answered: Rate

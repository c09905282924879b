"""Business days and local days: the calendar the follow-up rules count on.

Weekends and a country's public holidays are not business days; a calendar
without a country knows weekends (Saturday and Sunday) only. The `holidays`
package takes tens of milliseconds to import, so it is imported only when a
holiday is first looked up, and each year's holidays are looked up once.

Days are counted on the user's local calendar, so that a window opening a week
after 09:00 opens at 09:00 local time even across a daylight-saving change.
"""

from __future__ import annotations

import re
from datetime import UTC as STD_UTC
from datetime import date, datetime, timedelta
from typing import Any

from pendulum import Date, DateTime

from jobtui.domain.errors import InputError
from jobtui.domain.times import UTC, Zone, plain_zone, seconds_since_epoch

SATURDAY_SUNDAY = frozenset({5, 6})
_CODE = re.compile(r"^[A-Z]{2,3}$")


class BusinessCalendar:
    """Which days are working days where the user lives.

    Args:
        country: an ISO 3166 country code such as "US" or "DE"; None for weekends
            only.
        subdivision: a state or province code within the country, such as "BY"
            for Bavaria or "CA" for California.

    Raises:
        InputError: naming `country` or `subdivision`. A code of the wrong shape is
            refused at once; a well-formed code that the holidays package does not
            know is refused when the first holiday is looked up (or by `check`).
    """

    __slots__ = ("_holidays", "_weekend", "_years", "country", "subdivision")

    def __init__(
        self, country: str | None = None, subdivision: str | None = None
    ) -> None:
        country = (country or "").strip().upper() or None
        subdivision = (subdivision or "").strip() or None
        if country is not None and not _CODE.match(country):
            raise InputError(
                "country", f"{country!r} is not a country code such as US, DE or GB"
            )
        if subdivision is not None and country is None:
            raise InputError("subdivision", "a subdivision needs a country as well")

        self.country = country
        self.subdivision = subdivision
        self._holidays: Any = None
        self._weekend: frozenset[int] = SATURDAY_SUNDAY
        self._years: dict[int, frozenset[date]] = {}

    def __repr__(self) -> str:
        country, subdivision = self.country, self.subdivision
        return f"BusinessCalendar({country!r}, {subdivision!r})"

    def check(self) -> None:
        """Look the country and subdivision up now, so a bad one is reported early."""
        if self.country is not None:
            self._load()

    def is_business_day(self, day: Date) -> bool:
        """Whether `day` is a working day: not a weekend day, not a public holiday."""
        if self.country is None:
            return day.weekday() not in SATURDAY_SUNDAY

        self._load()
        if day.weekday() in self._weekend:
            return False
        return day not in self._holidays_in(day.year)

    def add_business_days(self, day: Date, n: int) -> Date:
        """The day `n` business days after `day` (before it when `n` is negative).

        Zero gives `day` itself, whether or not it is a business day.
        """
        step = 1 if n >= 0 else -1
        remaining = abs(n)
        current = day
        while remaining:
            current = current.add(days=step)
            if self.is_business_day(current):
                remaining -= 1
        return current

    def next_business_day(self, day: Date) -> Date:
        """The first business day after `day`."""
        return self.add_business_days(day, 1)

    def _load(self) -> None:
        if self._holidays is not None:
            return

        import holidays

        try:
            calendar = holidays.country_holidays(self.country or "", years=[])
        except NotImplementedError as error:
            raise InputError(
                "country", f"no public holidays are known for {self.country!r}"
            ) from error

        if self.subdivision is not None:
            self.subdivision = _resolve_subdivision(calendar, self.subdivision)
            calendar = holidays.country_holidays(
                self.country or "", subdiv=self.subdivision, years=[]
            )

        # Some countries rest on other days than Saturday and Sunday.
        weekend = getattr(calendar, "weekend", None)
        if weekend:
            self._weekend = frozenset(weekend)
        self._holidays = calendar

    def _holidays_in(self, year: int) -> frozenset[date]:
        days = self._years.get(year)
        if days is None:
            import holidays

            found = holidays.country_holidays(
                self.country or "", subdiv=self.subdivision, years=year
            )
            days = frozenset(found.keys())
            self._years[year] = days
        return days


def _resolve_subdivision(calendar: Any, subdivision: str) -> str:
    """The holidays package's code for a subdivision given in any case or by name."""
    known = {code.casefold(): code for code in calendar.subdivisions}
    aliases = getattr(calendar, "subdivisions_aliases", None) or {}
    known |= {alias.casefold(): code for alias, code in aliases.items()}
    code = known.get(subdivision.casefold())
    if code is None:
        listed = ", ".join(sorted(calendar.subdivisions)[:12])
        raise InputError(
            "subdivision",
            f"{calendar.country} has no subdivision {subdivision!r}"
            f" (codes include {listed})",
        )
    return code


def add_local_days(moment: DateTime, days: int, zone: Zone) -> DateTime:
    """`days` days after `moment` on the local calendar, at the same local clock time.

    Counting on the local calendar keeps 09:00 at 09:00 across a change to or from
    daylight saving time. A clock time that the change skips moves on by the
    change; one it repeats is taken at its first occurrence. The result is in UTC,
    as the model keeps times.
    """
    # Plain datetimes in a plain ZoneInfo do wall-clock arithmetic several times
    # faster than pendulum, and `jobtui due` does this for every application.
    local = datetime.fromtimestamp(seconds_since_epoch(moment), plain_zone(zone))
    return _utc(local + timedelta(days=days))


def local_date(moment: DateTime, zone: Zone) -> Date:
    """The day on the local calendar at `moment`: `in_timezone(zone).date()`, faster."""
    local = datetime.fromtimestamp(seconds_since_epoch(moment), plain_zone(zone))
    return Date(local.year, local.month, local.day)


def end_of_local_day(day: date, zone: Zone) -> DateTime:
    """The last second of a local day, in UTC."""
    last = datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=plain_zone(zone))
    return _utc(last)


def start_of_local_day(day: date, zone: Zone) -> DateTime:
    """The first instant of a local day, in UTC."""
    return _utc(datetime(day.year, day.month, day.day, tzinfo=plain_zone(zone)))


def at_local_clock(day: date, hour: int, zone: Zone) -> DateTime:
    """`hour` o'clock on a local day, in UTC (moved on by a change that skips it)."""
    return _utc(datetime(day.year, day.month, day.day, hour, tzinfo=plain_zone(zone)))


def _utc(local: datetime) -> DateTime:
    moment = local.astimezone(STD_UTC)
    return DateTime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=UTC,
    )

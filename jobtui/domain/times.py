"""Times: stored as UTC ISO 8601, read from users in local time, shown in local time.

A date or time the user gives without an offset means their local time zone;
`pendulum.parse` would assume UTC, so every user-facing parse goes through
`parse_when`, which is told the zone.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo
from datetime import timezone as fixed_zone
from zoneinfo import ZoneInfo

import pendulum
from pendulum import DateTime, Duration, FixedTimezone, Timezone

from jobtui.domain.errors import InputError

UTC = pendulum.UTC
Zone = Timezone | FixedTimezone

# pendulum's English names, which its formatting uses unless told otherwise.
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip

_EPOCH = DateTime(1970, 1, 1, tzinfo=UTC)
_plain_zones: dict[int, tuple[Zone, tzinfo]] = {}

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
UNITS = {
    "minute": "minutes",
    "min": "minutes",
    "hour": "hours",
    "h": "hours",
    "day": "days",
    "d": "days",
    "week": "weeks",
    "w": "weeks",
}

# Patterns for what people type, left to `re` to compile (and keep) at first
# use: compiling them all costs half a millisecond that `jobtui due` seldom needs.
_TIME = r"(?:\s+(?:at\s+)?(?P<time>\d{1,2}(?::\d{2})?\s*(?:am|pm)?))?"
_RELATIVE_DAY = rf"^(?P<day>today|yesterday|tomorrow|now){_TIME}$"
_WEEKDAY = rf"^(?P<which>last|next)?\s*(?P<weekday>[a-z]+){_TIME}$"
_OFFSET = (
    r"^(?:(?P<in>in)\s+)?(?P<count>\d+)\s*(?P<unit>[a-z]+?)s?(?:\s+(?P<ago>ago))?$"
)
_DAY_MONTH = (
    rf"^(?:(?P<d1>\d{{1,2}})\s+(?P<m1>[a-z]+)|(?P<m2>[a-z]+)\s+(?P<d2>\d{{1,2}}))"
    rf",?(?:\s+(?P<year>\d{{4}}))?{_TIME}$"
)
_CLOCK = r"^(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>am|pm)?$"

WHEN_EXAMPLES = (
    '"2026-11-03", "2026-11-03 14:00", "3 Nov", "yesterday", "tomorrow 14:00"'
)


def utc_now() -> DateTime:
    """The current time in UTC, to the second."""
    return pendulum.now(UTC).replace(microsecond=0)


def local_zone(name: str | None = None) -> pendulum.Timezone:
    """The named time zone, or the system's own when no name is given."""
    if not name:
        zone = pendulum.local_timezone()
        return zone if isinstance(zone, pendulum.Timezone) else pendulum.timezone("UTC")
    try:
        return pendulum.timezone(name)
    except Exception as error:
        raise InputError("timezone", f"unknown time zone {name!r}") from error


def to_iso(moment: DateTime) -> str:
    """A time as stored: UTC ISO 8601 ending in Z."""
    text = moment.astimezone(UTC).isoformat()
    return text.removesuffix("+00:00") + "Z"


def from_iso(text: str, where: str = "time") -> DateTime:
    """A stored time back into an aware UTC DateTime; a naive one is taken as UTC."""
    try:
        parsed = DateTime.fromisoformat(text)
    except (TypeError, ValueError) as error:
        raise InputError(where, f"not an ISO 8601 date-time: {text!r}") from error
    if parsed.tzinfo is None or parsed.utcoffset() == Duration(0):
        return parsed.replace(tzinfo=UTC)
    return parsed.in_timezone(UTC)


def parse_when(
    text: str, *, now: DateTime, zone: pendulum.Timezone, where: str = "time"
) -> DateTime:
    """Read a date or time as a person types it, in their local zone, as UTC.

    Accepts ISO 8601 dates and date-times (an offset, if given, is honoured),
    "today", "yesterday", "tomorrow" and "now" with an optional clock time,
    "3 Nov" or "Nov 3" with an optional year and time, weekday names ("monday",
    "last friday", "next tuesday 10am") and offsets ("3 days ago", "in 2 weeks").
    A day and month with no year is taken in the year that puts it nearest to now.

    Raises:
        InputError: naming `where` and the forms that are understood.
    """
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise InputError(where, f"a date is needed, such as {WHEN_EXAMPLES}")
    local_now = now.in_timezone(zone)
    moment = (
        _parse_iso(cleaned, zone)
        or _parse_relative_day(cleaned, local_now)
        or _parse_offset(cleaned, local_now)
        or _parse_day_month(cleaned, local_now, where)
        or _parse_weekday(cleaned, local_now)
    )
    if moment is None:
        raise InputError(
            where, f"cannot read {text.strip()!r} as a date; try {WHEN_EXAMPLES}"
        )
    return moment.in_timezone(UTC).replace(microsecond=0)


def _parse_iso(text: str, zone: pendulum.Timezone) -> DateTime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        parsed = datetime.fromisoformat(text.upper().replace(" ", "T", 1))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return pendulum.instance(zone.convert(parsed))
    return pendulum.instance(parsed)


def _clock(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    match = re.match(_CLOCK, text.strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"] == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _at_clock(day: DateTime, time_text: str | None) -> DateTime | None:
    """The day at the given clock time, or at its start when no time is given."""
    if time_text is None:
        return day.start_of("day")
    clock = _clock(time_text)
    if clock is None:
        return None
    return day.replace(hour=clock[0], minute=clock[1], second=0, microsecond=0)


def _parse_relative_day(text: str, local_now: DateTime) -> DateTime | None:
    match = re.match(_RELATIVE_DAY, text)
    if match is None:
        return None
    day = match["day"]
    if day == "now":
        return local_now if match["time"] is None else None
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[day]
    return _at_clock(local_now.add(days=shift), match["time"])


def _parse_offset(text: str, local_now: DateTime) -> DateTime | None:
    match = re.match(_OFFSET, text)
    if match is None or bool(match["in"]) == bool(match["ago"]):
        return None
    unit = UNITS.get(match["unit"])
    if unit is None:
        return None
    count = int(match["count"]) * (1 if match["in"] else -1)
    return local_now.add(**{unit: count})


def _parse_day_month(text: str, local_now: DateTime, where: str) -> DateTime | None:
    match = re.match(_DAY_MONTH, text)
    if match is None:
        return None
    month = MONTHS.get(match["m1"] or match["m2"] or "")
    if month is None:
        return None
    day = int(match["d1"] or match["d2"])
    years = (
        [int(match["year"])]
        if match["year"]
        else [local_now.year - 1, local_now.year, local_now.year + 1]
    )
    candidates = []
    for year in years:
        try:
            candidates.append(local_now.replace(year=year, month=month, day=day))
        except ValueError:
            continue
    if not candidates:
        raise InputError(where, f"there is no day {day} in that month")
    nearest = min(
        candidates, key=lambda moment: abs((moment - local_now).total_seconds())
    )
    return _at_clock(nearest, match["time"])


def _parse_weekday(text: str, local_now: DateTime) -> DateTime | None:
    match = re.match(_WEEKDAY, text)
    if match is None:
        return None
    name = match["weekday"]
    found = [index for index, day in enumerate(WEEKDAYS) if day.startswith(name)]
    if len(name) < 3 or len(found) != 1:
        return None
    shift = found[0] - local_now.weekday()
    if match["which"] == "next":
        shift = shift if shift > 0 else shift + 7
    else:
        shift = shift if shift <= 0 else shift - 7
    return _at_clock(local_now.add(days=shift), match["time"])


def format_local(moment: DateTime, zone: Zone, *, time: bool = True) -> str:
    """A time as the user reads it: "Tue 3 Nov 2026 14:05" in their zone.

    The same text as pendulum's `format("ddd D MMM YYYY HH:mm")`, which costs
    several times as much and `jobtui due` shows hundreds of times.
    """
    local = datetime.fromtimestamp(seconds_since_epoch(moment), plain_zone(zone))
    weekday = WEEKDAY_ABBREVIATIONS[local.weekday()]
    month = MONTH_ABBREVIATIONS[local.month - 1]
    day = f"{weekday} {local.day} {month} {local.year}"
    if not time:
        return day
    return f"{day} {local.hour:02d}:{local.minute:02d}"


def seconds_since_epoch(moment: datetime) -> float:
    """`moment.timestamp()` for an aware time: the very same float, found faster.

    A pendulum time asks its zone for the offset on every `timestamp()`; two
    times in the same zone subtract without asking.
    """
    return datetime.__sub__(moment, _EPOCH).total_seconds()


def add_elapsed(
    moment: DateTime, *, hours: int = 0, minutes: int = 0, seconds: int = 0
) -> DateTime:
    """`moment.add(hours=…, minutes=…, seconds=…)`: elapsed time, not clock time.

    For a time in UTC, as the model keeps them, plain addition gives the same
    time at a fraction of the cost of pendulum's `add`.
    """
    if moment.tzinfo is UTC:
        elapsed = timedelta(hours=hours, minutes=minutes, seconds=seconds)
        return datetime.__add__(moment, elapsed)
    return moment.add(hours=hours, minutes=minutes, seconds=seconds)


def plain_zone(zone: Zone) -> tzinfo:
    """The standard library's own object for a pendulum zone.

    Plain datetimes in a plain zone convert and do wall-clock arithmetic several
    times faster than pendulum's, with the same time zone data.
    """
    known = _plain_zones.get(id(zone))
    if known is not None and known[0] is zone:
        return known[1]

    if isinstance(zone, Timezone):
        plain: tzinfo = ZoneInfo(zone.name)
    else:
        plain = fixed_zone(timedelta(seconds=zone.offset))
    # The zone is kept alive with its entry, so that its id is never reused.
    _plain_zones[id(zone)] = (zone, plain)
    return plain


def describe_span(seconds: float) -> str:
    """A length of time in the largest whole unit that fits: "5 h", "9 days"."""
    seconds = abs(seconds)
    if seconds < 3600:
        minutes = max(1, round(seconds / 60))
        return f"{minutes} min"
    if seconds < 86400:
        return f"{round(seconds / 3600)} h"
    days = round(seconds / 86400)
    if days < 14:
        return f"{days} day" if days == 1 else f"{days} days"
    weeks = round(days / 7)
    return f"{weeks} weeks"

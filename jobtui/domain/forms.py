"""Reading what a person types into a form, one field at a time and then as a whole.

A reader turns a field's text into a value or raises an InputError whose `what`
is fit to show next to the field. The interface runs a field's reader as the
user types; on saving, `read_fields` reads every field and the builders in
`entries` make the model objects from the values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pendulum import DateTime, FixedTimezone, Timezone

from jobtui.domain.errors import InputError
from jobtui.domain.model import StageSet, clean_tags
from jobtui.domain.times import format_local, parse_when
from jobtui.domain.validation import check_email, check_url

Zone = Timezone | FixedTimezone
Reader = Callable[[str], Any]


def required(where: str, what: str) -> Callable[[str], str]:
    """A reader of text that must be given; `what` names it, as in "a company"."""

    def read(text: str) -> str:
        value = text.strip()
        if not value:
            raise InputError(where, f"{what} is required")
        return value

    return read


def plain(text: str) -> str:
    """Free text, trimmed; empty is fine."""
    return text.strip()


def web_address(where: str) -> Callable[[str], str]:
    """A reader of an optional http(s) address."""
    return lambda text: check_url(text, where)


def email_address(where: str) -> Callable[[str], str]:
    """A reader of an optional email address."""
    return lambda text: check_email(text, where)


def stage_name(stages: StageSet, where: str = "stage") -> Callable[[str], str]:
    """A reader of one of the user's stages, giving its name as configured."""
    return lambda text: stages.resolve(text, where).name


def whole_minutes(where: str) -> Callable[[str], int]:
    """A reader of a length in whole minutes, zero or more."""

    def read(text: str) -> int:
        cleaned = text.strip().removesuffix("min").strip()
        if not cleaned.isdigit():
            shown = f"{text.strip()!r} is not " if text.strip() else "needs "
            raise InputError(where, f"{shown}a whole number of minutes, such as 60")
        return int(cleaned)

    return read


def tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, with empty ones and repeats dropped."""
    return clean_tags(text.split(","))


def tags_read_back(text: str) -> str:
    """The tags as they will be saved: "→ python · remote"."""
    found = tags(text)
    return f"→ {' · '.join(found)}" if found else ""


@dataclass(frozen=True, slots=True)
class WhenReader:
    """A reader of a date or time in the user's zone, which reads it back to them.

    Args:
        where: the field's name, for the InputError.
        what: the field in words, for messages: "the interview".
        blank_is_now: whether an empty field means `now`; otherwise it means None.
        not_after: the latest time allowed (`now` for things that already happened).
    """

    where: str
    what: str
    now: DateTime
    zone: Zone
    blank_is_now: bool = False
    not_after: DateTime | None = None

    def __call__(self, text: str) -> DateTime | None:
        """The time the text means, as UTC; None for an empty optional field."""
        if not text.strip():
            return self.now if self.blank_is_now else None
        moment = parse_when(text, now=self.now, zone=self.zone, where=self.where)
        if self.not_after is not None and moment > self.not_after:
            shown = format_local(moment, self.zone)
            raise InputError(
                self.where, f"{self.what} cannot be later than now ({shown})"
            )
        return moment

    def read_back(self, text: str) -> str:
        """What the text was understood as: "→ Tue 3 Nov 2026 14:00"; "" if unset."""
        moment = self(text)
        if moment is None:
            return ""
        shown = format_local(moment, self.zone)
        return f"→ now, {shown}" if not text.strip() else f"→ {shown}"


def read_fields(
    readers: Mapping[str, Reader], texts: Mapping[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Every field read by its reader: the values, and the errors by field name."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, reader in readers.items():
        try:
            values[name] = reader(texts.get(name, ""))
        except InputError as error:
            errors[name] = error.what
    return values, errors


def first_error(order: Iterable[str], errors: Mapping[str, str]) -> str | None:
    """The first field, in the form's order, that has an error."""
    return next((name for name in order if name in errors), None)


def editable_time(moment: DateTime | None, zone: Zone) -> str:
    """A stored time as text the user can edit and `parse_when` reads back."""
    if moment is None:
        return ""
    local = moment.in_timezone(zone)
    if local.hour == local.minute == 0:
        return local.format("YYYY-MM-DD")
    return local.format("YYYY-MM-DD HH:mm")

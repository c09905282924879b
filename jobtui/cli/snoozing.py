"""The snooze and handled events of `jobtui log`, built from its options."""

from __future__ import annotations

import re
from typing import Any

from jobtui.cli.context import Env
from jobtui.domain.errors import InputError
from jobtui.domain.model import Handled, Kind, Snoozed
from jobtui.domain.snooze import parse_snooze, snooze_until

_LENGTH = re.compile(r"^\s*\d+\s*[dDbB]\s*$")


def snooze_event(env: Env, fields: dict[str, Any], when: Any) -> Snoozed:
    """A snooze from `--until` (a time, or a length: 3d days, 2b business days)."""
    kind = _kind(fields)
    until_text = fields["until"]
    if not until_text:
        raise InputError("--until", "a snooze needs --until (a time, 3d or 2b)")
    reason = fields["reason"] or ""
    if _LENGTH.match(until_text):
        amount, unit = parse_snooze(until_text)
        until = snooze_until(when, amount, unit, env.zone, env.calendar)
    else:
        until = env.when(until_text, "--until")
    if until <= when:
        raise InputError("--until", "is not after the time of the snooze")
    return Snoozed(at=when, kind=kind, until=until, reason=reason)


def handled_event(fields: dict[str, Any], when: Any) -> Handled:
    """A window marked handled, with the reason it needs no note."""
    reason = (fields["reason"] or "").strip()
    if not reason:
        raise InputError("--reason", "say how it was handled")
    return Handled(at=when, kind=_kind(fields), reason=reason)


def _kind(fields: dict[str, Any]) -> Kind:
    if not fields["kind"]:
        raise InputError("--type", "name the follow-up it is for, such as followup")
    return Kind(fields["kind"])

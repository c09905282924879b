"""`jobtui log`: record a follow-up sent, a reply, an interview, an offer, a snooze."""

from __future__ import annotations

from typing import Any

import click

from jobtui.cli.context import Env
from jobtui.cli.records import check_not_before_applying
from jobtui.cli.snoozing import handled_event, snooze_event
from jobtui.domain.errors import InputError
from jobtui.domain.model import (
    Event,
    FollowUp,
    Interview,
    Kind,
    Offer,
    Reply,
)

pass_env = click.make_pass_decorator(Env)


LOG_OPTIONS = {
    "followup": {"kind", "text", "channel"},
    "reply": {"summary"},
    "interview": {"duration", "with_whom", "notes", "decision_by"},
    "offer": {"deadline", "details"},
    "snooze": {"kind", "until", "reason"},
    "handled": {"kind", "reason"},
}


KINDS = ", ".join(str(kind) for kind in Kind)


@click.command()
@click.argument("app_id", metavar="ID")
@click.argument("what", type=click.Choice(list(LOG_OPTIONS)), metavar="WHAT")
@click.option("--at", "at", metavar="WHEN", help="When it happened (default: now).")
@click.option(
    "--type",
    "kind",
    metavar="KIND",
    type=click.Choice([str(kind) for kind in Kind]),
    help="followup: which one you sent (default: followup); snooze, handled: the "
    f"follow-up it is for. One of {KINDS}.",
)
@click.option("--text", help="followup: the text you sent.")
@click.option("--channel", help="followup: how you sent it (default: email).")
@click.option("--summary", help="reply: what they said.")
@click.option(
    "--duration",
    metavar="MINUTES",
    type=click.IntRange(min=0),
    help="interview: how long it took (default: 60).",
)
@click.option("--with", "with_whom", metavar="NAME", help="interview: who you met.")
@click.option("--notes", help="interview: what was discussed, for the thank-you.")
@click.option("--decision-by", metavar="WHEN", help="interview: when they decide.")
@click.option("--deadline", metavar="WHEN", help="offer: when they need your answer.")
@click.option("--details", help="offer: salary, start date and the rest.")
@click.option(
    "--until",
    metavar="WHEN",
    help="snooze: a time, or a length: 3d for 3 days, 2b for 2 business days.",
)
@click.option("--reason", help="snooze, handled: why.")
@pass_env
def log(env: Env, app_id: str, what: str, at: str | None, **fields: Any) -> None:
    """Record a follow-up, reply, interview, offer or snooze.

    ID may be any unique start of the id. WHAT is what happened; each takes
    only the options named beside it:

    \b
      followup   you sent a follow-up (--type, --text, --channel)
      reply      the employer replied (--summary)
      interview  you had an interview (--duration, --with, --notes,
                 --decision-by)
      offer      you got an offer (--deadline, --details)
      snooze     put a follow-up off (--type, --until, --reason)
      handled    a follow-up needs no note, say why (--type, --reason)

    What you record times the next follow-up, which counts from your latest
    reply, the end of an interview, an offer or a move to a later stage.

    \b
    Examples:
      jobtui log 3f2a followup --text "Checking in on my application"
      jobtui log 3f2a interview --at "yesterday 14:00" --with "Dana Reyes"
      jobtui log 3f2a snooze --type followup --until 2b
    """
    given = {name for name, value in fields.items() if value is not None}
    if given - LOG_OPTIONS[what]:
        stray = sorted(given - LOG_OPTIONS[what])[0].replace("_", "-")
        stray = {"with-whom": "with", "kind": "type"}.get(stray, stray)
        raise InputError(f"--{stray}", f"does not apply to a {what}")
    when = env.when(at, "--at")
    event: Event
    match what:
        case "snooze":
            event = snooze_event(env, fields, when)
        case "handled":
            event = handled_event(fields, when)
        case "followup":
            if fields["kind"] and not Kind(fields["kind"]).is_message:
                raise InputError("--type", f"{fields['kind']} is not a note you send")
            event = FollowUp(
                at=when,
                kind=Kind(fields["kind"] or Kind.FOLLOWUP),
                text=fields["text"] or "",
                channel=fields["channel"] or "email",
            )
        case "reply":
            event = Reply(at=when, summary=fields["summary"] or "")
        case "interview":
            event = Interview(
                at=when,
                duration_minutes=60
                if fields["duration"] is None
                else fields["duration"],
                with_whom=fields["with_whom"] or "",
                notes=fields["notes"] or "",
                decision_by=env.optional_when(fields["decision_by"], "--decision-by"),
            )
        case _:
            event = Offer(
                at=when,
                deadline=env.optional_when(fields["deadline"], "--deadline"),
                details=fields["details"] or "",
            )
    with env.writer() as store:
        application = store.find(app_id)
        check_not_before_applying(application, when, env)
        application.record(event)
        store.save(application, now=env.now)
    click.echo(f"{application.company} — {application.role}: {what} recorded")

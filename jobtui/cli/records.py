"""Commands that add, list, show, change and remove applications."""

from __future__ import annotations

from typing import Any

import click
from pendulum import DateTime

from jobtui.cli.context import Env
from jobtui.cli.output import (
    SHORT_ID,
    describe_application,
    echo_json,
    table,
)
from jobtui.cli.snoozing import handled_event, snooze_event
from jobtui.domain.codec import application_to_dict
from jobtui.domain.errors import InputError
from jobtui.domain.model import (
    Application,
    Contact,
    Event,
    FollowUp,
    Interview,
    Kind,
    Offer,
    Reply,
    StageChange,
    clean_tags,
)
from jobtui.domain.times import format_local
from jobtui.domain.validation import check_email, check_url
from jobtui.domain.wording import window_phrase

pass_env = click.make_pass_decorator(Env)


def _detail_options(command: Any) -> Any:
    """The optional fields shared by `add` and `edit`."""
    options = [
        click.option("--url", help="Job posting address (http or https)."),
        click.option("--location", help="Where the job is, or 'remote'."),
        click.option("--salary", help="Salary or range, as written in the posting."),
        click.option("--source", help="Where you found it: referral, LinkedIn, ..."),
        click.option("--tag", "tags", multiple=True, help="A tag; repeat for more."),
        click.option("--notes", help="Free notes."),
        click.option("--contact", help="Name of your contact there."),
        click.option("--contact-email", help="The contact's email address."),
        click.option("--contact-title", help="The contact's job title."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command()
@click.option("--company", required=True, help="Company applied to.")
@click.option("--role", required=True, help="Role applied for.")
@click.option("--stage", help="Stage to start in (default: the first stage).")
@click.option("--applied", help="When you applied, e.g. 2026-11-03 or 'yesterday'.")
@_detail_options
@pass_env
def add(
    env: Env,
    company: str,
    role: str,
    stage: str | None,
    applied: str | None,
    **details: Any,
) -> None:
    """Add an application and print its id.

    Example: jobtui add --company Acme --role "Data Engineer" --applied yesterday
    """
    applied_at = env.when(applied, "--applied") if applied else env.now
    with env.writer() as store:
        stages = store.stages()
        stage_name = stages.resolve(stage, "--stage").name if stage else stages.names[0]
        application = Application(
            company=_required(company, "--company"),
            role=_required(role, "--role"),
            stage=stage_name,
            applied=applied_at,
            created=env.now,
            updated=env.now,
            events=[StageChange(at=applied_at, from_stage=None, to_stage=stage_name)],
        )
        _apply_details(application, details)
        store.add(application, now=env.now)
    click.echo(application.id)


@click.command()
@click.argument("app_id", metavar="ID")
@click.option("--company", help="New company name.")
@click.option("--role", help="New role.")
@click.option("--applied", help="New applied date.")
@_detail_options
@pass_env
def edit(
    env: Env,
    app_id: str,
    company: str | None,
    role: str | None,
    applied: str | None,
    **details: Any,
) -> None:
    """Change fields of an application.

    Tags given replace the old ones; a contact given becomes the first contact.

    Example: jobtui edit 3f2a --salary "90-110k" --tag remote --tag python
    """
    with env.writer() as store:
        application = store.find(app_id)
        if company is not None:
            application.company = _required(company, "--company")
        if role is not None:
            application.role = _required(role, "--role")
        if applied is not None:
            application.applied = env.when(applied, "--applied")
        _apply_details(application, details)
        store.save(application, now=env.now)
    click.echo(application.id)


def _required(value: str, where: str) -> str:
    if not value.strip():
        raise InputError(where, "cannot be empty")
    return value.strip()


def _apply_details(application: Application, details: dict[str, Any]) -> None:
    """Set the optional fields the user gave, checking each one."""
    if details["url"] is not None:
        application.url = check_url(details["url"], "--url")
    for name in ("location", "salary", "source", "notes"):
        if details[name] is not None:
            setattr(application, name, details[name].strip())
    if details["tags"]:
        application.tags = clean_tags(details["tags"])
    email = check_email(details["contact_email"] or "", "--contact-email")
    if details["contact"] is None:
        if email or details["contact_title"]:
            raise InputError("--contact", "give the contact's name with their details")
        return
    contact = Contact(
        name=_required(details["contact"], "--contact"),
        email=email,
        title=(details["contact_title"] or "").strip(),
    )
    others = [
        known
        for known in application.contacts
        if known.name.casefold() != contact.name.casefold()
    ]
    application.contacts = [contact, *others]


@click.command(name="list")
@click.option("--stage", help="Only applications in this stage.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_env
def list_applications(env: Env, stage: str | None, as_json: bool) -> None:
    """List applications with their next follow-up.

    In board order, then by company.

    Example: jobtui list --stage "Phone Screen"
    """
    store = env.reader()
    stages = store.stages()
    applications = store.applications()
    if stage:
        wanted = stages.resolve(stage, "--stage").name
        applications = [app for app in applications if app.stage == wanted]
    applications.sort(key=lambda app: (stages.index(app.stage), app.company.casefold()))
    if as_json:
        echo_json([application_to_dict(app) for app in applications])
        return
    if not applications:
        click.echo("No applications yet." if not stage else f"None in {stage}.")
        return
    rows = []
    for app in applications:
        window = env.window(app, stages)
        rows.append(
            [
                app.id[:SHORT_ID],
                app.stage,
                app.company,
                app.role,
                window_phrase(window, env.now) if window else "",
            ]
        )
    click.echo(table(rows, ["ID", "STAGE", "COMPANY", "ROLE", "NEXT"]))


@click.command()
@click.argument("app_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@pass_env
def show(env: Env, app_id: str, as_json: bool) -> None:
    """Show everything about one application.

    ID may be any unique prefix of the id.

    Example: jobtui show 3f2a
    """
    store = env.reader()
    application = store.find(app_id)
    if as_json:
        echo_json(application_to_dict(application))
        return
    window = env.window(application, store.stages())
    click.echo(describe_application(application, window, env.now, env.zone))


@click.command()
@click.argument("app_id", metavar="ID")
@click.argument("stage")
@click.option("--at", "at", help="When it moved (default: now).")
@pass_env
def move(env: Env, app_id: str, stage: str, at: str | None) -> None:
    """Move an application to another stage.

    The move is recorded in its history, and restarts its follow-up chain if
    the stage is later on the board.

    Example: jobtui move 3f2a "Phone Screen" --at yesterday
    """
    when = env.when(at, "--at")
    with env.writer() as store:
        application = store.find(app_id)
        _check_not_before_applying(application, when, env)
        target = store.stages().resolve(stage, "STAGE")
        application.move_to(target.name, when)
        store.save(application, now=env.now)
    click.echo(f"{application.company} — {application.role}: now in {target.name}")


LOG_OPTIONS = {
    "followup": {"kind", "text", "channel"},
    "reply": {"summary"},
    "interview": {"duration", "with_whom", "notes", "decision_by"},
    "offer": {"deadline", "details"},
    "snooze": {"kind", "until", "reason"},
    "handled": {"kind", "reason"},
}


@click.command()
@click.argument("app_id", metavar="ID")
@click.argument("what", type=click.Choice(list(LOG_OPTIONS)), metavar="WHAT")
@click.option("--at", "at", help="When it happened (default: now).")
@click.option(
    "--type",
    "kind",
    type=click.Choice([str(kind) for kind in Kind]),
    help="followup: which note it was (default: followup); snooze, handled: the "
    "follow-up it is for.",
)
@click.option("--text", help="followup: the text you sent.")
@click.option("--channel", help="followup: how you sent it (default: email).")
@click.option("--summary", help="reply: what they said.")
@click.option("--duration", type=click.IntRange(min=0), help="interview: minutes.")
@click.option("--with", "with_whom", help="interview: who you spoke with.")
@click.option("--notes", help="interview: what was discussed, for the thank-you.")
@click.option("--decision-by", help="interview: the decision date they gave.")
@click.option("--deadline", help="offer: their deadline for your answer.")
@click.option("--details", help="offer: salary, start date and the rest.")
@click.option("--until", help="snooze: a time, or a length (3d days, 2b business).")
@click.option("--reason", help="snooze, handled: why.")
@pass_env
def log(env: Env, app_id: str, what: str, at: str | None, **fields: Any) -> None:
    """Record a follow-up sent, a reply, an interview, an offer, a snooze or handled.

    WHAT is one of followup, reply, interview, offer, snooze, handled.

    Example: jobtui log 3f2a interview --at "yesterday 14:00" --with "Dana Reyes"
    --notes "their move to event sourcing"; jobtui log 3f2a snooze --type followup
    --until 2b
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
        _check_not_before_applying(application, when, env)
        application.record(event)
        store.save(application, now=env.now)
    click.echo(f"{application.company} — {application.role}: {what} recorded")


def _check_not_before_applying(
    application: Application, when: DateTime, env: Env
) -> None:
    """Refuse an event dated before the application was made: a likely typo."""
    if application.applied is not None and when < application.applied:
        applied = format_local(application.applied, env.zone)
        raise InputError("--at", f"is before you applied ({applied})")


@click.command()
@click.argument("app_id", metavar="ID")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_env
def delete(env: Env, app_id: str, yes: bool) -> None:
    """Delete an application.

    A verified backup of the database is made before the first change of a run.

    Example: jobtui delete 3f2a --yes
    """
    with env.writer() as store:
        application = store.find(app_id)
        name = f"{application.company} — {application.role}"
        if not yes:
            click.confirm(f"Delete {name}?", abort=True, err=True)
        store.delete(application.id)
    click.echo(f"deleted {name}")

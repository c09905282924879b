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
from jobtui.domain.codec import application_to_dict
from jobtui.domain.errors import InputError
from jobtui.domain.model import (
    Application,
    Contact,
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
        click.option(
            "--url", metavar="URL", help="The posting's address (http/https)."
        ),
        click.option(
            "--location", metavar="PLACE", help="Where the role is, or remote."
        ),
        click.option("--salary", help="Salary or range, as the posting gives it."),
        click.option(
            "--source",
            metavar="WHERE",
            help="Where you found it, such as Referral or LinkedIn (jobtui stats "
            "compares them).",
        ),
        click.option(
            "--tag",
            "tags",
            metavar="TAG",
            multiple=True,
            help="A tag; repeat for more.",
        ),
        click.option("--notes", help="Notes of your own."),
        click.option("--contact", metavar="NAME", help="Your contact there."),
        click.option("--contact-email", metavar="EMAIL", help="Your contact's email."),
        click.option("--contact-title", metavar="TITLE", help="Your contact's title."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command()
@click.option("--company", metavar="NAME", required=True, help="Company applied to.")
@click.option("--role", metavar="TITLE", required=True, help="Role applied for.")
@click.option(
    "--stage", metavar="STAGE", help="Stage to start in (default: the first stage)."
)
@click.option(
    "--applied",
    metavar="WHEN",
    help="When you applied, such as 2026-11-03 or yesterday (default: now).",
)
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

    Its follow-ups are timed from when you applied: see them with 'jobtui due'.

    \b
    Examples:
      jobtui add --company Acme --role "Data Engineer" --applied yesterday
      jobtui add --company Birch --role SRE --source Referral --tag remote
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
@click.option("--company", metavar="NAME", help="New company name.")
@click.option("--role", metavar="TITLE", help="New role.")
@click.option("--applied", metavar="WHEN", help="New date you applied.")
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
    """Change the details of an application.

    ID may be any unique start of the id. Only the options given change. Tags
    given replace the old ones; a contact given becomes the first contact.

    \b
    Example:
      jobtui edit 3f2a --salary "90-110k" --tag remote --tag python
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
@click.option("--stage", metavar="STAGE", help="Only applications in this stage.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_env
def list_applications(env: Env, stage: str | None, as_json: bool) -> None:
    """List applications with their next follow-up.

    In board order, then by company. The ID column is the start of each id,
    enough for the other commands.

    \b
    Examples:
      jobtui list
      jobtui list --stage "Phone Screen"
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
    """Show everything about one application, its history included.

    ID may be any unique start of the id.

    \b
    Example:
      jobtui show 3f2a
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
@click.option("--at", "at", metavar="WHEN", help="When it moved (default: now).")
@pass_env
def move(env: Env, app_id: str, stage: str, at: str | None) -> None:
    """Move an application to another stage.

    ID may be any unique start of the id. The move is recorded in its history,
    and restarts its follow-ups if the stage is later on the board.

    \b
    Example:
      jobtui move 3f2a "Phone Screen" --at yesterday
    """
    when = env.when(at, "--at")
    with env.writer() as store:
        application = store.find(app_id)
        check_not_before_applying(application, when, env)
        target = store.stages().resolve(stage, "STAGE")
        application.move_to(target.name, when)
        store.save(application, now=env.now)
    click.echo(f"{application.company} — {application.role}: now in {target.name}")


def check_not_before_applying(
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
    """Delete an application, after a backup of the database.

    ID may be any unique start of the id. It asks first unless --yes is given;
    'jobtui backups' lists the backups.

    \b
    Example:
      jobtui delete 3f2a --yes
    """
    with env.writer() as store:
        application = store.find(app_id)
        name = f"{application.company} — {application.role}"
        if not yes:
            click.confirm(f"Delete {name}?", abort=True, err=True)
        store.delete(application.id)
    click.echo(f"deleted {name}")

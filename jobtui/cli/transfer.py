"""`jobtui import` and `jobtui export`: CSV, the JSON interchange format, and ICS."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jobtui.cli.context import Env
from jobtui.domain.errors import DatabaseError
from jobtui.domain.exporting import export_csv, export_json
from jobtui.domain.files import error_reason, write_atomically
from jobtui.domain.importing import read_import

pass_env = click.make_pass_decorator(Env)

PROGRESS_FROM = 500
FORMATS = ("json", "csv", "ics")


@click.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file but import nothing.")
@pass_env
def import_file(env: Env, file: Path, dry_run: bool) -> None:
    """Import applications from CSV or a jobtui JSON export.

    FILE is read as CSV or JSON by its suffix, or else by its contents. CSV
    columns: company, role, stage, applied, url, location, salary, contact,
    contact_email, notes, tags.
    Every bad row is reported with its line number, and nothing is imported
    unless every row is valid.

    \b
    Examples:
      jobtui import applications.csv --dry-run
      jobtui import applications.csv
      jobtui import backup.json
    """
    with env.writer() as store:
        existing = {application.id for application in store.applications()}
        with ImportProgress() as progress:
            result = read_import(
                file,
                stages=store.stages(),
                now=env.now,
                zone=env.zone,
                existing_ids=existing,
                progress=progress,
            )
        for warning in result.warnings:
            click.echo(f"jobtui: warning: {file}: {warning}", err=True)
        if not dry_run:
            store.add_many(result.applications, now=env.now)
    verb = "would import" if dry_run else "imported"
    click.echo(f"{verb} {_applications(len(result.applications))} from {file}")


class ImportProgress:
    """A progress bar on stderr for large imports, drawn only on a terminal."""

    def __init__(self) -> None:
        self.bar: object | None = None

    def __enter__(self) -> ImportProgress:
        return self

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_FROM or not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(
                length=total, label="checking rows", file=sys.stderr
            )
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="json (the default), csv, or ics for a calendar; guessed from the "
    "suffix of --output.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@pass_env
def export(env: Env, fmt: str | None, output: Path | None) -> None:
    """Export applications as JSON, CSV or an ICS calendar.

    JSON keeps everything and 'jobtui import' reads it back; CSV suits a
    spreadsheet; ICS holds the follow-up windows and interviews to come, for a
    calendar app.

    \b
    Examples:
      jobtui export -o applications.json
      jobtui export --format csv > applications.csv
      jobtui export -o ~/jobsearch.ics
    """
    if fmt is None:
        suffix = output.suffix.lstrip(".").lower() if output else ""
        fmt = suffix if suffix in FORMATS else "json"
    store = env.reader()
    applications = store.applications()
    if fmt == "json":
        text = export_json(applications)
    elif fmt == "csv":
        text = export_csv(applications, env.zone)
    else:
        from jobtui.domain.ics import calendar_entries, export_ics

        stages = store.stages()
        active = [app for app in applications if not stages.is_closed(app.stage)]
        windows = {app.id: env.window(app, stages) for app in active}
        text = export_ics(calendar_entries(active, windows, env.now))
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomically(output, text.encode())
    except OSError as error:
        reason = error_reason(error)
        raise DatabaseError(f"cannot write {output}: {reason}") from error
    click.echo(f"exported {_applications(len(applications))} to {output}", err=True)


def _applications(count: int) -> str:
    return f"{count} application" if count == 1 else f"{count} applications"

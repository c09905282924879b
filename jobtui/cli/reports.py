"""`jobtui due`: what to send today, for a person, a shell prompt or a cron job."""

from __future__ import annotations

import click

from jobtui.cli.context import Env
from jobtui.cli.due_report import due_report

pass_env = click.make_pass_decorator(Env)


@click.command()
@click.option("--at", "at", help="Report as of this time instead of now.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option("--count", is_flag=True, help="Print only how many are due.")
@pass_env
def due(env: Env, at: str | None, as_json: bool, count: bool) -> None:
    """List the follow-ups whose window has opened.

    Most urgent first: overdue ones, then the rest by when they are due.

    Example: jobtui due --at "next monday 9:00" --json
    """
    click.echo(due_report(env, at, as_json=as_json, count=count))

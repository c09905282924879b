"""`jobtui due`: what to send today, for a person, a shell prompt or a cron job."""

from __future__ import annotations

import click

from jobtui.cli.context import Env
from jobtui.cli.due_report import due_report

pass_env = click.make_pass_decorator(Env)


@click.command()
@click.option("--at", "at", metavar="WHEN", help="Report as of this time, not now.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option("--count", is_flag=True, help="Print only how many are due.")
@pass_env
def due(env: Env, at: str | None, as_json: bool, count: bool) -> None:
    """List the follow-ups to send now, most urgent first.

    Each follow-up has a window: it opens some days after you apply, hear back
    or have an interview, and is due a few days later ('jobtui settings
    --defaults' shows how many). Overdue ones come first, then the rest by when
    they are due.

    \b
    Examples:
      jobtui due
      jobtui due --count    # for a shell prompt or a status bar
      jobtui due --at "next monday 9:00" --json
    """
    click.echo(due_report(env, at, as_json=as_json, count=count))

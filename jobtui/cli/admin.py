"""Commands about the tracker itself: stages, backups, settings and the demo."""

from __future__ import annotations

from dataclasses import replace

import click

from jobtui.cli.context import Env
from jobtui.cli.output import table
from jobtui.domain.errors import InputError
from jobtui.domain.model import Stage, StageSet
from jobtui.domain.paths import settings_path
from jobtui.domain.settings import default_settings_toml

pass_env = click.make_pass_decorator(Env)


class InOrder(click.Group):
    """A group whose `--help` lists its commands in the order they are defined."""

    def list_commands(self, context: click.Context) -> list[str]:
        """The commands as defined: add, rename, move, close, open, remove."""
        return list(self.commands)


@click.group(cls=InOrder, invoke_without_command=True)
@click.pass_context
def stages(context: click.Context) -> None:
    """List the stages, or change them with a subcommand.

    The stages are the columns of the board, left to right. Applications in a
    closed stage (such as Rejected) get no follow-ups. With no subcommand, lists
    each stage with how many applications are in it.

    \b
    Examples:
      jobtui stages
      jobtui stages add Wishlist --before Applied
      jobtui stages add Ghosted --closed
      jobtui stages rename "Phone Screen" "Recruiter Call"
    """
    if context.invoked_subcommand is not None:
        return
    env: Env = context.obj
    store = env.reader()
    counts: dict[str, int] = {}
    for application in store.applications():
        counts[application.stage] = counts.get(application.stage, 0) + 1
    rows = [
        [
            str(position),
            stage.name,
            "closed" if stage.closed else "open",
            str(counts.get(stage.name, 0)),
        ]
        for position, stage in enumerate(store.stages(), start=1)
    ]
    click.echo(table(rows, ["#", "STAGE", "STATE", "APPLICATIONS"]))


@stages.command(name="add")
@click.argument("name")
@click.option("--closed", is_flag=True, help="Applications there get no follow-ups.")
@click.option(
    "--before", metavar="STAGE", help="Put it before this stage (default: at the end)."
)
@click.option("--after", metavar="STAGE", help="Put it after this stage.")
@pass_env
def add_stage(
    env: Env, name: str, closed: bool, before: str | None, after: str | None
) -> None:
    """Add a stage, such as Wishlist, Accepted, Ghosted or Withdrawn.

    \b
    Examples:
      jobtui stages add Wishlist --before Applied
      jobtui stages add Withdrawn --closed
    """
    if before and after:
        raise InputError("--before", "give --before or --after, not both")
    with env.writer() as store:
        current = store.stages()
        items = list(current)
        position = len(items)
        if before:
            position = items.index(current.resolve(before, "--before"))
        elif after:
            position = items.index(current.resolve(after, "--after")) + 1
        items.insert(position, Stage(name.strip(), closed=closed))
        store.set_stages(StageSet(tuple(items)), now=env.now)
    click.echo(f"added stage {name.strip()}")


@stages.command(name="rename")
@click.argument("old")
@click.argument("new")
@pass_env
def rename_stage(env: Env, old: str, new: str) -> None:
    """Rename a stage, in every application and its history too.

    \b
    Example:
      jobtui stages rename "Phone Screen" "Recruiter Call"
    """
    with env.writer() as store:
        current = store.stages()
        stage = current.resolve(old, "OLD")
        items = [
            replace(item, name=new.strip()) if item == stage else item
            for item in current
        ]
        store.set_stages(StageSet(tuple(items)), {stage.name: new.strip()}, now=env.now)
    click.echo(f"renamed {stage.name} to {new.strip()}")


@stages.command(name="move")
@click.argument("name")
@click.argument("position", type=click.IntRange(min=1))
@pass_env
def move_stage(env: Env, name: str, position: int) -> None:
    """Move a stage to another column of the board.

    POSITION counts columns from the left, starting at 1.

    \b
    Example:
      jobtui stages move Offer 4
    """
    with env.writer() as store:
        current = store.stages()
        stage = current.resolve(name, "NAME")
        items = [item for item in current if item != stage]
        items.insert(min(position, len(items) + 1) - 1, stage)
        store.set_stages(StageSet(tuple(items)), now=env.now)
    click.echo(f"{stage.name} is now column {items.index(stage) + 1}")


def _set_closed(env: Env, name: str, closed: bool) -> None:
    with env.writer() as store:
        current = store.stages()
        stage = current.resolve(name, "NAME")
        items = [
            replace(item, closed=closed) if item == stage else item for item in current
        ]
        store.set_stages(StageSet(tuple(items)), now=env.now)
    click.echo(f"{stage.name} is now {'closed' if closed else 'open'}")


@stages.command(name="close")
@click.argument("name")
@pass_env
def close_stage(env: Env, name: str) -> None:
    """Mark a stage closed: its applications get no follow-ups.

    \b
    Example:
      jobtui stages close Ghosted
    """
    _set_closed(env, name, True)


@stages.command(name="open")
@click.argument("name")
@pass_env
def open_stage(env: Env, name: str) -> None:
    """Mark a stage open again: its applications get follow-ups."""
    _set_closed(env, name, False)


@stages.command(name="remove")
@click.argument("name")
@pass_env
def remove_stage(env: Env, name: str) -> None:
    """Remove a stage that no application is in.

    Move its applications to another stage first ('jobtui list --stage NAME'
    shows them).
    """
    with env.writer() as store:
        current = store.stages()
        stage = current.resolve(name, "NAME")
        items = tuple(item for item in current if item != stage)
        store.set_stages(StageSet(items), now=env.now)
    click.echo(f"removed stage {stage.name}")


@click.command()
@pass_env
def backups(env: Env) -> None:
    """List the backups of the database, and how to restore one.

    A verified backup is made before the first change of every run of jobtui
    (a command, or a session on the board); the newest ten are kept.
    """
    found = env.reader().backups()
    if not found:
        click.echo(f"No backups of {env.db_path} yet.")
        return
    for path in found:
        click.echo(str(path))
    click.echo(
        f"\nTo restore, close jobtui and copy a backup over the database:\n"
        f"  cp '{found[0]}' '{env.db_path}'"
    )


@click.command()
@click.option(
    "--defaults",
    is_flag=True,
    help="Print a settings file with every setting at its default.",
)
@pass_env
def settings(env: Env, defaults: bool) -> None:
    """Show where your settings and database are.

    It prints your time zone too. The settings (your time zone, holidays, how
    soon each follow-up opens and is due) live in a TOML file; --defaults prints
    one to start from, with a line on what each setting does.

    \b
    To start a settings file of your own:
      jobtui settings                     # the first line says where it goes
      jobtui settings --defaults > PATH   # then change what you want in it
    """
    if defaults:
        click.echo(default_settings_toml(), nl=False)
        return
    path = settings_path()
    state = "" if path.exists() else " (not created yet: every setting is default)"
    click.echo(f"settings: {path}{state}")
    click.echo(f"database: {env.db_path}")
    click.echo(f"time zone: {env.zone.name}")
    click.echo("Run 'jobtui settings --defaults' for a file to start from.")


@click.command()
@pass_env
def demo(env: Env) -> None:
    """Try the board on about 25 made-up applications.

    They are a fresh copy, timed from now, with follow-ups in every state. Your
    own database is not touched, and the copy is removed when you quit.
    """
    from jobtui.cli.board import open_demo

    open_demo(env)

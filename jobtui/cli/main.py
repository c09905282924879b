"""The `jobtui` command: the board by default, and subcommands for scripts.

Only the board imports Textual; every other command stays quick enough for a
shell prompt or a status bar. Errors go to stderr, one line each: exit status 2
for bad input, 1 for a database that cannot be opened or written.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from jobtui import __version__
from jobtui.cli.context import Env
from jobtui.domain.errors import JobtuiError

INPUT_ERROR = 2
DATABASE_ERROR = 1

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 88}

# Each command's module is imported only when that command runs, so that
# `jobtui due` does not pay for the import and export code. `--help` lists them
# in this order, under the headings of SECTIONS.
COMMANDS = {
    "due": "reports:due",
    "add": "records:add",
    "log": "events:log",
    "move": "records:move",
    "list": "records:list_applications",
    "show": "records:show",
    "edit": "records:edit",
    "delete": "records:delete",
    "stats": "stats_report:stats",
    "export": "transfer:export",
    "import": "transfer:import_file",
    "backups": "admin:backups",
    "demo": "admin:demo",
    "stages": "admin:stages",
    "settings": "admin:settings",
}
SECTIONS = {
    "Day to day": ("due", "add", "log", "move", "list", "show", "edit", "delete"),
    "Your data": ("stats", "export", "import", "backups"),
    "Setting up": ("demo", "stages", "settings"),
}


class LazyGroup(click.Group):
    """A command group that imports a command's module only when it is used."""

    def list_commands(self, context: click.Context) -> list[str]:
        """Every command, in the order of COMMANDS (the order `--help` lists)."""
        return list(COMMANDS)

    def get_command(self, context: click.Context, name: str) -> click.Command | None:
        """The command called `name`, imported on first use."""
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        module = importlib.import_module(f"jobtui.cli.{module_name}")
        return getattr(module, attribute)

    def format_commands(
        self, context: click.Context, formatter: click.HelpFormatter
    ) -> None:
        """List the commands under SECTIONS' headings, as written, not sorted."""
        # Padded alike, so that the summaries line up from one heading to the next.
        width = max(map(len, COMMANDS))
        for heading, names in SECTIONS.items():
            rows = []
            for name in names:
                command = self.get_command(context, name)
                if command is not None and not command.hidden:
                    summary = command.get_short_help_str(limit=60)
                    rows.append((name.ljust(width), summary))
            with formatter.section(heading):
                formatter.write_dl(rows)


@click.group(
    cls=LazyGroup, invoke_without_command=True, context_settings=CONTEXT_SETTINGS
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Database file to use (default: $JOBTUI_DB, else your user data folder).",
)
@click.version_option(__version__, "-V", "--version", prog_name="jobtui")
@click.pass_context
def cli(context: click.Context, db_path: Path | None) -> None:
    """Track job applications and know which follow-up to send today.

    With no command, opens the board on your database. New to jobtui? Try the
    board on made-up applications first with 'jobtui demo'.

    \b
    Examples:
      jobtui                   # open the board
      jobtui add --company Acme --role "Data Engineer" --applied yesterday
      jobtui due               # the follow-ups to send now
      jobtui log 3f2a reply --summary "Call on Friday"

    An ID is the start of an application's id, as 'jobtui list' shows it. A time,
    as --at or --applied takes, is read in your time zone and may be written as
    2026-11-03, "2026-11-03 14:00", "3 Nov", yesterday, "tomorrow 14:00",
    "next monday 9:00" or "3 days ago".

    Run 'jobtui COMMAND --help' for what a command does and its options.
    """
    context.obj = Env.create(db_path)
    if context.invoked_subcommand is None:
        from jobtui.cli.board import open_board

        open_board(context.obj)


def main(argv: list[str] | None = None) -> None:
    """Run the command line and turn every known failure into a one-line message."""
    try:
        cli.main(args=argv, prog_name="jobtui", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.exceptions.Abort:
        click.echo("jobtui: stopped", err=True)
        sys.exit(DATABASE_ERROR)
    except click.UsageError as error:
        sys.exit(_fail(_usage_message(error), INPUT_ERROR))
    except click.ClickException as error:
        sys.exit(_fail(error.format_message(), INPUT_ERROR))
    except JobtuiError as error:
        sys.exit(_fail(str(error), error.exit_status))
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; that is not an error of ours.
        sys.stderr.close()
        sys.exit(0)


def _usage_message(error: click.UsageError) -> str:
    """A usage error in one line, naming the command and where to read more."""
    path = error.ctx.command_path if error.ctx else "jobtui"
    message = " ".join(error.format_message().split())
    return f"{path}: {message} (see '{path} --help')"


def _fail(message: str, status: int) -> int:
    click.echo(f"jobtui: {message}", err=True)
    return status

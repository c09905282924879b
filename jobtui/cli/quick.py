"""`jobtui due` as a shell prompt runs it, read without click to answer sooner.

A prompt or a status bar runs `jobtui due --count` (or `due`, `due --json`)
each time it draws, and it should answer within twice the time Python takes to
import pendulum and tinydb; importing click alone costs a tenth of that. Such a
line is short and plain, so `run_quickly` reads exactly these forms:

    jobtui [--db PATH] due [--at WHEN] [--json] [--count]

and prints what click's `due` command would, byte for byte, with the same exit
status and errors. Anything else (help, a typo, an unusual path, any other
command) it leaves to click, which reads and reports it as always.
tests/test_quick.py runs both ways over the same lines and compares them.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ESCAPE = "\x1b"


class DueLine(NamedTuple):
    """The options of a plain `jobtui due` line."""

    db_path: Path | None
    at: str | None
    as_json: bool
    count: bool


def read_due_line(args: list[str]) -> DueLine | None:
    """The options of `args` if they are a plain `due` line, else None (for click)."""
    db_path, rest = None, args
    if rest[:1] == ["--db"] and len(rest) > 1:
        db_path, rest = rest[1], rest[2:]
    elif rest and rest[0].startswith("--db="):
        db_path, rest = rest[0].removeprefix("--db="), rest[1:]
    if rest[:1] != ["due"] or (db_path is not None and for_click(db_path)):
        return None

    at, as_json, count = None, False, False
    words = iter(rest[1:])
    for word in words:
        if word == "--json":
            as_json = True
        elif word == "--count":
            count = True
        elif word == "--at":
            at = next(words, None)
            # Left to click: no value (it says so), or one that looks like an
            # option (click would take even "--json" as the time).
            if at is None or at.startswith("-"):
                return None
        elif word.startswith("--at="):
            at = word.removeprefix("--at=")
        else:
            return None
    return DueLine(None if db_path is None else Path(db_path), at, as_json, count)


def run_quickly(args: list[str]) -> bool:
    """Run `args` as `jobtui due` if they are a plain `due` line; False if not.

    Raises:
        SystemExit: with the status click's way would exit with, after an error.
    """
    line = read_due_line(args)
    if line is None:
        return False

    # Imported only now, so that a line left to click does not pay for them.
    from jobtui.cli.context import Env
    from jobtui.cli.due_report import due_report

    def report() -> None:
        env = Env.create(line.db_path)
        echo(due_report(env, line.at, as_json=line.as_json, count=line.count))

    run_as_click_would(report)
    return True


def run_as_click_would(work: Callable[[], None]) -> None:
    """Run a command's work, ending on an error as jobtui's click command would.

    Raises:
        SystemExit: with click's way's status, after its message.
    """
    from jobtui.domain.errors import JobtuiError

    try:
        work()
    except JobtuiError as error:
        echo(f"jobtui: {error}", err=True)
        sys.exit(error.exit_status)
    except (EOFError, KeyboardInterrupt):
        # As click stops a command that is interrupted.
        echo("", err=True)
        echo("jobtui: stopped", err=True)
        sys.exit(1)
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; that is not an error of ours.
        sys.stderr.close()
        sys.exit(0)


def echo(text: str, *, err: bool = False) -> None:
    """Print a line exactly as `click.echo` would, importing click only if it must.

    click.echo writes plain text to an ordinary stream as it is, and flushes.
    It strips terminal codes when the stream is not a terminal, finds a better
    encoding than ASCII, and has ways of its own on Windows: for those, it is
    click that prints.
    """
    stream = sys.stderr if err else sys.stdout
    if stream is None or ESCAPE in text or os.name == "nt" or _ascii(stream):
        import click

        click.echo(text, err=err)
        return
    stream.write(text + "\n")
    stream.flush()


def for_click(db_path: str) -> bool:
    """Whether click may refuse this `--db`: it then gives its own message."""
    if not db_path or db_path.startswith("-"):
        return True
    return Path(db_path).is_dir() or (
        Path(db_path).exists() and not os.access(db_path, os.R_OK)
    )


def _ascii(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False

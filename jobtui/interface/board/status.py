"""The status line under the board: what is due, whether saving goes on, the file."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    """One line: follow-ups due now, suggestions to move on, saving, the data file."""

    def show(
        self,
        *,
        due: int | None,
        move_on: int,
        saving: bool,
        path: Path,
        read_only: bool = False,
    ) -> None:
        """Say what is due (None: still being worked out) and which file is in use."""
        if due is None:
            due_words = "checking follow-ups…"
        elif due == 0:
            due_words = "no follow-ups due"
        else:
            due_words = f"{due} follow-up{'s' if due != 1 else ''} due"
        parts: list[str | tuple[str, str]] = [
            (due_words, "$text-warning bold" if due else "$text-success")
        ]
        if move_on:
            parts += [" · ", (f"{move_on} to move on?", "$text-secondary")]
        if saving:
            parts += [" · ", ("saving…", "italic")]
        if read_only:
            parts += [" · ", ("read-only", "$text-error bold")]
        parts += [" · ", (shown_path(path), "$text-muted")]
        self.update(Content.assemble(*parts), layout=False)


def shown_path(path: Path) -> str:
    """A path as short as it can be said: from the working folder, or from home."""
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(path.relative_to(base))
        except ValueError:
            continue
    return str(path)

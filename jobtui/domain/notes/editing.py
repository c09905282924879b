"""Editing a note in the user's own editor, through a temp file read back after."""

from __future__ import annotations

import os
import shlex
import tempfile
from collections.abc import Callable, Mapping
from contextlib import suppress
from pathlib import Path

from jobtui.domain.errors import InputError

FALLBACK_EDITOR = "vi"


def editor_command(environ: Mapping[str, str] | None = None) -> list[str]:
    """The user's editor as a command: `$VISUAL`, else `$EDITOR`, else vi.

    Raises:
        InputError: the variable is set but cannot be split into a command.
    """
    environ = os.environ if environ is None else environ
    for variable in ("VISUAL", "EDITOR"):
        value = environ.get(variable, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError as error:
                raise InputError(f"${variable}", f"cannot be read ({error})") from error
    return [FALLBACK_EDITOR]


def edit_in_file(text: str, edit: Callable[[Path], bool]) -> str | None:
    """`text` as the user left it after `edit` ran on a temp file holding it.

    `edit` runs the editor on the file and says whether it succeeded; when it
    did not, the result is None and the text is as it was. The temp file is
    private to the user and removed afterwards. What `edit` raises (an editor
    that is not installed, say) passes through.

    Raises:
        InputError: the temp file cannot be written or read back.
    """
    ended = text.endswith("\n")
    try:
        handle, name = tempfile.mkstemp(prefix="jobtui-note-", suffix=".txt")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text if ended else text + "\n")
    except OSError as error:
        raise InputError(
            "temp file", f"cannot be written ({error.strerror})"
        ) from error

    path = Path(name)
    try:
        if not edit(path):
            return None
        try:
            edited = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(str(path), f"cannot be read back ({error})") from error
    finally:
        with suppress(OSError):
            path.unlink()
    # Editors end the file with a newline; the note had none of its own.
    return edited if ended else edited.removesuffix("\n")

"""The shape a database file must have, and the refusal of one that lacks it.

A file that is empty, not UTF-8, not JSON or not TinyDB's shape is never taken
for an empty database: it is refused with a message that names the file, what
is wrong and the newest backup to restore, and it is left exactly as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from jobtui.domain.errors import DatabaseError, InputError
from jobtui.domain.storage.backups import list_backups

# TinyDB's shape: tables by name, each holding documents (JSON objects) keyed by
# number.
Document = dict[str, Any]
Tables = dict[str, dict[str, Document]]


def parse_tables(db_path: Path, raw: bytes) -> Tables:
    """The tables in a database file's bytes.

    Raises:
        DatabaseError: the bytes are not a TinyDB file, with the refusal message.
    """
    if not raw or raw.isspace():
        raise refusal(db_path, "the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise refusal(db_path, _describe_bad_json(raw, error)) from None

    try:
        check_shape(data)
    except InputError as error:
        raise refusal(db_path, f"not a jobtui database ({error})") from None
    return data


def check_shape(data: Any) -> None:
    """Check parsed JSON for TinyDB's shape: tables of objects keyed by whole numbers.

    Raises:
        InputError: naming the table or document that is out of shape.
    """
    if not isinstance(data, dict):
        raise InputError("the top level", f"is {_kind(data)}, not an object of tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise InputError(
                f"table {name!r}", f"is {_kind(table)}, not an object of documents"
            )
        for key, document in table.items():
            if not (key.isascii() and key.isdigit() and (key == "0" or key[0] != "0")):
                raise InputError(f"{name}[{key!r}]", "a document key must be a number")
            if not isinstance(document, dict):
                raise InputError(
                    f"{name}[{key}]", f"is {_kind(document)}, not an object"
                )


def refusal(db_path: Path, what: str) -> DatabaseError:
    """The error that refuses to open a file, saying `what` is wrong with it."""
    return DatabaseError(refusal_message(db_path, what))


def refusal_message(db_path: Path, what: str) -> str:
    """Why a file cannot be opened, and the backup to restore if there is one."""
    backups = list_backups(db_path)
    restore = (
        f"the newest backup to restore is {backups[0]}"
        if backups
        else "there is no backup of it to restore"
    )
    return f"cannot open {db_path}: {what}. It was left as it was; {restore}."


def _describe_bad_json(raw: bytes, error: orjson.JSONDecodeError) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        line = raw.count(b"\n", 0, bad.start) + 1
        column = bad.start - (raw.rfind(b"\n", 0, bad.start) + 1) + 1
        return (
            f"not valid UTF-8 (byte 0x{raw[bad.start]:02x} "
            f"at line {line}, column {column})"
        )
    return f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"


def _kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return kinds.get(type(value), "a number")

"""Reading applications from the JSON interchange format that export writes.

Each application goes through the codec, the one dict shape shared with the
database, and then has its stage and id checked against the user's stages and
the database. Problems name the application by its place and its company and
role: `applications[3] (Acme, Data Engineer): events[1].at: ...`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from jobtui.domain.codec import application_from_dict
from jobtui.domain.errors import InputError
from jobtui.domain.interchange import (
    FORMAT_VERSION,
    ImportContext,
    ImportProblems,
    ImportResult,
)
from jobtui.domain.model import Application

SHAPE = '{"jobtui": 1, "applications": [...]}'


def read_json(path: Path, text: str, context: ImportContext) -> ImportResult:
    """Every application in the JSON text of `path`, or ImportProblems listing all.

    Raises:
        ImportProblems: text that is not JSON, a wrong or newer top level, or
            each bad application with the first bad field in it.
    """
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        problem = f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise ImportProblems(path, [problem]) from None

    items, warnings = _items(path, data)
    applications: list[Application] = []
    problems: list[str] = []
    for index, item in enumerate(items):
        where = f"applications[{index}]"
        try:
            applications.append(_application(item, where, context))
        except InputError as error:
            problems.append(_problem(error, where, item))
        context.report(index + 1, len(items))

    if problems:
        raise ImportProblems(path, problems)
    if not items:
        warnings.append("the file holds no applications: nothing to import")
    return ImportResult(applications, warnings)


def _items(path: Path, data: Any) -> tuple[list[Any], list[str]]:
    """The list of applications inside the top-level object, after its checks."""
    if not isinstance(data, dict) or "jobtui" not in data:
        problem = f"not a jobtui export: expected an object like {SHAPE}"
        raise ImportProblems(path, [problem])

    version = data["jobtui"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problem = f"jobtui: expected a format version such as 1, found {version!r}"
        raise ImportProblems(path, [problem])
    if version > FORMAT_VERSION:
        problem = (
            f"written in format version {version} by a newer jobtui; this one "
            f"reads up to version {FORMAT_VERSION}, so upgrade jobtui to import it"
        )
        raise ImportProblems(path, [problem])

    items = data.get("applications")
    if not isinstance(items, list):
        problem = f"applications: expected a list of applications, as in {SHAPE}"
        raise ImportProblems(path, [problem])

    unknown = sorted(set(data) - {"jobtui", "applications"})
    warnings = [f"unknown fields ignored: {', '.join(unknown)}"] if unknown else []
    return items, warnings


def _application(item: Any, where: str, context: ImportContext) -> Application:
    application = application_from_dict(item, where=where, now=context.now)
    application.stage = context.stage(application.stage, f"{where}.stage")

    # The codec makes up an id when there is none; only one the file gave can
    # clash with the database or with another application in the file.
    given_id = item.get("id")
    if isinstance(given_id, str) and given_id:
        try:
            context.check_id(given_id, f"at {where}")
        except InputError as error:
            raise InputError(f"{where}.id", error.what) from None
    return application


def _problem(error: InputError, where: str, item: Any) -> str:
    """The error with the field's place inside the application, after its label."""
    place = f"{where}{_label(item)}"
    if error.where.startswith(f"{where}."):
        return f"{place}: {error.where.removeprefix(where + '.')}: {error.what}"
    if error.where in ("", where):
        return f"{place}: {error.what}"
    return f"{place}: {error.where}: {error.what}"


def _label(item: Any) -> str:
    """' (Acme, Data Engineer)' from whichever of company and role are text."""
    if not isinstance(item, dict):
        return ""
    names = (item.get("company"), item.get("role"))
    shown = [" ".join(name.split())[:40] for name in names if isinstance(name, str)]
    shown = [name for name in shown if name]
    return f" ({', '.join(shown)})" if shown else ""

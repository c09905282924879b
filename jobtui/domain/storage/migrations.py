"""The schema version kept in the meta table, and migrations from each version up.

The meta table holds one document, numbered 1:
`{"schema": 1, "stages": [{"name": "Applied", "closed": false}, ...]}`.
A file without a meta table (written by stock TinyDB, or by a jobtui from before
there was one) is version 0. Migrations run in memory as a file is read; the
upgraded form reaches the disk with the next write, after the run's backup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jobtui.domain.errors import InputError
from jobtui.domain.model import DEFAULT_STAGES, Stage, StageSet
from jobtui.domain.storage.checks import Tables

CURRENT_SCHEMA = 1
META = "meta"
META_ID = "1"
APPLICATIONS = "applications"

Migration = Callable[[Tables], None]


def schema_version(tables: Tables) -> int:
    """The schema version a file's tables were written in (0 without a meta table).

    Raises:
        InputError: the meta table is there but out of shape.
    """
    if META not in tables:
        return 0
    schema = _meta_document(tables).get("schema")
    if type(schema) is not int or schema < 1:
        raise InputError(
            f"{META}[{META_ID}].schema", "should be a whole number, 1 or more"
        )
    return schema


def upgrade(tables: Tables) -> Tables:
    """The tables brought up to the current schema, in memory.

    Raises:
        InputError: the file is from a newer jobtui, or its meta table is bad.
    """
    version = schema_version(tables)
    if version > CURRENT_SCHEMA:
        raise InputError(
            f"{META}[{META_ID}].schema",
            f"is {version}: the file was written by a newer jobtui (this one reads "
            f"schema {CURRENT_SCHEMA} and older); upgrade jobtui to open it",
        )

    while version < CURRENT_SCHEMA:
        MIGRATIONS[version](tables)
        version += 1
        _meta_document(tables)["schema"] = version
    return tables


def read_stages(tables: Tables) -> StageSet:
    """The stages kept in the meta table of current-schema tables.

    Raises:
        InputError: naming the stage entry that is out of shape.
    """
    where = f"{META}[{META_ID}].stages"
    items = _meta_document(tables).get("stages")
    if not isinstance(items, list):
        raise InputError(where, "should be a list of stages")

    stages = []
    for position, item in enumerate(items):
        closed = item.get("closed", False) if isinstance(item, dict) else None
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, str) or not isinstance(closed, bool):
            raise InputError(
                f"{where}[{position}]",
                'should be an object with a "name" and "closed" (true or false)',
            )
        stages.append(Stage(name, closed=closed))

    try:
        return StageSet(tuple(stages))
    except InputError as error:
        raise InputError(where, error.what) from None


def write_stages(tables: Tables, stages: StageSet) -> None:
    """Keep a stage set in the meta table (in memory, for the next write)."""
    _meta_document(tables)["stages"] = _stages_document(stages.stages)


def _meta_document(tables: Tables) -> dict[str, Any]:
    meta = tables[META]
    if set(meta) != {META_ID}:
        raise InputError(META, f"should hold one document, numbered {META_ID}")
    return meta[META_ID]


def _stages_document(stages: tuple[Stage, ...] | list[Stage]) -> list[dict[str, Any]]:
    return [{"name": stage.name, "closed": stage.closed} for stage in stages]


def _to_schema_1(tables: Tables) -> None:
    """Add the meta table: the default stages, then any others applications are in.

    Keeping the stages a version 0 file uses means no application lands in a
    stage that does not exist.
    """
    stages = list(DEFAULT_STAGES)
    known = {stage.name.casefold() for stage in stages}
    for document in tables.get(APPLICATIONS, {}).values():
        name = document.get("stage")
        if not isinstance(name, str) or not name.strip():
            continue
        if name.strip().casefold() not in known:
            known.add(name.strip().casefold())
            stages.append(Stage(name.strip()))

    tables[META] = {META_ID: {"schema": 1, "stages": _stages_document(stages)}}


# Each step takes tables of the version it is keyed by to the next version up.
MIGRATIONS: dict[int, Migration] = {0: _to_schema_1}

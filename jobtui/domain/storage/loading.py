"""Reading a database's tables: upgraded, their stages read, applications decoded.

This runs once each time the file is parsed, before the store hands anything
out, so that a bad document refuses the whole file rather than surfacing later.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from pendulum import DateTime

from jobtui.domain.errors import InputError
from jobtui.domain.model import Application, StageSet
from jobtui.domain.storage.checks import Document, Tables
from jobtui.domain.storage.documents import complete
from jobtui.domain.storage.fastread import decode
from jobtui.domain.storage.migrations import APPLICATIONS, read_stages, upgrade
from jobtui.domain.times import utc_now


class Reading(NamedTuple):
    """What one reading of the tables found.

    `index` maps each application's id to the number of its document.
    """

    stages: StageSet
    index: dict[str, int]
    applications: list[Application]


def read_tables(tables: Tables) -> tuple[Tables, Reading]:
    """Bring freshly parsed tables up to date, check them, decode every application.

    Raises:
        InputError: naming the document and field that are bad.
    """
    tables = upgrade(tables)
    stages = read_stages(tables)
    # Files keep documents in key order ("1", "10", "2"); memory keeps them
    # in the order they were added.
    documents = dict(
        sorted(tables.get(APPLICATIONS, {}).items(), key=lambda item: int(item[0]))
    )
    tables[APPLICATIONS] = documents

    now, times = utc_now(), dict[str, DateTime]()
    index: dict[str, int] = {}
    applications = []
    for key, document in documents.items():
        where = f"{APPLICATIONS}[{key}]"
        complete(document, now)
        application = decode(document, where, now, times)
        first = index.setdefault(application.id, int(key))
        if first != int(key):
            raise InputError(
                f"{where}.id",
                f"{application.id!r} is also the id of document {first}",
            )
        applications.append(application)
    return tables, Reading(stages, index, applications)


def decode_all(documents: Mapping[str, Document]) -> list[Application]:
    """Every stored application as new model objects, in document order."""
    now, times = utc_now(), dict[str, DateTime]()
    return [
        decode(document, f"{APPLICATIONS}[{key}]", now, times)
        for key, document in documents.items()
    ]


def decode_one(documents: Mapping[str, Document], doc_id: int) -> Application:
    """The application stored as document `doc_id`, as a new model object."""
    document = documents[str(doc_id)]
    return decode(document, f"{APPLICATIONS}[{doc_id}]", utc_now(), {})

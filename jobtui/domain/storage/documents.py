"""The stored form of an application: the document the store writes and checks.

A document is the application's JSON-ready dict (see `codec`) with its stage
spelled as the stages spell it and its `updated` stamp set by the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Iterable

import orjson
from pendulum import DateTime

from jobtui.domain.codec import application_to_dict
from jobtui.domain.errors import InputError
from jobtui.domain.model import Application, StageSet, new_id
from jobtui.domain.storage.checks import Document
from jobtui.domain.times import from_iso, to_iso


def to_document(application: Application, stage: str, updated: DateTime) -> Document:
    """The stored form of an application, with its canonical stage and new stamp."""
    document = application_to_dict(application)
    document["stage"] = stage
    document["updated"] = to_iso(updated)
    return document


def new_documents(
    applications: Iterable[Application], stages: StageSet, taken: Container[str]
) -> tuple[list[Document], list[str]]:
    """The stored forms of new applications, and their ids, each checked.

    Each keeps the `updated` it carries, so that an export imports back exactly.

    Raises:
        InputError: naming the position of the first application whose stage
            does not exist or whose id is `taken` or given twice.
    """
    documents: list[Document] = []
    ids: list[str] = []
    for position, application in enumerate(applications):
        where = f"applications[{position}]"
        stage = stages.resolve(application.stage, f"{where}.stage").name
        if application.id in taken:
            raise InputError(
                f"{where}.id", f"an application with id {application.id!r} exists"
            )
        documents.append(to_document(application, stage, application.updated))
        ids.append(application.id)

    if len(set(ids)) != len(ids):
        twice = next(app_id for app_id, n in Counter(ids).items() if n > 1)
        raise InputError("applications", f"the id {twice!r} is given twice")
    check_storable(documents)
    return documents, ids


def check_storable(documents: list[Document], where: str = "applications") -> None:
    """Refuse text JSON cannot hold (lone surrogates from badly encoded input).

    Raises:
        InputError: naming the first document that holds such text.
    """
    try:
        orjson.dumps(documents)
    except orjson.JSONEncodeError:
        for position, document in enumerate(documents):
            try:
                orjson.dumps(document)
            except orjson.JSONEncodeError:
                place = where if len(documents) == 1 else f"{where}[{position}]"
                raise InputError(
                    place, "holds text that is not valid Unicode"
                ) from None


def complete(document: Document, now: DateTime) -> None:
    """Give a hand-written document the id and times every stored one needs.

    Without them the codec would invent new ones at every reading.
    """
    if document.get("id") in (None, ""):
        document["id"] = new_id()
    if document.get("created") in (None, ""):
        document["created"] = to_iso(now)
    if document.get("updated") in (None, ""):
        document["updated"] = document["created"]


def stamp_after(now: DateTime, previous: str) -> DateTime:
    """`now`, or a second past `previous`, so that every save changes `updated`."""
    last = from_iso(previous)
    return now if now > last else last.add(seconds=1)


def stored_stage_name(name: str, stored: str, stages: StageSet) -> str:
    """The canonical name of a stage; one no longer defined may stay where it is.

    Raises:
        InputError: the stage is neither defined nor the one stored.
    """
    stage = stages.find(name)
    if stage is not None:
        return stage.name
    if name == stored:
        return name
    return stages.resolve(name, "stage").name


def replacing_with(document: Document) -> Callable[[Document], None]:
    """A TinyDB update that makes a stored document exactly `document`."""

    def replace(stored: Document) -> None:
        stored.clear()
        stored.update(document)

    return replace

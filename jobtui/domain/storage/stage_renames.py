"""Changing the stages under stored applications: renames, and removals refused.

When the user renames a stage, every application in it and every stage change
in every history follows; a stage that still has applications cannot be removed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from jobtui.domain.errors import InputError
from jobtui.domain.model import StageSet
from jobtui.domain.storage.checks import Document

Rename = Callable[[str | None], str | None]


def renamer(old: StageSet, new: StageSet, renames: Mapping[str, str]) -> Rename:
    """What each stage name becomes: renamed, or spelled as the new stages spell it.

    Raises:
        InputError: a rename names a stage that is not in `old` or not in `new`.
    """
    renamed = {}
    for before, after in renames.items():
        source = old.resolve(before, f"rename {before!r}")
        target = new.resolve(after, f"rename {before!r}")
        renamed[source.name.casefold()] = target.name

    def rename(name: str | None) -> str | None:
        if name is None:
            return None
        stage = old.find(name)
        if stage is not None and stage.name.casefold() in renamed:
            return renamed[stage.name.casefold()]
        stage = new.find(name)
        return name if stage is None else stage.name

    return rename


def refuse_stranding(
    old: StageSet, new: StageSet, rename: Rename, documents: dict[str, Document]
) -> None:
    """Refuse to remove a stage that applications are still in.

    Raises:
        InputError: naming the stage and how many applications are in it.
    """
    stranded: Counter[str] = Counter()
    for document in documents.values():
        stage = old.find(document["stage"])
        # An application in a stage already gone is not this change's doing.
        if stage is not None and new.find(rename(stage.name) or "") is None:
            stranded[stage.name] += 1
    if stranded:
        stage, count = stranded.most_common(1)[0]
        many = "application is" if count == 1 else "applications are"
        raise InputError(
            "stages", f"{count} {many} still in {stage}; move them before removing it"
        )


def rename_stages(document: Document, rename: Rename) -> bool:
    """Rename stages in one document and its history; whether anything changed."""
    changed = False
    stage = rename(document["stage"])
    if stage != document["stage"]:
        document["stage"] = stage
        changed = True
    for event in document["events"]:
        if event.get("kind") != "stage":
            continue
        for side in ("from", "to"):
            name = rename(event.get(side))
            if name != event.get(side):
                event[side] = name
                changed = True
    return changed

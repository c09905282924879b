"""Drafts: kept per application and kind, across restarts, and never lost to damage."""

from __future__ import annotations

from pathlib import Path

import orjson
import pendulum
import pytest

from jobtui.domain.errors import DatabaseError
from jobtui.domain.model import Kind
from jobtui.domain.notes import drafts as drafts_module
from jobtui.domain.notes.draft import Draft
from jobtui.domain.notes.drafts import DraftStore

NOW = pendulum.datetime(2026, 11, 4, 10, 0, tz="UTC")
DRAFT = Draft("dana@acme.example", "Thank you — Tomás", "Hi Dana,\n\nThanks.\n")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where the drafts of a database in the test's folder are kept."""
    return DraftStore.beside(tmp_path / "applications.json").path


def store(path: Path) -> DraftStore:
    """A drafts store over `path` with the test's clock."""
    return DraftStore(path, clock=lambda: NOW)


def test_drafts_sit_beside_the_database(tmp_path: Path) -> None:
    drafts = DraftStore.beside(tmp_path / "applications.json")

    assert drafts.path == tmp_path / "applications.drafts.json"


def test_a_saved_draft_survives_a_restart(path: Path) -> None:
    store(path).save("app-1", Kind.THANK_YOU, DRAFT)

    assert store(path).load("app-1", Kind.THANK_YOU) == DRAFT


def test_each_application_and_kind_has_its_own_draft(path: Path) -> None:
    drafts = store(path)
    other = Draft("", "Offer", "Thank you for the offer.")
    drafts.save("app-1", Kind.THANK_YOU, DRAFT)
    drafts.save("app-1", Kind.OFFER_REPLY, other)

    assert drafts.load("app-1", Kind.OFFER_REPLY) == other
    assert drafts.load("app-1", Kind.THANK_YOU) == DRAFT
    assert drafts.load("app-2", Kind.THANK_YOU) is None


def test_a_discarded_draft_is_gone_after_a_restart(path: Path) -> None:
    drafts = store(path)
    drafts.save("app-1", Kind.THANK_YOU, DRAFT)

    drafts.discard("app-1", Kind.THANK_YOU)

    assert store(path).load("app-1", Kind.THANK_YOU) is None


def test_without_a_file_there_are_no_drafts(path: Path) -> None:
    assert store(path).load("app-1", Kind.FOLLOWUP) is None
    assert not path.exists()


def test_saving_an_unchanged_draft_writes_nothing(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = store(path)
    drafts.save("app-1", Kind.THANK_YOU, DRAFT)
    writes: list[Path] = []
    monkeypatch.setattr(
        drafts_module, "write_atomically", lambda target, _: writes.append(target)
    )

    drafts.save("app-1", Kind.THANK_YOU, DRAFT)
    drafts.discard("app-2", Kind.THANK_YOU)

    assert writes == []


def test_the_file_records_when_each_draft_was_saved(path: Path) -> None:
    store(path).save("app-1", Kind.THANK_YOU, DRAFT)

    saved = orjson.loads(path.read_bytes())["drafts"]["app-1/thank_you"]["saved"]
    assert saved == "2026-11-04T10:00:00Z"


@pytest.mark.parametrize(
    "damage",
    [b"{not json", b"[1, 2]", b'{"format": 1, "drafts": {"a/b": {"body": 3}}}'],
)
def test_a_damaged_file_is_reported_and_kept_aside(path: Path, damage: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(damage)
    drafts = store(path)

    with pytest.raises(DatabaseError) as raised:
        drafts.load("app-1", Kind.THANK_YOU)

    aside = path.with_name(f"{path.name}.bad-20261104T100000")
    assert str(path) in str(raised.value)
    assert aside.name in str(raised.value)
    assert aside.read_bytes() == damage
    # The drafts start afresh, and the damaged copy is left alone.
    assert drafts.load("app-1", Kind.THANK_YOU) is None
    drafts.save("app-1", Kind.THANK_YOU, DRAFT)
    assert store(path).load("app-1", Kind.THANK_YOU) == DRAFT
    assert aside.read_bytes() == damage


def test_a_second_damaged_file_never_replaces_the_first(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for damage in (b"first", b"second"):
        path.write_bytes(damage)
        with pytest.raises(DatabaseError):
            store(path).load("app-1", Kind.THANK_YOU)

    kept = sorted(p.read_bytes() for p in path.parent.glob("*.bad-*"))
    assert kept == [b"first", b"second"]


def test_a_draft_that_cannot_be_written_is_reported(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(target: Path, payload: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(drafts_module, "write_atomically", full_disk)

    with pytest.raises(DatabaseError, match="No space left"):
        store(path).save("app-1", Kind.THANK_YOU, DRAFT)


def test_pruning_forgets_every_draft_of_an_application_not_kept(path: Path) -> None:
    drafts = store(path)
    drafts.save("app-1", Kind.THANK_YOU, DRAFT)
    drafts.save("app-2", Kind.THANK_YOU, DRAFT)
    drafts.save("app-2", Kind.OFFER_REPLY, DRAFT)

    forgotten = drafts.prune({"app-1", "app-3"})

    assert forgotten == 2
    again = store(path)
    assert again.load("app-1", Kind.THANK_YOU) == DRAFT
    assert again.load("app-2", Kind.THANK_YOU) is None
    assert again.load("app-2", Kind.OFFER_REPLY) is None


def test_pruning_rewrites_the_file_atomically_and_only_when_a_draft_goes(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = store(path)
    drafts.save("app-1", Kind.THANK_YOU, DRAFT)
    drafts.save("app-2", Kind.THANK_YOU, DRAFT)
    writes: list[Path] = []
    monkeypatch.setattr(
        drafts_module, "write_atomically", lambda target, _: writes.append(target)
    )

    drafts.prune({"app-1", "app-2"})
    assert writes == []

    drafts.prune({"app-1"})
    assert writes == [path]

"""The board's working set: changes show at once, are written in order, undo works."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from jobtui.domain.model import Application, Reply, StageChange
from jobtui.domain.store import Store
from jobtui.domain.workspace import Workspace

NOW = pendulum.datetime(2026, 12, 3, 9, 0, tz="UTC")


def _application(company: str) -> Application:
    return Application(
        company=company,
        role="Engineer",
        stage="Applied",
        applied=NOW.subtract(days=3),
        created=NOW.subtract(days=3),
        updated=NOW.subtract(days=3),
        events=[
            StageChange(at=NOW.subtract(days=3), from_stage=None, to_stage="Applied")
        ],
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A database holding two applications."""
    db = tmp_path / "applications.json"
    with Store.open(db, writable=True) as store:
        store.add_many([_application("Acme"), _application("Globex")], now=NOW)
    return db


@pytest.fixture
def workspace(path: Path):
    """A workspace over the database, closed after the test."""
    store = Store.open(path, writable=True)
    space = Workspace(store, clock=lambda: NOW)
    yield space
    space.close()
    store.close()


def _on_disk(path: Path) -> dict[str, Application]:
    return {app.company: app for app in Store.open(path, writable=False).applications()}


def _id(workspace: Workspace, company: str) -> str:
    return next(a.id for a in workspace.applications() if a.company == company)


def test_a_move_shows_at_once_and_reaches_the_file(workspace, path) -> None:
    app_id = _id(workspace, "Acme")

    workspace.move(app_id, "phone screen")

    assert workspace.get(app_id).stage == "Phone Screen"
    workspace.flush()
    saved = _on_disk(path)["Acme"]
    assert saved.stage == "Phone Screen"
    assert isinstance(saved.events[-1], StageChange)
    assert saved.events[-1].to_stage == "Phone Screen"


def test_several_changes_to_one_application_are_all_written(workspace, path) -> None:
    app_id = _id(workspace, "Acme")

    workspace.move(app_id, "Under Review")
    workspace.record(app_id, Reply(at=NOW, summary="Screen booked"), "reply")
    workspace.move(app_id, "Phone Screen")
    workspace.flush()

    saved = _on_disk(path)["Acme"]
    assert saved.stage == "Phone Screen"
    assert [type(e).__name__ for e in saved.events][-3:] == [
        "StageChange",
        "Reply",
        "StageChange",
    ]


def test_undo_reverts_a_move_an_edit_and_a_delete(workspace, path) -> None:
    acme, globex = _id(workspace, "Acme"), _id(workspace, "Globex")
    workspace.move(acme, "Offer")
    edited = workspace.editable(globex)
    edited.salary = "90k"
    workspace.update(edited, "edited Globex")
    workspace.delete(acme)

    undone = [workspace.undo(), workspace.undo(), workspace.undo()]
    workspace.flush()

    assert [change.description.split()[0] for change in undone] == [
        "deleted",
        "edited",
        "moved",
    ]
    assert workspace.undo() is None
    on_disk = _on_disk(path)
    assert on_disk["Acme"].stage == "Applied"
    assert on_disk["Globex"].salary == ""
    assert workspace.get(acme).stage == "Applied"


def test_a_deleted_application_stays_in_reach_while_undo_can_restore_it(
    workspace,
) -> None:
    acme, globex = _id(workspace, "Acme"), _id(workspace, "Globex")

    workspace.delete(acme)
    assert workspace.ids_in_reach() == {acme, globex}

    workspace.reload()
    assert workspace.ids_in_reach() == {globex}


def test_a_failed_write_is_reported_not_swallowed(path) -> None:
    errors: list[Exception] = []
    store = Store.open(path, writable=True)
    space = Workspace(store, clock=lambda: NOW, on_error=errors.append)
    app_id = _id(space, "Acme")
    path.write_text(path.read_text().replace('"Acme"', '"Acme Renamed"'))
    edited = space.editable(app_id)
    edited.notes = "mine"

    space.update(edited, "edited notes")
    space.flush()
    space.close()
    store.close()

    assert len(errors) == 1
    assert "changed" in str(errors[0])
    assert _on_disk(path)["Acme Renamed"].notes == ""

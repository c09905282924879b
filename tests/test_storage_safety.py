"""Nothing is lost: bad files, crashes, failed writes, other writers, hand edits."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pendulum
import pytest
from tinydb import TinyDB

from jobtui.domain.codec import application_to_dict
from jobtui.domain.errors import ConflictError, DatabaseError, InputError, LockedError
from jobtui.domain.model import Application
from jobtui.domain.storage import (
    TEMP_MARK,
    SafeJSONStorage,
    Store,
    backups,
    make_backup,
)

NOW = pendulum.datetime(2026, 11, 3, 9, 0, tz="UTC")
REPOSITORY = Path(__file__).resolve().parents[1]


def new_application(company: str = "Acme", **fields: Any) -> Application:
    """An application as the command line builds one."""
    return Application(
        company=company, role="SRE", stage="Applied", created=NOW, updated=NOW, **fields
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database path in a folder of its own."""
    path = tmp_path / "data" / "applications.json"
    path.parent.mkdir()
    return path


def temp_files(db: Path) -> list[Path]:
    """Temp files a write left beside the database or its backups."""
    folders = [db.parent, db.parent / "backups"]
    return [
        entry
        for folder in folders
        if folder.exists()
        for entry in folder.iterdir()
        if TEMP_MARK in entry.name
    ]


def good_file(db: Path, *companies: str) -> bytes:
    """A database holding one application per company, written by the store."""
    with Store.open(db, writable=True) as store:
        store.add_many([new_application(company) for company in companies])
    return db.read_bytes()


def stored_document(**changes: Any) -> dict[str, Any]:
    """One application document as jobtui writes it, with some fields changed."""
    return application_to_dict(new_application()) | changes


def database_with(document: dict[str, Any]) -> bytes:
    """A current-schema file holding one application document."""
    stages = [{"name": "Applied", "closed": False}]
    tables = {
        "applications": {"1": document},
        "meta": {"1": {"schema": 1, "stages": stages}},
    }
    return orjson.dumps(tables, option=orjson.OPT_INDENT_2)


BAD_FILES = {
    "empty": (b"", ["the file is empty"]),
    "only whitespace": (b"  \n\n", ["the file is empty"]),
    "not utf-8": (b'{"applications": {}}\n{"\xff"}', ["not valid UTF-8", "line 2"]),
    "not json": (b'{\n  "applications": {\n    x\n', ["not valid JSON", "line 3"]),
    "top level a list": (b"[]", ["top level", "a list, not an object of tables"]),
    "table not an object": (
        b'{"applications": []}',
        ["table 'applications'", "not an object of documents"],
    ),
    "document key not a number": (
        b'{"applications": {"first": {}}}',
        ["applications['first']", "must be a number"],
    ),
    "document not an object": (
        b'{"applications": {"1": "Acme"}}',
        ["applications[1]", "a string, not an object"],
    ),
    "document missing its company": (
        database_with(stored_document(company="")),
        ["applications[1].company", "is required"],
    ),
    "event with a bad time": (
        database_with(
            stored_document(events=[{"kind": "reply", "at": "last tuesday"}])
        ),
        ["applications[1].events[0].at", "not an ISO 8601"],
    ),
    "bad stages": (
        b'{"meta": {"1": {"schema": 1, "stages": "Applied"}}}',
        ["meta[1].stages", "should be a list"],
    ),
    "newer schema": (
        b'{"applications": {}, "meta": {"1": {"schema": 99, "stages": []}}}',
        ["meta[1].schema", "is 99", "newer jobtui"],
    ),
}


@pytest.mark.parametrize("writable", [False, True], ids=["reading", "writing"])
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_refused_with_a_clear_message_and_left_untouched(
    db: Path, case: str, writable: bool
) -> None:
    content, phrases = BAD_FILES[case]
    db.write_bytes(content)

    with pytest.raises(DatabaseError) as raised:
        Store.open(db, writable=writable)

    message = str(raised.value)
    assert str(db) in message
    for phrase in phrases:
        assert phrase in message
    assert "there is no backup of it to restore" in message
    assert db.read_bytes() == content
    assert temp_files(db) == []


def test_a_refusal_names_the_newest_backup_to_restore(db: Path) -> None:
    good_file(db, "Acme")
    make_backup(db)
    newest = make_backup(db)
    db.write_bytes(b"{ half a file")

    with pytest.raises(DatabaseError) as raised:
        Store.open(db, writable=False)

    assert f"the newest backup to restore is {newest}" in str(raised.value)


def test_a_refused_writer_lets_the_lock_go(db: Path) -> None:
    db.write_bytes(b"")
    with pytest.raises(DatabaseError):
        Store.open(db, writable=True)
    db.write_bytes(b"{}")

    with Store.open(db, writable=True) as store:
        assert store.applications() == []


def test_a_failed_write_changes_neither_the_file_nor_memory(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = good_file(db, "Acme")
    with Store.open(db, writable=True) as store:
        original = store.applications()[0]
        edited = store.get(original.id)
        edited.notes = "lost in a full disk"

        def full_disk(descriptor: int) -> None:
            raise OSError(28, "No space left on device")

        with monkeypatch.context() as patch:
            patch.setattr(os, "fsync", full_disk)
            with pytest.raises(DatabaseError, match="no space left on device"):
                store.save(edited)
            with pytest.raises(DatabaseError, match="nothing was written"):
                store.add(new_application("Globex"))

        assert store.applications() == [original]
        assert store.get(original.id).notes == ""
        assert db.read_bytes() == before
        assert temp_files(db) == []

        assert store.save(edited).notes == "lost in a full disk"
        assert [a.company for a in store.applications()] == ["Acme"]


def test_tinydb_keeps_no_change_in_memory_that_failed_to_reach_the_disk(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = TinyDB(db, storage=SafeJSONStorage)
    table = database.table("notes")
    table.insert({"text": "kept"})

    def failing(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", failing)
        with pytest.raises(DatabaseError, match="input/output error"):
            table.update({"text": "lost"}, doc_ids=[1])

    assert table.get(doc_id=1) == {"text": "kept"}
    assert orjson.loads(db.read_bytes()) == {"notes": {"1": {"text": "kept"}}}


def test_text_that_json_cannot_hold_is_refused_before_anything_is_written(
    db: Path,
) -> None:
    before = good_file(db, "Acme")
    with Store.open(db, writable=True) as store:
        with pytest.raises(InputError, match="not valid Unicode"):
            store.add(new_application(notes="bad \udcff byte"))

        assert len(store.applications()) == 1
    assert db.read_bytes() == before


def test_a_backup_that_does_not_read_back_the_same_stops_the_write(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = good_file(db, "Acme")
    faithful = backups.write_atomically

    def garbling(path: Path, payload: bytes, **options: Any) -> os.stat_result:
        if path.parent.name == "backups":
            payload = payload[:-2]
        return faithful(path, payload, **options)

    monkeypatch.setattr(backups, "write_atomically", garbling)
    with Store.open(db, writable=True) as store:
        with pytest.raises(DatabaseError, match="did not read back the same"):
            store.add(new_application("Globex"))

        assert store.backups() == []
    assert db.read_bytes() == before


def hand_edit(db: Path, change: Any) -> None:
    """Edit the file as a person would, without jobtui."""
    tables = orjson.loads(db.read_bytes())
    change(tables)
    db.write_bytes(orjson.dumps(tables, option=orjson.OPT_INDENT_2))


def test_an_application_added_by_hand_survives_the_next_add(db: Path) -> None:
    good_file(db, "Acme")
    with Store.open(db, writable=True) as store:
        store.applications()
        by_hand = stored_document(id="added-by-hand", company="Hand Co")
        hand_edit(db, lambda tables: tables["applications"].update({"7": by_hand}))

        store.add(new_application("Globex"))

        companies = {a.company for a in store.applications()}
    reread = {a.company for a in Store.open(db, writable=False).applications()}
    assert companies == reread == {"Acme", "Hand Co", "Globex"}


def test_saving_an_application_edited_by_hand_meanwhile_is_a_conflict(
    db: Path,
) -> None:
    good_file(db, "Acme")
    with Store.open(db, writable=True) as store:
        mine = store.applications()[0]

        def edit_notes(tables: dict[str, Any]) -> None:
            document = tables["applications"]["1"]
            document["notes"] = "edited by hand"
            document["updated"] = "2026-11-04T10:00:00Z"

        hand_edit(db, edit_notes)
        mine.notes = "edited in jobtui"
        with pytest.raises(ConflictError, match="changed since you opened it"):
            store.save(mine)

        assert store.get(mine.id).notes == "edited by hand"
    assert Store.open(db, writable=False).get(mine.id).notes == "edited by hand"


def test_a_hand_edit_that_leaves_updated_alone_is_still_a_conflict(
    db: Path,
) -> None:
    good_file(db, "Acme")
    with Store.open(db, writable=True) as store:
        mine = store.applications()[0]

        def edit_company(tables: dict[str, Any]) -> None:
            tables["applications"]["1"]["company"] = "Acme Renamed By Hand"

        hand_edit(db, edit_company)
        mine.notes = "edited in jobtui"
        with pytest.raises(ConflictError, match="changed since you opened it"):
            store.save(mine)

        reopened = store.get(mine.id)
        reopened.notes = "edited after looking again"
        saved = store.save(reopened)

    assert saved.company == "Acme Renamed By Hand"
    on_disk = Store.open(db, writable=False).get(mine.id)
    assert (on_disk.company, on_disk.notes) == (
        "Acme Renamed By Hand",
        "edited after looking again",
    )


def test_an_edit_that_keeps_the_size_and_time_is_still_noticed(db: Path) -> None:
    good_file(db, "Acme")
    with Store.open(db, writable=True) as store:
        store.applications()
        stat = db.stat()
        db.write_bytes(db.read_bytes().replace(b'"Acme"', b'"Acne"'))
        os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns))

        store.add(new_application("Globex"))

    companies = {a.company for a in Store.open(db, writable=False).applications()}
    assert companies == {"Acne", "Globex"}


def test_a_touch_alone_is_not_mistaken_for_a_change(db: Path) -> None:
    good_file(db, "Acme")
    storage = SafeJSONStorage(db)
    storage.read()

    os.utime(db, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))

    assert not storage.changed_on_disk()


def test_a_hand_edit_that_breaks_the_file_stops_the_next_write(db: Path) -> None:
    good_file(db, "Acme")
    with Store.open(db, writable=True) as store:
        store.applications()
        db.write_bytes(b'{"applications": ')

        with pytest.raises(DatabaseError, match="not valid JSON"):
            store.add(new_application("Globex"))

    assert db.read_bytes() == b'{"applications": '


def test_a_change_that_lands_during_a_write_stops_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good_file(db, "Acme")
    synced = os.fsync
    with Store.open(db, writable=True) as store:
        store.applications()
        store.add(new_application("Backed up first"))

        def sync_then_edit(descriptor: int) -> None:
            synced(descriptor)
            if db.exists() and b"Meddler" not in db.read_bytes():
                hand_edit(
                    db,
                    lambda tables: tables["applications"].update(
                        {"9": stored_document(id="meddler", company="Meddler")}
                    ),
                )

        monkeypatch.setattr(os, "fsync", sync_then_edit)
        with pytest.raises(ConflictError, match="nothing was written"):
            store.add(new_application("Globex"))
        monkeypatch.undo()

        companies = {a.company for a in store.applications()}
    assert companies == {"Acme", "Backed up first", "Meddler"}


def test_a_file_deleted_while_open_is_not_silently_recreated(db: Path) -> None:
    good_file(db, "Acme")
    with Store.open(db, writable=True) as store:
        store.applications()
        db.unlink()

        with pytest.raises(ConflictError, match="moved or deleted"):
            store.add(new_application("Globex"))

    assert not db.exists()


def test_a_writer_cleans_up_temp_files_that_crashes_left(db: Path) -> None:
    good_file(db, "Acme")
    (db.parent / "backups").mkdir()
    leftovers = [
        db.parent / f".applications.json{TEMP_MARK}4242-0",
        db.parent / "backups" / f".applications-20261103T090000Z.json{TEMP_MARK}1-3",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b'{"half": ')
    unrelated = db.parent / "notes.txt"
    unrelated.write_text("mine")

    Store.open(db, writable=False)
    assert all(leftover.exists() for leftover in leftovers)

    Store.open(db, writable=True).close()
    assert temp_files(db) == []
    assert unrelated.exists()


def test_a_second_writer_in_the_same_process_is_refused(db: Path) -> None:
    with Store.open(db, writable=True):
        with pytest.raises(LockedError, match=f"pid {os.getpid()}"):
            Store.open(db, writable=True)

        assert Store.open(db, writable=False).applications() == []


def test_a_store_that_locks_later_writes_nothing_until_it_has_the_lock(
    db: Path,
) -> None:
    store = Store.open(db, writable=True, lock_later=True)
    with pytest.raises(DatabaseError, match="for reading only"):
        store.add(new_application())
    assert not db.exists()

    store.take_lock()
    store.take_lock()  # once held, a second call changes nothing
    store.add(new_application())
    store.close()
    assert len(Store.open(db, writable=False).applications()) == 1


def test_a_store_that_locks_later_is_refused_the_lock_another_holds(
    db: Path,
) -> None:
    later = Store.open(db, writable=True, lock_later=True)
    with Store.open(db, writable=True) as holder:
        holder.add(new_application("Birch"))
        with pytest.raises(LockedError, match=f"pid {os.getpid()}"):
            later.take_lock()
    with pytest.raises(DatabaseError, match="for reading only"):
        later.add(new_application())

    later.take_lock()
    later.add(new_application("Cedar"))
    later.close()
    companies = {app.company for app in Store.open(db, writable=False).applications()}
    assert companies == {"Birch", "Cedar"}


def test_a_store_opened_for_reading_cannot_take_the_lock(db: Path) -> None:
    with pytest.raises(DatabaseError, match="for reading only"):
        Store.open(db, writable=False).take_lock()


def test_the_holder_is_noted_beside_the_lock_and_the_note_goes_on_close(
    db: Path,
) -> None:
    owner = db.with_name("applications.json.lock.owner")

    with Store.open(db, writable=True):
        noted = orjson.loads(owner.read_bytes())
        assert noted["pid"] == os.getpid()
        assert {"host", "command", "since"} <= set(noted)

    assert not owner.exists()


HOLDER = """
import sys
from pathlib import Path
from jobtui.domain.storage import Store

store = Store.open(Path(sys.argv[1]), writable=True)
print("held", flush=True)
sys.stdin.readline()
store.close()
print("released", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def holder(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the writer lock until told to let it go."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONPATH": str(REPOSITORY)},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    yield process
    process.kill()
    process.wait()


def test_a_second_process_cannot_write_but_can_read(
    db: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(LockedError) as raised:
        Store.open(db, writable=True)

    message = str(raised.value)
    assert f"pid {holder.pid} on " in message
    assert "since" in message and "reading commands still work" in message
    assert Store.open(db, writable=False).applications() == []


def test_a_writer_that_waits_gets_the_lock_once_it_is_let_go(
    db: Path, holder: subprocess.Popen[str]
) -> None:
    def let_go() -> None:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()

    release = threading.Timer(0.3, let_go)
    release.start()

    started = time.monotonic()
    with Store.open(db, writable=True, lock_timeout=10) as store:
        waited = time.monotonic() - started
        store.add(new_application())

    release.join()
    assert waited >= 0.2
    assert len(Store.open(db, writable=False).applications()) == 1


def test_a_writer_killed_while_holding_the_lock_keeps_no_one_out(
    db: Path, holder: subprocess.Popen[str]
) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait()

    with Store.open(db, writable=True, lock_timeout=2) as store:
        store.add(new_application())


WRITER = """
import itertools, sys
from pathlib import Path
import pendulum
from jobtui.domain.model import Application
from jobtui.domain.storage import Store

now = pendulum.datetime(2026, 11, 3, 9, 0, tz="UTC")
store = Store.open(Path(sys.argv[1]), writable=True, lock_timeout=10)
print("ready", flush=True)
for op in itertools.count(int(sys.argv[2])):
    if op % 3 == 2:
        application = store.get("app-0")
        application.notes = f"op {op}"
        store.save(application)
    else:
        store.add(
            Application(
                id=f"app-{op}", company=f"Company {op}", role="SRE",
                stage="Applied", created=now, updated=now,
            )
        )
    print(op, flush=True)
"""


def expected_state(last_op: int) -> tuple[set[str], str]:
    """The ids and the notes of app-0 once operations 0 to `last_op` are done."""
    ids = {f"app-{op}" for op in range(last_op + 1) if op % 3 != 2}
    saves = [op for op in range(last_op + 1) if op % 3 == 2]
    return ids, f"op {saves[-1]}" if saves else ""


def state_of(db: Path) -> tuple[set[str], str]:
    """The ids in the file and the notes of app-0, read as a fresh process would."""
    applications = Store.open(db, writable=False).applications()
    notes = {a.id: a.notes for a in applications}
    return set(notes), notes.get("app-0", "")


def test_a_writer_killed_at_any_moment_leaves_the_old_state_or_the_new(
    db: Path,
) -> None:
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    done = -1
    for round_number in range(40):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(done + 1)],
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ | {"PYTHONPATH": str(REPOSITORY)},
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.choice([0.0, rng.uniform(0, 0.005), rng.uniform(0, 0.04)]))
        writer.send_signal(signal.SIGKILL)
        confirmed = [int(line) for line in writer.stdout.read().split()]
        writer.wait()

        ids, notes = state_of(db)
        last = max([int(i.removeprefix("app-")) for i in ids] + [-1])
        last = max(last, int(notes.removeprefix("op ") or -1))
        latest_confirmed = confirmed[-1] if confirmed else done
        context = f"seed {seed}, round {round_number}"
        assert (ids, notes) == expected_state(last), context
        assert latest_confirmed <= last <= latest_confirmed + 1, context

        Store.open(db, writable=True).close()
        assert temp_files(db) == [], context
        done = last

    assert done > 40

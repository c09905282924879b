"""The store's behaviour: applications in and out, stages, migrations and backups."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any
from unittest import mock

import orjson
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pendulum import DateTime
from tinydb import TinyDB

from jobtui.domain.codec import application_from_dict, application_to_dict
from jobtui.domain.errors import ConflictError, DatabaseError, InputError, NotFoundError
from jobtui.domain.model import (
    DEFAULT_STAGES,
    MESSAGE_KINDS,
    Application,
    Contact,
    FollowUp,
    Handled,
    Interview,
    Kind,
    Offer,
    Reply,
    Snoozed,
    Stage,
    StageChange,
    StageSet,
)
from jobtui.domain.storage import (
    CURRENT_SCHEMA,
    KEEP_BACKUPS,
    MIGRATIONS,
    Store,
    list_backups,
    make_backup,
)
from jobtui.domain.storage.fastread import _decode_canonical, decode
from jobtui.domain.times import UTC

NOW = pendulum.datetime(2026, 11, 3, 9, 0, tz="UTC")
LATER = NOW.add(hours=2)


def new_application(company: str = "Acme", **fields: Any) -> Application:
    """An application as the command line builds one."""
    fields = {"stage": "Applied", "created": NOW, "updated": NOW} | fields
    return Application(company=company, role="SRE", **fields)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database path in a folder that does not exist yet."""
    return tmp_path / "data" / "applications.json"


@pytest.fixture
def store(db: Path) -> Any:
    """A writable store on a fresh database, closed afterwards."""
    with Store.open(db, writable=True) as opened:
        yield opened


def test_a_missing_file_is_created_with_its_folders_on_the_first_write(
    db: Path,
) -> None:
    with Store.open(db, writable=True) as store:
        assert store.applications() == []
        assert not db.exists()

        store.add(new_application())

    assert db.exists()


def test_reading_a_missing_database_creates_nothing(db: Path) -> None:
    store = Store.open(db, writable=False)

    assert store.applications() == []
    assert store.stages().names == [stage.name for stage in DEFAULT_STAGES]
    assert not db.parent.exists()


def test_an_application_reads_back_equal_after_reopening(db: Path) -> None:
    application = new_application(
        contacts=[Contact("Sam Lee", "sam@example.com", "Recruiter")],
        tags=["remote"],
        events=[
            StageChange(at=NOW, from_stage=None, to_stage="Applied"),
            FollowUp(at=NOW.add(days=8), text="Checking in"),
            Interview(at=NOW.add(days=12), with_whom="Sam", notes="the pipeline"),
        ],
    )
    with Store.open(db, writable=True) as store:
        stored = store.add(application, now=LATER)

    reopened = Store.open(db, writable=False).get(application.id)

    assert reopened == stored == dataclasses.replace(application, updated=LATER)


def test_add_stores_the_stage_by_its_canonical_name(store: Store) -> None:
    stored = store.add(new_application(stage="  phone SCREEN "))

    assert stored.stage == "Phone Screen"
    assert store.get(stored.id).stage == "Phone Screen"


def test_add_refuses_a_stage_that_does_not_exist(store: Store) -> None:
    with pytest.raises(InputError, match="no stage called 'Dreaming'"):
        store.add(new_application(stage="Dreaming"))

    assert store.applications() == []


def test_add_refuses_an_id_that_is_already_taken(store: Store) -> None:
    first = store.add(new_application())

    with pytest.raises(InputError, match="exists"):
        store.add(new_application("Other", id=first.id))

    assert [application.company for application in store.applications()] == ["Acme"]


def test_each_call_hands_out_objects_of_the_callers_own(store: Store) -> None:
    store.add(new_application())

    handed_out = store.applications()
    handed_out[0].notes = "changed only here"
    handed_out[0].events.append(Reply(at=NOW, summary="not saved"))

    again = store.applications()[0]
    assert again.notes == "" and again.events == []
    assert again is not handed_out[0]


def test_applications_come_back_in_the_order_they_were_added(db: Path) -> None:
    with Store.open(db, writable=True) as store:
        store.add_many([new_application(f"Company {n}") for n in range(12)])

    companies = [a.company for a in Store.open(db, writable=False).applications()]

    assert companies == [f"Company {n}" for n in range(12)]


def test_find_accepts_any_unique_start_of_an_id_in_any_case(store: Store) -> None:
    stored = store.add(new_application(id="3f2a9c00-0000-4000-8000-000000000001"))
    store.add(new_application("Other", id="77aa0000-0000-4000-8000-000000000002"))

    assert store.find("3F2").id == stored.id
    assert store.find(stored.id).id == stored.id


def test_an_ambiguous_start_lists_the_applications_it_matches(store: Store) -> None:
    store.add(new_application("Acme", id="3f2a0000-0000-4000-8000-000000000001"))
    store.add(new_application("Globex", id="3f2b0000-0000-4000-8000-000000000002"))

    with pytest.raises(NotFoundError) as raised:
        store.find("3f2")

    assert "starts 2 ids" in str(raised.value)
    assert "Acme" in str(raised.value) and "Globex" in str(raised.value)


def test_an_id_that_matches_nothing_says_so(store: Store) -> None:
    store.add(new_application())

    with pytest.raises(NotFoundError, match="no application has an id starting 'zz'"):
        store.find("zz")
    with pytest.raises(NotFoundError, match="no application has the id"):
        store.get("zz")


def test_save_stamps_updated_and_returns_the_saved_copy(store: Store) -> None:
    application = store.add(new_application(), now=NOW)
    application.notes = "Asked about the team"

    saved = store.save(application, now=LATER)

    assert saved.updated == LATER and saved.notes == "Asked about the team"
    assert store.get(application.id) == saved
    assert application.updated == NOW


def test_saving_a_copy_read_before_another_save_is_a_conflict(store: Store) -> None:
    first_copy = store.add(new_application(), now=NOW)
    second_copy = store.get(first_copy.id)
    first_copy.notes = "first"
    store.save(first_copy, now=LATER)

    second_copy.notes = "second"
    with pytest.raises(ConflictError, match="changed since you opened it"):
        store.save(second_copy, now=LATER.add(minutes=1))

    assert store.get(first_copy.id).notes == "first"


def test_two_saves_in_the_same_second_still_tell_copies_apart(store: Store) -> None:
    stale = store.add(new_application(), now=NOW)
    fresh = store.get(stale.id)

    fresh.notes = "saved at the same instant"
    saved = store.save(fresh, now=NOW)

    assert saved.updated > NOW
    with pytest.raises(ConflictError):
        store.save(stale, now=NOW)


def test_save_moves_an_application_to_a_stage_by_its_canonical_name(
    store: Store,
) -> None:
    application = store.add(new_application())
    application.move_to("interviewing", NOW)

    assert store.save(application).stage == "Interviewing"


def test_delete_returns_the_application_and_it_is_gone(store: Store) -> None:
    kept = store.add(new_application("Kept"))
    gone = store.add(new_application("Gone"))

    removed = store.delete(gone.id)

    assert removed == gone
    assert [a.id for a in store.applications()] == [kept.id]
    with pytest.raises(NotFoundError):
        store.get(gone.id)


def test_ids_stay_true_when_tinydb_reuses_a_deleted_document_number(
    store: Store,
) -> None:
    store.add(new_application("First"))
    last = store.add(new_application("Last"))
    store.delete(last.id)

    newcomer = store.add(new_application("Newcomer"))

    assert store.get(newcomer.id).company == "Newcomer"
    with pytest.raises(NotFoundError):
        store.get(last.id)


def test_add_many_adds_all_in_one_write(db: Path) -> None:
    with Store.open(db, writable=True) as store:
        store.add_many([new_application(f"C{n}", stage="offer") for n in range(50)])
        assert len(store.applications()) == 50

    reread = Store.open(db, writable=False).applications()
    assert len(reread) == 50 and {a.stage for a in reread} == {"Offer"}


def test_add_many_keeps_the_times_the_applications_carry(store: Store) -> None:
    imported = new_application(updated=NOW.add(days=3))

    store.add_many([imported], now=LATER.add(days=30))

    assert store.get(imported.id) == imported


def test_add_many_adds_nothing_when_one_application_is_bad(store: Store) -> None:
    store.add(new_application("Existing"))
    batch = [new_application("Good"), new_application("Bad", stage="Nowhere")]

    with pytest.raises(InputError, match=r"applications\[1\]\.stage"):
        store.add_many(batch)

    assert [a.company for a in store.applications()] == ["Existing"]


def test_add_many_refuses_an_id_given_twice(store: Store) -> None:
    twin = new_application("One")

    with pytest.raises(InputError, match="given twice"):
        store.add_many([twin, dataclasses.replace(twin, company="Two")])

    assert store.applications() == []


def test_a_store_opened_for_reading_refuses_to_write(db: Path) -> None:
    reader = Store.open(db, writable=False)

    with pytest.raises(DatabaseError, match="for reading only"):
        reader.add(new_application())

    assert not db.exists()


def test_the_file_is_sorted_indented_json_ending_in_a_newline(store: Store) -> None:
    store.add(new_application())

    text = store.path.read_text()
    data = orjson.loads(text)
    document = data["applications"]["1"]

    assert text.endswith("}\n")
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
    assert text == orjson.dumps(data, option=options).decode() + "\n"
    assert '\n      "company": "Acme",' in text
    assert list(document) == sorted(document)
    assert data["meta"]["1"]["schema"] == CURRENT_SCHEMA


def test_stages_are_kept_in_the_file(db: Path) -> None:
    chosen = StageSet((Stage("Wishlist"), *DEFAULT_STAGES, Stage("Ghosted", True)))
    with Store.open(db, writable=True) as store:
        store.set_stages(chosen)

    assert Store.open(db, writable=False).stages() == chosen


def test_renaming_a_stage_renames_it_in_applications_and_their_history(
    db: Path,
) -> None:
    with Store.open(db, writable=True) as store:
        moved = new_application(
            stage="Phone Screen",
            events=[
                StageChange(at=NOW, from_stage=None, to_stage="Applied"),
                StageChange(at=LATER, from_stage="Applied", to_stage="Phone Screen"),
            ],
        )
        store.add(moved)
        untouched = store.add(new_application("Other", stage="Offer"))
        stages = [
            Stage("Sent") if stage.name == "Applied" else stage
            for stage in store.stages()
        ]
        store.set_stages(StageSet(tuple(stages)), {"applied": "Sent"}, now=LATER)

    reread = Store.open(db, writable=False)
    history = reread.get(moved.id).events
    assert [(event.from_stage, event.to_stage) for event in history] == [
        (None, "Sent"),
        ("Sent", "Phone Screen"),
    ]
    assert reread.get(untouched.id) == untouched
    assert reread.stages().names[0] == "Sent"


def test_a_rename_makes_copies_read_before_it_stale(store: Store) -> None:
    before = store.add(new_application())
    renamed = StageSet(
        tuple(
            Stage("Sent") if stage.name == "Applied" else stage
            for stage in store.stages()
        )
    )
    store.set_stages(renamed, {"Applied": "Sent"}, now=LATER)

    before.notes = "would write Applied back"
    with pytest.raises(ConflictError):
        store.save(before)


def test_removing_a_stage_still_in_use_says_how_many_use_it(store: Store) -> None:
    store.add_many([new_application(f"C{n}", stage="Phone Screen") for n in range(3)])
    fewer = StageSet(tuple(s for s in store.stages() if s.name != "Phone Screen"))

    with pytest.raises(InputError, match="3 applications are still in Phone Screen"):
        store.set_stages(fewer)

    assert "Phone Screen" in store.stages().names


def test_a_rename_to_a_stage_that_does_not_exist_is_refused(store: Store) -> None:
    with pytest.raises(InputError, match="no stage called 'Sent'"):
        store.set_stages(store.stages(), {"Applied": "Sent"})


def write_stock_tinydb(path: Path, *documents: dict[str, Any]) -> None:
    """A file as stock TinyDB writes it: no meta table, schema version 0."""
    database = TinyDB(path)
    database.table("applications").insert_multiple(documents)
    database.close()


def test_a_stock_tinydb_file_is_version_0_and_migrates_to_the_current_schema(
    db: Path,
) -> None:
    db.parent.mkdir(parents=True)
    written = application_to_dict(new_application(stage="Ghosted"))
    del written["id"]
    write_stock_tinydb(db, written)
    version_0 = db.read_bytes()

    with Store.open(db, writable=True) as store:
        application = store.applications()[0]
        assert "Ghosted" in store.stages().names
        store.save(application, now=LATER)
        assert store.backups()[0].read_bytes() == version_0

    data = orjson.loads(db.read_bytes())
    assert data["meta"]["1"]["schema"] == CURRENT_SCHEMA
    assert data["applications"]["1"]["id"] == application.id
    assert Store.open(db, writable=False).get(application.id).company == "Acme"


def test_a_migration_stays_in_memory_until_the_next_write(db: Path) -> None:
    db.parent.mkdir(parents=True)
    write_stock_tinydb(db, application_to_dict(new_application()))
    before = db.read_bytes()

    with Store.open(db, writable=True) as store:
        assert len(store.applications()) == 1

    assert db.read_bytes() == before


def test_every_older_schema_has_a_migration_to_the_next() -> None:
    assert sorted(MIGRATIONS) == list(range(CURRENT_SCHEMA))


def test_the_first_write_of_a_run_backs_up_the_file_once(db: Path) -> None:
    with Store.open(db, writable=True) as store:
        store.add(new_application("First run"))
    assert list_backups(db) == []
    before_second_run = db.read_bytes()

    with Store.open(db, writable=True) as store:
        store.add(new_application("Second run"))
        store.add(new_application("Still the second run"))
        backups = store.backups()

    assert len(backups) == 1
    assert backups[0].read_bytes() == before_second_run
    assert backups[0].parent == db.parent / "backups"


def test_backups_are_named_in_time_order_even_within_one_second(db: Path) -> None:
    db.parent.mkdir(parents=True)
    made = []
    for number in range(3):
        db.write_text(f'{{"copy": {{"1": {{"n": {number}}}}}}}')
        made.append(make_backup(db))

    assert list_backups(db) == made[::-1]
    assert made[0] is not None and made[0].name.startswith("applications-")


def test_only_the_newest_ten_backups_are_kept(db: Path) -> None:
    db.parent.mkdir(parents=True)
    made = []
    for number in range(KEEP_BACKUPS + 3):
        db.write_text(f'{{"copy": {{"1": {{"n": {number}}}}}}}')
        made.append(make_backup(db))

    kept = list_backups(db)
    assert kept == made[::-1][:KEEP_BACKUPS]
    assert b'"n": 12' in kept[0].read_bytes()


# Round trips of any application through the store, and the quick reading of
# documents held to the codec's.

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
filled = texts.filter(lambda text: bool(text.strip()))


@st.composite
def moments(draw: st.DrawFn) -> DateTime:
    """Times as the model holds them: aware, UTC, to the microsecond."""
    naive = draw(st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1)))
    micro = draw(st.sampled_from([0, naive.microsecond]))
    return DateTime(*naive.timetuple()[:6], micro, tzinfo=UTC)


events = st.one_of(
    st.builds(
        StageChange,
        at=moments(),
        from_stage=st.none() | filled,
        to_stage=filled,
    ),
    st.builds(
        FollowUp,
        at=moments(),
        kind=st.sampled_from(MESSAGE_KINDS),
        text=texts,
        channel=filled,
    ),
    st.builds(Reply, at=moments(), summary=texts),
    st.builds(
        Interview,
        at=moments(),
        duration_minutes=st.integers(0, 600),
        with_whom=texts,
        notes=texts,
        decision_by=st.none() | moments(),
    ),
    st.builds(Offer, at=moments(), deadline=st.none() | moments(), details=texts),
)

applications = st.builds(
    Application,
    id=st.uuids().map(str),
    company=filled,
    role=filled,
    stage=st.sampled_from([stage.name for stage in DEFAULT_STAGES]),
    applied=st.none() | moments(),
    url=texts,
    location=texts,
    salary=texts,
    source=texts,
    tags=st.lists(texts, max_size=3),
    notes=texts,
    contacts=st.lists(st.builds(Contact, name=filled, email=texts, title=texts)),
    events=st.lists(events, max_size=6),
    created=moments(),
    updated=moments(),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(application=applications)
def test_any_application_reads_back_exactly_through_the_store(
    tmp_path: Path, application: Application
) -> None:
    db = tmp_path / f"{uuid.uuid4()}.json"
    with Store.open(db, writable=True) as store:
        store.add(application, now=LATER)

    reread = Store.open(db, writable=False).get(application.id)

    assert reread == dataclasses.replace(application, updated=LATER)


@settings(max_examples=150, deadline=None)
@given(application=applications)
def test_documents_as_jobtui_writes_them_take_the_quick_reading(
    application: Application,
) -> None:
    document = orjson.loads(orjson.dumps(application_to_dict(application)))

    quick = _decode_canonical(document, {})

    codec = application_from_dict(document, where="d", now=NOW)
    assert quick == codec
    assert repr(quick) == repr(codec)


def both_readings(document: dict[str, Any]) -> tuple[Application | str, ...]:
    """The codec's reading of a document and the store's, or the error each gave."""
    readings: list[Application | str] = []
    # A document without an id gets a random one; both readings must get the same.
    with mock.patch("jobtui.domain.codec.new_id", return_value="new-id"):
        for read in (
            lambda: application_from_dict(document, where="d", now=NOW),
            lambda: decode(document, "d", NOW, {}),
        ):
            try:
                readings.append(read())
            except InputError as error:
                readings.append(str(error))
    return tuple(readings)


@pytest.mark.parametrize(
    "moment",
    [
        "2026-01-01T10:00:00Z",
        "2026-01-01T10:00:00.500000Z",
        "2026-01-01T10:00:00.5Z",
        "2026-01-01Z",
        "2026-01-01T10Z",
        "20260101T100000Z",
        "2026-01-01 10:00:00Z",
        "2026-W01-1T10:00:00Z",
        "2026-01-01T10:00:00+01:00",
        "2026-01-01T10:00:00+00:00",
        "2026-01-01T10:00:00-00:00",
        "2026-01-01T10:00:00+00:00:00.000001",
        "2026-01-01T10:00:00.000001Z",
        "2026-01-01T10:00:00",
        "2026-01-01T24:00:00Z",
        "Z",
        "",
    ],
)
def test_a_stored_time_in_any_form_reads_as_the_codec_reads_it(moment: str) -> None:
    document = application_to_dict(new_application(events=[Reply(at=NOW)]))
    document["created"] = document["events"][0]["at"] = moment

    codec_reading, store_reading = both_readings(document)

    assert store_reading == codec_reading
    # Equal times can still differ in their zone; the reprs show it.
    assert repr(store_reading) == repr(codec_reading)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | texts
    | st.sampled_from(
        [
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00.500000Z",
            "2026-01-01T00:00:00.5Z",
            "2026-01-01 00:00:00Z",
            "2026-01-01T00:00:00+01:00",
            "2026-01-01",
            "followup",
            "thank_you",
            "move_on",
            "stage",
            "",
            " ",
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=2)
        | st.dictionaries(
            st.sampled_from(["kind", "at", "name", "x"]), inner, max_size=3
        )
    ),
    max_leaves=4,
)


@settings(max_examples=300, deadline=None)
@given(application=applications, data=st.data())
def test_any_damaged_document_reads_as_the_codec_reads_it(
    application: Application, data: st.DataObject
) -> None:
    document = orjson.loads(orjson.dumps(application_to_dict(application)))
    target: Any = document
    for _ in range(data.draw(st.integers(1, 3))):
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        if data.draw(st.booleans()) or not isinstance(target[key], dict | list):
            if isinstance(target, dict) and data.draw(st.booleans()):
                del target[key]
            else:
                target[key] = data.draw(json_values)
            break
        target = target[key]

    codec_reading, store_reading = both_readings(document)

    assert store_reading == codec_reading


def every_kind_of_document() -> dict[str, Any]:
    """An application's document holding a contact and an event of every kind."""
    application = new_application(
        contacts=[Contact("Sam Lee", "sam@example.com", "Recruiter")],
        events=[
            StageChange(at=NOW, from_stage="Applied", to_stage="Interview"),
            FollowUp(at=NOW, text="Hello"),
            Reply(at=NOW, summary="Thanks"),
            Interview(at=NOW, with_whom="Sam", decision_by=NOW.add(days=3)),
            Offer(at=NOW, deadline=NOW.add(days=7), details="Base"),
            Snoozed(at=NOW, kind=Kind.FOLLOWUP, until=NOW.add(days=2)),
            Handled(at=NOW, kind=Kind.THANK_YOU, reason="Sent by phone"),
        ],
    )
    return orjson.loads(orjson.dumps(application_to_dict(application)))


def every_field() -> list[tuple[str, str]]:
    """Every field of that document: the part it sits in and its name."""
    document = every_kind_of_document()
    fields = [("", name) for name in document]
    fields += [("contacts", name) for name in document["contacts"][0]]
    for index, event in enumerate(document["events"]):
        fields += [(str(index), name) for name in event]
    return fields


@pytest.mark.parametrize(("part", "name"), every_field())
def test_a_field_swapped_for_an_unknown_one_reads_as_the_codec_reads_it(
    part: str, name: str
) -> None:
    document = every_kind_of_document()
    if part == "contacts":
        target = document["contacts"][0]
    else:
        target = document["events"][int(part)] if part else document
    # The same number of fields, so a check that only counted them would pass.
    target["unknown"] = target.pop(name)

    codec_reading, store_reading = both_readings(document)

    assert store_reading == codec_reading

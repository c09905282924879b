"""Import and export of applications as CSV and as the JSON interchange format."""

from __future__ import annotations

import json
import string
from dataclasses import replace
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobtui.domain.codec import application_to_dict
from jobtui.domain.exporting import export_csv, export_json
from jobtui.domain.importing import ImportProblems, ImportResult, read_import
from jobtui.domain.model import (
    MESSAGE_KINDS,
    Application,
    Contact,
    Event,
    FollowUp,
    Interview,
    Offer,
    Reply,
    Stage,
    StageChange,
    StageSet,
)

NOW = pendulum.datetime(2026, 11, 10, 12, 0, tz="UTC")
BERLIN = pendulum.timezone("Europe/Berlin")
STAGES = StageSet()
HEADER = (
    "company,role,stage,applied,url,location,salary,contact,contact_email,notes,tags"
)


def write(folder: Path, name: str, text: str) -> Path:
    """A file of exactly this text, line endings untouched."""
    path = folder / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def read(path: Path, **options: Any) -> ImportResult:
    """An import at NOW in Berlin with the default stages."""
    return read_import(path, stages=STAGES, now=NOW, zone=BERLIN, **options)


def problems_of(path: Path, **options: Any) -> list[str]:
    """The problems an import reports; fails the test if it succeeds."""
    with pytest.raises(ImportProblems) as caught:
        read(path, **options)
    return caught.value.problems


def interchange(*applications: dict[str, Any], version: Any = 1) -> str:
    """A JSON interchange file holding these application objects."""
    return json.dumps({"jobtui": version, "applications": list(applications)})


def berlin(*parts: int) -> pendulum.DateTime:
    """A wall-clock time in Berlin, as an instant."""
    return pendulum.datetime(*parts, tz=BERLIN)


# CSV import


def test_csv_rows_become_applications_with_stage_contact_tags_and_history(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "apps.csv",
        f"{HEADER}\n"
        "Acme,Data Engineer,phone screen,2026-11-03,https://acme.example/jobs/1,"
        "Berlin,90k,Jane Doe,jane@acme.example,Met at a meetup,python; remote\n"
        "Globex,Analyst,,3 Nov,,,,,,,\n"
        "Initech,Tester,,,,,,,,,\n",
    )

    result = read(path)

    acme, globex, initech = result.applications
    assert result.warnings == []
    assert (acme.company, acme.role, acme.stage) == (
        "Acme",
        "Data Engineer",
        "Phone Screen",
    )
    assert acme.applied == berlin(2026, 11, 3)
    assert acme.url == "https://acme.example/jobs/1"
    assert (acme.location, acme.salary, acme.notes) == (
        "Berlin",
        "90k",
        "Met at a meetup",
    )
    assert acme.contacts == [Contact(name="Jane Doe", email="jane@acme.example")]
    assert acme.tags == ["python", "remote"]
    assert acme.events == [
        StageChange(at=berlin(2026, 11, 3), from_stage=None, to_stage="Phone Screen")
    ]
    assert acme.created == acme.updated == NOW
    assert globex.stage == "Applied"
    assert globex.applied == berlin(2026, 11, 3)
    assert initech.applied is None
    assert initech.events == [StageChange(at=NOW, from_stage=None, to_stage="Applied")]
    assert len({acme.id, globex.id, initech.id}) == 3


def test_csv_headers_match_in_any_case_with_spaces_or_dashes(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "apps.csv",
        " Company ,ROLE,Contact,Contact-Email,Tags\n"
        'Acme,Engineer,Jo,jo@a.example,"x,y"\n',
    )

    (application,) = read(path).applications

    assert application.contacts == [Contact(name="Jo", email="jo@a.example")]
    assert application.tags == ["x", "y"]


def test_unknown_csv_columns_are_reported_and_ignored(tmp_path: Path) -> None:
    path = write(
        tmp_path, "apps.csv", "company,Salary Range,role,Recruiter\nAcme,lots,Dev,Bo\n"
    )

    result = read(path)

    assert result.warnings == ["unknown columns ignored: Salary Range, Recruiter"]
    assert [(app.company, app.role) for app in result.applications] == [("Acme", "Dev")]


def test_every_bad_csv_row_is_reported_on_the_line_it_starts(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "apps.csv",
        "id,company,role,stage,applied,url,contact,contact_email,notes\n"  # 1
        'a1,Acme,Dev,,,,,,"three\nline\nnotes"\n'  # 2-4
        ",,Dev,,,,,,\n"  # 5
        "\n"  # 6
        ",Globex,,Sleeping,soon,ftp://x,,not-an-email,\n"  # 7
        ',Initech,QA,,,,,bo@initech.example,"two\nlines"\n'  # 8-9
        "a1,Hooli,PM,,,,,,\n"  # 10
        "b2,Umbrella,Ops,,,,,,,extra\n"  # 11
        "taken,Wonka,Chef,,,,,,\n",  # 12
    )

    problems = problems_of(path, existing_ids={"taken"})

    assert [problem.split(":")[0] for problem in problems] == [
        "line 5",
        "line 7",
        "line 7",
        "line 7",
        "line 7",
        "line 7",
        "line 8",
        "line 10",
        "line 11",
        "line 12",
    ]
    assert problems[0] == "line 5: company: a company is required"
    assert problems[1] == "line 7: role: a role is required"
    assert problems[2].startswith("line 7: stage: no stage called 'Sleeping' (stages:")
    assert problems[3].startswith("line 7: applied: cannot read 'soon' as a date; try")
    assert problems[4].startswith("line 7: url: not a web address: 'ftp://x'")
    assert problems[5] == "line 7: contact_email: not an email address: 'not-an-email'"
    assert problems[6] == "line 8: contact: a name is needed with the email"
    assert problems[7] == "line 10: id: 'a1' appears twice (also at line 2)"
    assert problems[8] == "line 11: 10 values but the header names 9 columns"
    assert problems[9].startswith("line 12: id: 'taken' is already in the database")


def test_one_bad_row_stops_the_whole_csv_import_and_says_so(tmp_path: Path) -> None:
    rows = "".join(f"Company {n},Role,,,\n" for n in range(50))
    path = write(
        tmp_path, "apps.csv", f"company,role,stage,applied,url\n{rows}X,Y,,,bad\n"
    )

    with pytest.raises(ImportProblems) as caught:
        read(path)

    assert caught.value.problems == [
        "line 52: url: not a web address: 'bad' (expected https://...)"
    ]
    assert str(caught.value) == f"cannot import {path}: {caught.value.problems[0]}"


def test_several_problems_are_listed_under_a_summary_naming_the_file(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "apps.csv", "company,role\nAcme,\n,Dev\n")

    with pytest.raises(ImportProblems) as caught:
        read(path)

    assert str(caught.value).splitlines() == [
        f"cannot import {path}: 2 problems, nothing was imported",
        "  line 2: role: a role is required",
        "  line 3: company: a company is required",
    ]


def test_a_csv_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "apps.csv"
    path.write_bytes("\ufeffcompany,role\nAcme,Dev\n".encode())

    (application,) = read(path).applications

    assert application.company == "Acme"


def test_a_short_csv_row_reads_its_missing_values_as_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "apps.csv", "company,role,stage,notes\nAcme,Dev\n")

    (application,) = read(path).applications

    assert (application.stage, application.notes) == ("Applied", "")


@pytest.mark.parametrize("text", ["", "  \n\n", "\ufeff"])
def test_an_empty_file_is_a_problem(tmp_path: Path, text: str) -> None:
    assert problems_of(write(tmp_path, "apps.csv", text)) == ["the file is empty"]


def test_a_csv_of_only_a_header_imports_nothing_and_says_so(tmp_path: Path) -> None:
    result = read(write(tmp_path, "apps.csv", f"{HEADER}\n\n"))

    assert result.applications == []
    assert result.warnings == ["no rows after the header: nothing to import"]


def test_a_csv_without_a_company_column_is_refused(tmp_path: Path) -> None:
    problems = problems_of(write(tmp_path, "apps.csv", "Firm,role\nAcme,Dev\n"))

    assert problems == [
        "line 1: the header has no company column (it names: Firm, role)"
    ]


def test_two_csv_columns_that_mean_the_same_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "apps.csv", "company,role,Contact Email,contact_email\n")

    assert problems_of(path) == [
        "line 1: the columns 'Contact Email' and 'contact_email' "
        "both mean contact_email"
    ]


def test_a_quote_that_never_closes_names_the_row_it_opens_on(tmp_path: Path) -> None:
    path = write(tmp_path, "apps.csv", 'company,role\nAcme,Dev\nGlobex,"Dev\nX,Y\n')

    assert problems_of(path) == [
        "line 3: a quoted value that starts on this row never ends"
    ]


def test_a_file_that_is_not_utf8_names_the_byte_offset_and_line(tmp_path: Path) -> None:
    path = tmp_path / "apps.csv"
    path.write_bytes(b"company,role\nCaf\xe9,Dev\n")

    (problem,) = problems_of(path)

    assert problem.startswith("not UTF-8 text: byte 0xe9 at offset 16 (line 2)")


def test_a_missing_file_is_named_in_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.csv"

    with pytest.raises(ImportProblems) as caught:
        read(path)

    assert str(caught.value) == f"cannot import {path}: no such file"


def test_a_file_of_another_extension_is_read_by_its_first_character(
    tmp_path: Path,
) -> None:
    as_json = write(
        tmp_path,
        "a.txt",
        "\n  " + interchange({"company": "A", "role": "R", "stage": "Offer"}),
    )
    as_csv = write(tmp_path, "b.txt", "company,role\nB,R\n")

    assert read(as_json).applications[0].stage == "Offer"
    assert read(as_csv).applications[0].company == "B"


def test_progress_is_reported_every_few_hundred_rows_and_at_the_end(
    tmp_path: Path,
) -> None:
    rows = "".join(f"Company {n},Role\n" for n in range(600))
    path = write(tmp_path, "apps.csv", f"company,role\n{rows}")
    calls: list[tuple[int, int]] = []

    read(path, progress=lambda done, total: calls.append((done, total)))

    assert calls == [(250, 600), (500, 600), (600, 600)]


# JSON import


def test_a_json_application_without_an_id_gets_a_fresh_one(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "apps.json",
        interchange({"company": "Acme", "role": "Dev", "stage": "under review"}),
    )

    (application,) = read(path).applications

    assert application.stage == "Under Review"
    assert len(application.id) == 36
    assert application.created == application.updated == NOW


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"jobtui": 1,\n "applications": [}', "not JSON: "),
        ("[]", 'not a jobtui export: expected an object like {"jobtui": 1'),
        ('{"applications": []}', "not a jobtui export: "),
        ('{"jobtui": "1", "applications": []}', "jobtui: expected a format version"),
        ('{"jobtui": 1, "applications": {}}', "applications: expected a list"),
        ('{"jobtui": 1}', "applications: expected a list"),
    ],
)
def test_a_json_file_of_the_wrong_shape_is_refused(
    tmp_path: Path, text: str, problem: str
) -> None:
    (found,) = problems_of(write(tmp_path, "apps.json", text))

    assert found.startswith(problem)


def test_bad_json_names_its_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "apps.json", '{"jobtui": 1,\n  "applications": [}')

    (problem,) = problems_of(path)

    assert problem.endswith("at line 2, column 20")


def test_a_json_file_from_a_newer_jobtui_is_refused(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, "apps.json", interchange(version=2)))

    assert problem.startswith("written in format version 2 by a newer jobtui")


def test_every_bad_json_application_is_reported_with_its_field(tmp_path: Path) -> None:
    good = {"company": "Acme", "role": "Dev", "stage": "Applied"}
    event = {"kind": "reply", "at": "2026-11-01T10:00:00Z"}
    path = write(
        tmp_path,
        "apps.json",
        interchange(
            {**good, "id": "a1"},
            {**good, "events": [event, {"kind": "reply", "at": "last week"}]},
            {**good, "role": "", "stage": "Applied"},
            {**good, "stage": "Hired"},
            {**good, "events": [{"kind": "party", "at": "2026-11-01T10:00:00Z"}]},
            {**good, "events": [{**event, "kind": "followup", "type": "nag"}]},
            {**good, "salary": 100000},
            {**good, "bonus": "yes"},
            "Acme",
            {**good, "id": "a1", "company": "Acme\nLabs"},
            {**good, "id": "taken"},
            {**good, "contacts": [{"email": "x@y.example"}]},
            {
                **good,
                "events": [{**event, "kind": "interview", "duration_minutes": -5}],
            },
        ),
    )

    problems = problems_of(path, existing_ids={"taken"})

    assert problems[0] == (
        "applications[1] (Acme, Dev): events[1].at: "
        "not an ISO 8601 date-time: 'last week'"
    )
    assert problems[1] == "applications[2] (Acme): role: is required"
    assert problems[2].startswith(
        "applications[3] (Acme, Dev): stage: no stage called 'Hired' (stages: Applied,"
    )
    assert problems[3].startswith(
        "applications[4] (Acme, Dev): events[0].kind: unknown event kind 'party'"
    )
    assert problems[4].startswith(
        "applications[5] (Acme, Dev): events[0].type: unknown follow-up type 'nag'"
    )
    assert problems[5] == (
        "applications[6] (Acme, Dev): salary: expected a string, found a number"
    )
    assert problems[6] == "applications[7] (Acme, Dev): unknown field 'bonus'"
    assert problems[7] == "applications[8]: expected an object, found a string"
    assert problems[8] == (
        "applications[9] (Acme Labs, Dev): id: 'a1' appears twice "
        "(also at applications[0])"
    )
    assert problems[9].startswith(
        "applications[10] (Acme, Dev): id: 'taken' is already in the database"
    )
    assert problems[10] == "applications[11] (Acme, Dev): contacts[0].name: is required"
    assert problems[11].startswith(
        "applications[12] (Acme, Dev): events[0].duration_minutes: expected a whole"
    )
    assert len(problems) == 12


def test_an_empty_list_of_json_applications_imports_nothing_and_says_so(
    tmp_path: Path,
) -> None:
    result = read(write(tmp_path, "apps.json", interchange()))

    assert result.applications == []
    assert result.warnings == ["the file holds no applications: nothing to import"]


# Export


def sample() -> Application:
    """An application with a little of everything."""
    return Application(
        id="a1",
        company="Acme",
        role="Data Engineer",
        stage="Interviewing",
        applied=berlin(2026, 11, 3),
        url="https://acme.example/1",
        tags=["python", "remote"],
        notes='Said "yes",\nthen maybe',
        contacts=[Contact("Jane Doe", "jane@acme.example", "CTO"), Contact("Bo")],
        events=[
            StageChange(at=berlin(2026, 11, 3), from_stage=None, to_stage="Applied"),
            Interview(at=berlin(2026, 11, 9, 14), with_whom="Jane", notes="Spark"),
        ],
        created=NOW,
        updated=NOW,
    )


def test_json_export_is_sorted_indented_and_ends_in_a_newline() -> None:
    text = export_json([sample()])

    assert text.endswith("}\n")
    assert text.startswith('{\n  "applications": [\n    {\n      "applied": ')
    assert json.loads(text) == {
        "jobtui": 1,
        "applications": [application_to_dict(sample())],
    }


def test_json_export_lists_applications_oldest_first_whatever_the_order_given() -> None:
    older = Application(
        company="Zeta",
        role="R",
        stage="Applied",
        created=NOW.subtract(days=1),
        updated=NOW,
    )
    same_time = [
        Application(company=name, role="R", stage="Applied", created=NOW, updated=NOW)
        for name in ("beta", "Alpha")
    ]
    everything = [*same_time, older]

    assert export_json(everything) == export_json(reversed(everything))
    companies = [
        item["company"] for item in json.loads(export_json(everything))["applications"]
    ]
    assert companies == ["Zeta", "Alpha", "beta"]


def test_csv_export_writes_the_first_contact_and_the_local_applied_date() -> None:
    text = export_csv([sample()], BERLIN)

    assert text.split("\r\n") == [
        f"id,{HEADER.replace('salary,', 'salary,source,')}",
        "a1,Acme,Data Engineer,Interviewing,2026-11-03,https://acme.example/1,,,,"
        'Jane Doe,jane@acme.example,"Said ""yes"",\nthen maybe",python; remote',
        "",
    ]


def test_a_csv_applied_time_in_the_repeated_hour_keeps_its_offset(
    tmp_path: Path,
) -> None:
    # 02:30 happens twice in Berlin on 25 October 2026; this is the second.
    second = pendulum.datetime(2026, 10, 25, 1, 30, tz="UTC")
    application = Application(
        company="A", role="R", stage="Applied", applied=second, created=NOW, updated=NOW
    )

    text = export_csv([application], BERLIN)
    (imported,) = read(write(tmp_path, "apps.csv", text)).applications

    assert ",2026-10-25 02:30:00+01:00," in text
    assert imported.applied == second


# Round trips

STAGE_NAMES = STAGES.names
SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
TIMES = st.datetimes(
    min_value=pendulum.datetime(1990, 1, 1).naive(),
    max_value=pendulum.datetime(2100, 1, 1).naive(),
).map(lambda moment: pendulum.instance(moment, tz="UTC"))
NAMES = SAFE_TEXT.filter(lambda text: text.strip() != "")


def events() -> st.SearchStrategy[Event]:
    """Any history event, with random times and text."""
    return st.one_of(
        st.builds(
            StageChange,
            at=TIMES,
            from_stage=st.none() | st.sampled_from(STAGE_NAMES),
            to_stage=st.sampled_from(STAGE_NAMES),
        ),
        st.builds(
            FollowUp,
            at=TIMES,
            kind=st.sampled_from(MESSAGE_KINDS),
            text=SAFE_TEXT,
            channel=NAMES,
        ),
        st.builds(Reply, at=TIMES, summary=SAFE_TEXT),
        st.builds(
            Interview,
            at=TIMES,
            duration_minutes=st.integers(0, 600),
            with_whom=SAFE_TEXT,
            notes=SAFE_TEXT,
            decision_by=st.none() | TIMES,
        ),
        st.builds(Offer, at=TIMES, deadline=st.none() | TIMES, details=SAFE_TEXT),
    )


def applications() -> st.SearchStrategy[list[Application]]:
    """Lists of applications with distinct ids and random everything else."""
    one = st.builds(
        Application,
        id=st.uuids().map(str),
        company=NAMES,
        role=NAMES,
        stage=st.sampled_from(STAGE_NAMES),
        applied=st.none() | TIMES,
        url=SAFE_TEXT,
        location=SAFE_TEXT,
        salary=SAFE_TEXT,
        source=SAFE_TEXT,
        tags=st.lists(SAFE_TEXT, max_size=4),
        notes=SAFE_TEXT,
        contacts=st.lists(
            st.builds(Contact, name=NAMES, email=SAFE_TEXT, title=SAFE_TEXT),
            max_size=3,
        ),
        events=st.lists(events(), max_size=6),
        created=TIMES,
        updated=TIMES,
    )
    return st.lists(one, max_size=5, unique_by=lambda application: application.id)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(originals=applications())
def test_json_export_then_import_then_export_gives_the_same_bytes_and_objects(
    tmp_path_factory: pytest.TempPathFactory, originals: list[Application]
) -> None:
    exported = export_json(originals)
    path = write(tmp_path_factory.mktemp("round"), "apps.json", exported)

    imported = read(path).applications

    assert export_json(imported) == exported
    assert {item.id: item for item in imported} == {item.id: item for item in originals}


CELL_TEXT = SAFE_TEXT.map(str.strip)
TAG_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters=",;"), max_size=8
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    company=NAMES.map(str.strip),
    role=NAMES.map(str.strip),
    stage=st.sampled_from(STAGE_NAMES),
    applied=st.none() | TIMES.map(lambda moment: moment.replace(microsecond=0)),
    path_part=st.text(string.ascii_letters + string.digits + "/-_", max_size=10),
    cells=st.lists(CELL_TEXT, min_size=3, max_size=3),
    notes=SAFE_TEXT,
    contact=st.none() | NAMES.map(str.strip),
    tags=st.lists(TAG_TEXT, max_size=4),
    zone=st.sampled_from(["Europe/Berlin", "America/New_York", "Asia/Kolkata"]),
)
def test_csv_export_then_import_keeps_every_csv_column(
    tmp_path_factory: pytest.TempPathFactory,
    company: str,
    role: str,
    stage: str,
    applied: pendulum.DateTime | None,
    path_part: str,
    cells: list[str],
    notes: str,
    contact: str | None,
    tags: list[str],
    zone: str,
) -> None:
    location, salary, source = cells
    original = Application(
        company=company,
        role=role,
        stage=stage,
        applied=applied,
        url=f"https://jobs.example/{path_part}",
        location=location,
        salary=salary,
        source=source,
        notes=notes,
        tags=tags,
        contacts=[Contact(contact, "hr@jobs.example")] if contact else [],
        created=NOW,
        updated=NOW,
    )
    timezone = pendulum.timezone(zone)
    path = write(
        tmp_path_factory.mktemp("csv"), "apps.csv", export_csv([original], timezone)
    )

    (imported,) = read_import(path, stages=STAGES, now=NOW, zone=timezone).applications

    first = StageChange(at=applied or NOW, from_stage=None, to_stage=stage)
    assert imported == replace(original, events=[first])


def test_a_custom_stage_set_names_imported_stages_canonically(tmp_path: Path) -> None:
    stages = StageSet((Stage("Wishlist"), Stage("Ghosted", closed=True)))
    path = write(tmp_path, "apps.csv", "company,role,stage\nA,R,GHOSTED\nB,R,\n")

    result = read_import(path, stages=stages, now=NOW, zone=BERLIN)

    assert [item.stage for item in result.applications] == ["Ghosted", "Wishlist"]

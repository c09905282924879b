"""`jobtui log … snooze / handled`, and `jobtui due` honouring them."""

from __future__ import annotations

import json

from tests.cli_support import add


def due_ids(jobtui) -> list[str]:
    """The ids `jobtui due --json` lists."""
    result = jobtui("due", "--json")
    assert result.status == 0, result.err
    return [item["id"] for item in json.loads(result.out)]


def test_a_snoozed_follow_up_leaves_due_until_the_snooze_ends(jobtui) -> None:
    app_id = add(
        jobtui, "--company", "Acme", "--role", "SRE", "--applied", "10 days ago"
    )
    before = due_ids(jobtui)

    snoozed = jobtui("log", app_id, "snooze", "--type", "followup", "--until", "2b")
    during = due_ids(jobtui)

    assert app_id in before
    assert snoozed.status == 0, snoozed.err
    assert app_id not in during
    events = json.loads(jobtui("show", app_id, "--json").out)["events"]
    assert [event["kind"] for event in events] == ["stage", "snooze"]
    assert events[1]["type"] == "followup"


def test_a_snooze_that_has_ended_brings_the_follow_up_back(jobtui) -> None:
    app_id = add(
        jobtui, "--company", "Acme", "--role", "SRE", "--applied", "10 days ago"
    )

    result = jobtui(
        "log", app_id, "snooze", "--type", "followup",
        "--at", "2 days ago", "--until", "1 day ago", "--reason", "on holiday",
    )  # fmt: skip
    shown = jobtui("show", app_id)

    assert result.status == 0, result.err
    assert app_id in due_ids(jobtui)
    assert "snoozed until" in shown.out
    assert "follow-up snoozed until" in shown.out and "on holiday" in shown.out


def test_a_handled_follow_up_leaves_due_and_needs_a_reason(jobtui) -> None:
    app_id = add(
        jobtui, "--company", "Acme", "--role", "SRE", "--applied", "10 days ago"
    )

    refused = jobtui("log", app_id, "handled", "--type", "followup")
    handled = jobtui(
        "log", app_id, "handled", "--type", "followup", "--reason", "phoned Sam"
    )

    assert refused.status == 2 and "--reason" in refused.err
    assert handled.status == 0, handled.err
    assert app_id not in due_ids(jobtui)
    assert "follow-up handled: phoned Sam" in jobtui("show", app_id).out


def test_a_snooze_needs_a_type_and_a_time_after_it(jobtui) -> None:
    app_id = add(jobtui, "--company", "Acme", "--role", "SRE")

    untyped = jobtui("log", app_id, "snooze", "--until", "3d")
    backwards = jobtui(
        "log", app_id, "snooze", "--type", "followup", "--until", "2 days ago"
    )

    assert untyped.status == 2 and "--type" in untyped.err
    assert backwards.status == 2 and "--until" in backwards.err


def test_a_follow_up_of_another_type_can_be_logged(jobtui) -> None:
    app_id = add(jobtui, "--company", "Acme", "--role", "SRE")

    result = jobtui("log", app_id, "followup", "--type", "thank_you")
    wrong = jobtui("log", app_id, "followup", "--type", "move_on")

    assert result.status == 0, result.err
    assert wrong.status == 2 and "not a note you send" in wrong.err

"""What `jobtui due` prints: every opened follow-up window, most urgent first.

Both ways into the command print it: click's `due` command, and the quick path
a shell prompt takes (`jobtui.cli.quick`). Nothing here imports click.
"""

from __future__ import annotations

from jobtui.cli.context import Env
from jobtui.cli.output import due_json, due_row, json_text, table

HEADERS = ["STATE", "KIND", "APPLICATION", "WHEN", "DUE", "ID"]


def due_report(env: Env, at: str | None, *, as_json: bool, count: bool) -> str:
    """The text of `jobtui due` as of `at` (a time the user typed) or now.

    Args:
        as_json: a JSON list of the due follow-ups instead of a table.
        count: only how many follow-ups are due.

    Raises:
        InputError: `at` is not a time.
        DatabaseError: the database cannot be read.
    """
    env.now = env.when(at, "--at")
    store = env.reader()
    items = env.due(store.applications(), store.stages())

    if count:
        return str(len(items))
    if as_json:
        return json_text([due_json(item) for item in items])
    if not items:
        return "Nothing is due."
    rows = [due_row(item, env.now, env.zone) for item in items]
    return table(rows, HEADERS)

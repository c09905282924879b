"""Writing applications out as JSON or CSV for `jobtui export`.

Both formats list applications oldest first (then by company, role and id), so
that the same applications always give the same file, whatever order they
come in.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

import orjson
import pendulum

from jobtui.domain.codec import application_to_dict
from jobtui.domain.interchange import (
    CSV_COLUMNS,
    CSV_ID_COLUMN,
    FORMAT_VERSION,
    TAG_SEPARATOR,
)
from jobtui.domain.model import Application


def export_json(applications: Iterable[Application]) -> str:
    """The JSON interchange file: `{"jobtui": 1, "applications": [...]}`.

    Keys are sorted and indented and the text ends in a newline, so exports
    diff well; importing the file into an empty database and exporting again
    gives the same bytes.
    """
    document = {
        "jobtui": FORMAT_VERSION,
        "applications": [application_to_dict(item) for item in _ordered(applications)],
    }
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
    return orjson.dumps(document, option=options).decode() + "\n"


def export_csv(applications: Iterable[Application], zone: pendulum.Timezone) -> str:
    """A CSV file with a header row: `id` and then the columns import reads.

    CSV holds less than JSON: only the first contact is kept (its name and
    email, not its title); the history is not written (an import starts it
    afresh at the applied date); times lose their fractions of a second; and a
    tag that itself holds `;` or `,` comes back as two tags. The applied time is
    written in `zone` the way a person would type it, with the offset added
    only where the clock repeats an hour as it goes back.

    Rows end in CRLF, as RFC 4180 asks, and line breaks inside values are kept
    as they are; write the text with `newline=""` so that neither changes.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow((CSV_ID_COLUMN, *CSV_COLUMNS))
    for application in _ordered(applications):
        contact = application.primary_contact
        values = {
            "company": application.company,
            "role": application.role,
            "stage": application.stage,
            "applied": _local_text(application.applied, zone),
            "url": application.url,
            "location": application.location,
            "salary": application.salary,
            "source": application.source,
            "contact": contact.name if contact else "",
            "contact_email": contact.email if contact else "",
            "notes": application.notes,
            "tags": TAG_SEPARATOR.join(application.tags),
        }
        writer.writerow((application.id, *(values[name] for name in CSV_COLUMNS)))
    return out.getvalue()


def _ordered(applications: Iterable[Application]) -> list[Application]:
    return sorted(
        applications,
        key=lambda item: (
            item.created,
            item.company.casefold(),
            item.role.casefold(),
            item.id,
        ),
    )


def _local_text(moment: pendulum.DateTime | None, zone: pendulum.Timezone) -> str:
    """A time as `parse_when` reads it back: a bare date when it is midnight."""
    if moment is None:
        return ""
    local = moment.in_timezone(zone).replace(microsecond=0)
    naive = local.naive()

    # In the hour the clocks go back, a wall-clock time names two instants;
    # only there is the offset needed to say which one. Timestamps, because
    # times in one zone compare by their wall clocks alone.
    if zone.convert(naive).timestamp() != local.timestamp():
        return local.format("YYYY-MM-DD HH:mm:ssZ")
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return local.format("YYYY-MM-DD")
    if local.second:
        return local.format("YYYY-MM-DD HH:mm:ss")
    return local.format("YYYY-MM-DD HH:mm")

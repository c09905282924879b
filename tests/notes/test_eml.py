"""A draft saved as .eml opens in a mail program as an unsent message."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pendulum

from jobtui.domain.notes.draft import Draft
from jobtui.domain.notes.eml import draft_to_eml, save_eml

NOW = pendulum.datetime(2026, 11, 4, 10, 0, tz="UTC")
DRAFT = Draft("tomas@beacon.example", "Gracias — Tomás", "Hi Tomás,\n\nThanks.\n")


def test_the_message_is_marked_unsent_with_its_headers() -> None:
    message = message_from_bytes(draft_to_eml(DRAFT, now=NOW), policy=default)

    assert message["To"] == "tomas@beacon.example"
    assert message["Subject"] == "Gracias — Tomás"
    assert message["Date"] == "Wed, 04 Nov 2026 10:00:00 +0000"
    assert message["X-Unsent"] == "1"
    assert message["MIME-Version"] == "1.0"
    assert message.get_content_charset() == "utf-8"
    # Lines end in CRLF, as on the wire.
    assert message.get_content() == "Hi Tomás,\r\n\r\nThanks.\r\n"
    assert message["From"] is None


def test_a_sender_is_written_when_known() -> None:
    message = message_from_bytes(
        draft_to_eml(DRAFT, sender="Sam Lee <sam@example.org>", now=NOW),
        policy=default,
    )

    assert message["From"] == "Sam Lee <sam@example.org>"


def test_a_draft_without_a_recipient_has_no_to_line() -> None:
    message = message_from_bytes(draft_to_eml(Draft("", "Hi", "Body"), now=NOW))

    assert message["To"] is None


def test_saving_twice_never_overwrites_the_first_file(tmp_path: Path) -> None:
    first = save_eml(DRAFT, tmp_path / "outbox", name="Beacon / thank_you", now=NOW)
    second = save_eml(DRAFT, tmp_path / "outbox", name="Beacon / thank_you", now=NOW)

    assert first.name == "Beacon-thank_you.eml"
    assert second.name == "Beacon-thank_you-2.eml"
    assert first.read_bytes() == draft_to_eml(DRAFT, now=NOW)

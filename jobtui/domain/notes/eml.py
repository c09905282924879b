"""Drafts as .eml files: a mail program opens one as an unsent message to edit."""

from __future__ import annotations

import itertools
import re
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

from pendulum import DateTime

from jobtui.domain.errors import DatabaseError
from jobtui.domain.files import write_atomically
from jobtui.domain.notes.draft import Draft

_UNSAFE = re.compile(r"[^\w-]+")


def draft_to_eml(draft: Draft, *, sender: str | None = None, now: DateTime) -> bytes:
    """The draft as an RFC 5322 message, marked `X-Unsent: 1` so it opens as a draft."""
    message = EmailMessage(policy=SMTP)
    if sender:
        message["From"] = sender
    if draft.recipient.strip():
        message["To"] = draft.recipient.strip()
    message["Subject"] = draft.subject
    message["Date"] = format_datetime(now)
    message["X-Unsent"] = "1"
    message.set_content(draft.body, charset="utf-8")
    return message.as_bytes()


def save_eml(
    draft: Draft,
    folder: Path,
    *,
    name: str,
    now: DateTime,
    sender: str | None = None,
) -> Path:
    """Write the draft as `<folder>/<name>.eml` (made safe, never over another file).

    Raises:
        DatabaseError: the folder or file cannot be written.
    """
    stem = _UNSAFE.sub("-", name).strip("-") or "note"
    payload = draft_to_eml(draft, sender=sender, now=now)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for number in itertools.count(1):
            path = folder / (f"{stem}.eml" if number == 1 else f"{stem}-{number}.eml")
            if not path.exists():
                break
        write_atomically(path, payload)
    except OSError as error:
        raise DatabaseError(f"cannot save {folder}: {error.strerror}") from error
    return path

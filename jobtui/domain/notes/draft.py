"""A draft: a note as it stands while the user writes it, not yet sent."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Draft:
    """Who a note goes to, its subject line and its body."""

    recipient: str
    subject: str
    body: str

"""Checks of single values a user types: web addresses and email addresses."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from jobtui.domain.errors import InputError

_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]{2,}$")


def check_url(text: str, where: str = "url") -> str:
    """A job posting address, trimmed; empty is allowed, anything else must be http(s).

    Raises:
        InputError: when the address has no http(s) scheme or no host.
    """
    url = text.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(where, f"not a web address: {url!r} (expected https://...)")
    if " " in url:
        raise InputError(where, f"a web address cannot contain spaces: {url!r}")
    return url


def check_email(text: str, where: str = "email") -> str:
    """An email address, trimmed; empty is allowed.

    Raises:
        InputError: when the text does not look like name@example.com.
    """
    email = text.strip()
    if email and not _EMAIL.match(email):
        raise InputError(where, f"not an email address: {email!r}")
    return email

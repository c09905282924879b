"""What the command line's tests share: the result of a run, and adding one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Result:
    """What one run of the command line printed and returned."""

    status: int
    out: str
    err: str


def add(jobtui, *args: str) -> str:
    """Add an application and return its id."""
    result = jobtui("add", *args)
    assert result.status == 0, result.err
    return result.out.strip()

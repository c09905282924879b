"""What the command line's tests share: a run's result, adding one, a held lock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HOLDER = (
    "import sys, time; from pathlib import Path;"
    "from jobtui.domain.storage import Store;"
    "s = Store.open(Path(sys.argv[1]), writable=True);"
    "print('held', flush=True); time.sleep(30)"
)


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


@contextmanager
def lock_held_elsewhere(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the database's writer lock while the block runs."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()

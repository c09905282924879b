"""How fast `jobtui due` answers on 1,000 applications, against a bare import.

The target: within twice the time Python alone takes to import pendulum and
tinydb. Both are measured here in the same run, as whole processes taking turns,
and the script prints the medians and the ratio.

Run: python benchmarks/bench_due.py [--applications 1000] [--runs 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pendulum

from jobtui.domain.demo import demo_applications
from jobtui.domain.model import Application
from jobtui.domain.storage import Store
from jobtui.domain.times import utc_now


def jobtui_command(*args: str) -> list[str]:
    """The `jobtui` command a user types, with `args`, installed with this Python.

    The script pip puts beside the interpreter, as the user runs it; in an
    environment without one, `python -m jobtui` (which also imports runpy).
    """
    script = Path(sys.executable).with_name("jobtui")
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-m", "jobtui", *args]


def build_applications(count: int, now: pendulum.DateTime) -> list[Application]:
    """`count` realistic applications, cycled from the demo with shifted dates."""
    rng = random.Random(7)
    applications = []
    while len(applications) < count:
        shift = rng.randint(0, 120)
        for application in demo_applications(now.subtract(days=shift)):
            application.company = f"{application.company} {len(applications)}"
            applications.append(application)
    return applications[:count]


def time_processes(commands: list[list[str]], runs: int) -> list[float]:
    """The median wall time of each command, in milliseconds, after a warm-up run.

    The commands take turns, run after run, so that the machine growing faster
    or slower during the benchmark touches them all alike.
    """
    for command in commands:
        subprocess.run(command, check=True, capture_output=True)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command, taken in zip(commands, times, strict=True):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            taken.append((time.perf_counter() - started) * 1000)
    return [statistics.median(taken) for taken in times]


def main() -> None:
    """Build a database, time both processes, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "applications.json"
        now = utc_now()
        with Store.open(path, writable=True) as store:
            store.add_many(build_applications(options.applications, now), now=now)

        baseline, due, due_json = time_processes(
            [
                [sys.executable, "-c", "import pendulum, tinydb"],
                jobtui_command("--db", str(path), "due"),
                jobtui_command("--db", str(path), "due", "--json"),
            ],
            options.runs,
        )

    print(f"applications:                 {options.applications}")
    print(f"python -c 'import pendulum, tinydb': {baseline:7.1f} ms (median)")
    print(f"jobtui due:                   {due:7.1f} ms (median)")
    print(f"jobtui due --json:            {due_json:7.1f} ms (median)")
    print(f"ratio due / import:           {due / baseline:7.2f} (target <= 2.0)")


if __name__ == "__main__":
    main()

"""How fast the store is at 1,000 and 10,000 applications: a script, not a test.

Run it with `python benchmarks/bench_store.py [SIZE ...]`. Each size runs in a
process of its own, so that import time and peak memory are its alone. It
prints, best and median of several repetitions: opening and loading every
application (`Store.open` and `applications()`), one durable `save()`, one
`add()`, and the peak memory of the process. Targets on a 2-core machine: open
10,000 within 300 ms; one durable update within 10 ms at 1,000 and 60 ms at
10,000.
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobtui.domain.model import Application, Event

SIZES = (1_000, 10_000)
REPEATS = 15
COMPANIES = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne")
ROLES = ("Backend Engineer", "Data Engineer", "SRE", "Product Designer", "QA Lead")
TARGETS_MS = {
    "open": {10_000: 300.0},
    "save": {1_000: 10.0, 10_000: 60.0},
}


def main() -> None:
    """Run every size asked for (or both) in its own process and print the figures."""
    sizes = [int(size) for size in sys.argv[1:] if size.isdigit()] or list(SIZES)
    if "--one" in sys.argv:
        measure(sizes[0])
        return
    for size in sizes:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


def measure(size: int) -> None:
    """Build a database of `size` applications in a temp folder and time the store."""
    started = time.perf_counter()
    from jobtui.domain.storage import Store

    import_ms = (time.perf_counter() - started) * 1000

    with tempfile.TemporaryDirectory(prefix="jobtui-bench-") as folder:
        path = Path(folder) / "applications.json"
        applications = realistic_applications(size)
        started = time.perf_counter()
        with Store.open(path, writable=True) as store:
            store.add_many(applications)
        import_s = time.perf_counter() - started
        print(f"\n{size:,} applications, {path.stat().st_size / 1e6:.1f} MB on disk")
        print(f"  import jobtui.domain.storage {import_ms:6.1f} ms")
        print(f"  add_many (one write)        {import_s * 1000:7.1f} ms")

        def open_and_load() -> object:
            store = Store.open(path, writable=False)
            return store, store.applications()

        report("open + applications()", time_it(open_and_load), "open", size)

        with Store.open(path, writable=True) as store:
            rng = random.Random(7)
            ids = [application.id for application in store.applications()]
            started = time.perf_counter()
            first = store.get(ids[0])
            first.notes = "backed up first"
            store.save(first)
            print(f"  first save (with backup)    {_ms(started):7.1f} ms")

            def save_one() -> None:
                application = store.get(rng.choice(ids))
                application.notes = f"note {rng.random()}"
                store.save(application)

            def add_one() -> None:
                store.add(realistic_applications(1, seed=rng.randrange(10**9))[0])

            report("save() one durable update", time_it(save_one), "save", size)
            report("add() one insert", time_it(add_one), "add", size)

        tracemalloc.start()
        Store.open(path, writable=False).applications()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  peak traced while loading   {peak / 1e6:7.1f} MB")
        # Linux reports kilobytes, macOS bytes.
        scale = 1 if sys.platform == "darwin" else 1024
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
        print(f"  peak resident (process)     {rss / 1e6:7.1f} MB")


def time_it(action: Callable[[], object], repeats: int = REPEATS) -> list[float]:
    """Milliseconds taken by each of several runs of `action`.

    What an action returns is let go only after its clock stops: freeing 10,000
    applications is the caller's cost, later, not part of opening them.
    """
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append(_ms(started))
        del result
    return times


def report(label: str, times: list[float], target: str, size: int) -> None:
    """One line of figures, with the target it is held to if there is one."""
    goal = TARGETS_MS.get(target, {}).get(size)
    best, median = min(times), statistics.median(times)
    verdict = ""
    if goal is not None:
        verdict = f"  (target {goal:.0f} ms: {'met' if median <= goal else 'MISSED'})"
    print(f"  {label:<27} best {best:6.1f} ms, median {median:6.1f} ms{verdict}")


def realistic_applications(count: int, seed: int = 1) -> list[Application]:
    """Applications with the history a real search gives them: several events each."""
    from jobtui.domain.model import (
        Application,
        Contact,
        FollowUp,
        Interview,
        Kind,
        Offer,
        Reply,
        StageChange,
    )
    from jobtui.domain.times import utc_now

    rng = random.Random(seed)
    now = utc_now()
    applications = []
    for number in range(count):
        applied = now.subtract(days=rng.randint(1, 300), minutes=rng.randint(0, 1440))
        events: list[Event] = [
            StageChange(at=applied, from_stage=None, to_stage="Applied")
        ]
        events.append(
            FollowUp(
                at=applied.add(days=8),
                kind=Kind.FOLLOWUP,
                text="Hi Sam, I applied last week and wanted to check on the role.",
            )
        )
        stage = "Applied"
        if rng.random() < 0.6:
            events.append(Reply(at=applied.add(days=10), summary="Keen to talk"))
            events.append(
                StageChange(
                    at=applied.add(days=10),
                    from_stage="Applied",
                    to_stage="Interviewing",
                )
            )
            events.append(
                Interview(
                    at=applied.add(days=14),
                    with_whom="Sam Lee, hiring manager",
                    notes="Talked through the event pipeline and their on-call rota.",
                )
            )
            stage = "Interviewing"
        if rng.random() < 0.1:
            events.append(Offer(at=applied.add(days=30), deadline=applied.add(days=37)))
            stage = "Offer"
        applications.append(
            Application(
                company=f"{rng.choice(COMPANIES)} {number}",
                role=rng.choice(ROLES),
                stage=stage,
                applied=applied,
                url=f"https://jobs.example.com/{number}",
                location=rng.choice(("Remote", "London", "Berlin", "Lisbon")),
                salary="€70-85k",
                source=rng.choice(("LinkedIn", "Referral", "Company site")),
                tags=rng.sample(["python", "remote", "startup", "fintech"], 2),
                notes="Referred by Alex; ask about the team's release process.",
                contacts=[Contact("Sam Lee", "sam@example.com", "Hiring manager")],
                events=events,
                created=applied,
                updated=applied,
            )
        )
    return applications


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()

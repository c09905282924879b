"""Opening the board: the only command that imports Textual."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from jobtui.cli.context import Env
from jobtui.domain.storage import Store

# How long, in seconds, the main thread holds the interpreter before a waiting
# thread (Textual's output) gets its turn.
SWITCH_INTERVAL = 0.001


def open_board(env: Env) -> None:
    """Run the board on the environment's database, holding the writer lock.

    The board takes the lock once it has drawn the cards (see `JobtuiApp`):
    importing what takes it would hold the first frame up by some 9 ms.

    Raises:
        DatabaseError: the writer lock could not be taken (LockedError: another
            process holds it); the board has closed.
    """
    # The `jobtui` process starts with the cycle collector off. It stays off
    # through Textual's import and the loading of the cards, which make millions
    # of objects and no garbage; the board screen turns it on once they are
    # loaded, since the board runs for hours.
    from jobtui.interface.app import JobtuiApp

    # Textual writes each frame from a thread of its own, which must wait for
    # the interpreter while the main thread works on; by default it waits 5 ms.
    sys.setswitchinterval(SWITCH_INTERVAL)
    store = Store.open(env.db_path, writable=True, lock_later=True)
    try:
        app = JobtuiApp(store=store, settings=env.settings)
        app.run()
    finally:
        store.close()
    if app.locked_out is not None:
        raise app.locked_out


def open_demo(env: Env) -> None:
    """Run the board on demo data in a temporary folder, removed afterwards."""
    # Imported here: the board on the user's own data does not wait for it.
    from jobtui.domain.demo import demo_applications

    with tempfile.TemporaryDirectory(prefix="jobtui-demo-") as folder:
        demo_env = Env(db_path=Path(folder) / "demo.json", now=env.now)
        with demo_env.writer() as store:
            store.add_many(demo_applications(env.now), now=env.now)
        open_board(demo_env)

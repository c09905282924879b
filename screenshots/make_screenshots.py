"""Make the README's screenshots: five screens of the demo, frozen at one moment.

Run it from the repository root, with jobtui installed:

    python screenshots/make_screenshots.py            # into screenshots/
    python screenshots/make_screenshots.py --out DIR  # anywhere else

The demo's applications go into a temporary folder, which is also the working
folder and the config folder while the app runs, so neither the user's data nor
their settings, theme or templates play a part. The clock is stopped at Tuesday
3 November 2026, 09:00 UTC, so every run draws the same screens, byte for byte.
Textual exports each screen as SVG itself; the keys pressed to reach it are the
user's own. The board hides its closed stage (Rejected, as `c` does), so the
five open stages fit the width.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from collections.abc import Iterator
from contextlib import chdir, contextmanager
from pathlib import Path

import pendulum
from textual.pilot import Pilot

from jobtui.domain.demo import demo_applications
from jobtui.domain.paths import CONFIG_ENV, DB_ENV
from jobtui.domain.settings import Settings
from jobtui.domain.store import Store
from jobtui.domain.uistate import CLOSED_HIDDEN, UiState, save_ui_state
from jobtui.interface.app import JobtuiApp

FOLDER = Path(__file__).resolve().parent
FROZEN = pendulum.datetime(2026, 11, 3, 9, tz="UTC")
# The five open stages' columns, of 30 cells each, side by side.
SIZE = (150, 40)
# Kestrel Security's interview ended this morning: its thank-you note is due,
# and the composer fills it in with what was discussed.
COMPANY = "Kestrel Security"
SETTINGS = Settings(timezone="UTC", your_name="Sam Rivera")

BOARD = "board.svg"
DETAIL = "detail.svg"
THANK_YOU = "thank-you.svg"
TODAY = "today.svg"
NUMBERS = "numbers.svg"
NAMES = (BOARD, DETAIL, THANK_YOU, TODAY, NUMBERS)


def main(argv: list[str] | None = None) -> None:
    """Write the screenshots into the folder given (this one by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=FOLDER, help="folder for the SVG files"
    )
    out: Path = parser.parse_args(argv).out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for path in asyncio.run(take_screenshots(out)):
        print(path)


async def take_screenshots(out: Path) -> list[Path]:
    """Open the demo board in a scratch folder and save each screen into `out`.

    Returns:
        The files written, in the order taken.
    """
    with tempfile.TemporaryDirectory(prefix="jobtui-screenshots-") as scratch:
        folder = Path(scratch)
        with _scratch_environment(folder):
            save_ui_state(UiState(closed_stages=CLOSED_HIDDEN))
            store = _demo_store(folder / "demo.json")
            try:
                app = JobtuiApp(store=store, settings=SETTINGS, clock=_clock)
                return await _take(app, out)
            finally:
                store.close()


async def _take(app: JobtuiApp, out: Path) -> list[Path]:
    """Walk the app from screen to screen with its keys, saving each one."""
    app.animation_level = "none"
    saved: list[Path] = []

    async def save(pilot: Pilot[None], name: str) -> None:
        await _settle(pilot)
        saved.append(out / name)
        app.save_screenshot(filename=name, path=str(out))

    async with app.run_test(size=SIZE) as pilot:
        await save(pilot, BOARD)

        app.go_to_application(_app_id(app, COMPANY))
        await pilot.press("enter")
        await save(pilot, DETAIL)
        await pilot.press("escape")

        await pilot.press("w")
        await save(pilot, THANK_YOU)
        await pilot.press("escape")

        await pilot.press("t")
        await save(pilot, TODAY)
        await pilot.press("escape")

        await pilot.press("S")
        await save(pilot, NUMBERS)
        await pilot.press("escape")

    return saved


async def _settle(pilot: Pilot[None]) -> None:
    """Let the screen finish laying out and drawing before it is exported."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _clock() -> pendulum.DateTime:
    """The frozen moment the demo is built around."""
    return FROZEN


def _app_id(app: JobtuiApp, company: str) -> str:
    """The id of the application at a company."""
    return next(a.id for a in app.workspace.applications() if a.company == company)


def _demo_store(path: Path) -> Store:
    """A writable store at `path` holding the demo as of the frozen moment."""
    with Store.open(path, writable=True) as store:
        store.add_many(demo_applications(FROZEN), now=FROZEN)
    return Store.open(path, writable=True)


@contextmanager
def _scratch_environment(folder: Path) -> Iterator[None]:
    """Work in `folder`, with jobtui's database and config folder inside it."""
    wanted = {DB_ENV: str(folder / "demo.json"), CONFIG_ENV: str(folder / "config")}
    before = {name: os.environ.get(name) for name in wanted}
    os.environ.update(wanted)
    try:
        with chdir(folder):
            yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


if __name__ == "__main__":
    main()

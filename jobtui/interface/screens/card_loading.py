"""How the board's cards get their follow-up windows as the board opens.

A few hundred applications are loaded with their windows, sorted by urgency,
before the first frame. From `WINDOWS_LATER_FROM` on, the cards show first, in
the order of their latest activity, and their windows (some 15 microseconds
each) are worked out right after the first frame: in one go below
`WINDOWS_IN_TURNS_FROM`, else a turn at a time while keys are answered. The
cycle collector stays off while the cards are built, and is turned on once
they are all in place.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from jobtui.domain.model import Application
from jobtui.domain.times import seconds_since_epoch
from jobtui.interface.board.cards import Card

if TYPE_CHECKING:
    from jobtui.interface.screens.board import BoardScreen

WINDOWS_LATER_FROM = 500
WINDOWS_IN_TURNS_FROM = 2000
# A turn takes some 1.5 ms, so that a key waits no longer for one.
WINDOWS_PER_TURN = 100
# A pause after each turn: Textual answers a key in a chain of many small
# steps, each waiting for the next pass of the event loop; without a pause,
# every pass would also wait for a whole turn.
TURN_PAUSE = 0.001


class CardLoader:
    """Loads the board screen's cards, and gives them their windows in time.

    Args:
        screen: the board screen, whose model, workspace and board it fills.
    """

    def __init__(self, screen: BoardScreen) -> None:
        self.screen = screen
        # Set but while a change waits to be drawn (see `hold`).
        self._drawn = asyncio.Event()
        self._drawn.set()

    def load(self) -> None:
        """Build every card: sorted at once when few, else sorted once shown."""
        applications = self.screen.workspace.applications()
        model, now = self.screen.model, self.screen.clock()
        with _no_collection():
            if len(applications) >= WINDOWS_LATER_FROM:
                model.load_provisional(applications, now)
            else:
                model.load(applications, now)

    def start(self) -> None:
        """Once the screen is mounted: the windows still to work out, then on."""
        screen = self.screen
        if screen.model.settled:
            screen.call_after_refresh(_collect_from_now_on)
        elif len(screen.model.cards) < WINDOWS_IN_TURNS_FROM:
            # Queued behind the first frame, which Textual draws once mounted.
            screen.call_later(self._windows_at_once)
        else:
            screen.call_after_refresh(self._work_out_windows)

    def hold(self) -> None:
        """Let the screen draw a change before the windows are worked on again."""
        self._drawn.clear()
        self.screen.call_after_refresh(self._drawn.set)

    def _windows_at_once(self) -> None:
        """Compute every window in one go, the cards being few enough."""
        build = self._card_builder()
        built = {app.id: build(app) for app in self.screen.workspace.applications()}
        self._settle(built)

    def _work_out_windows(self) -> None:
        """Compute every window, once the cards are on screen."""
        self.screen.run_worker(
            self._windows_in_turns(), group="windows", exclusive=True
        )

    async def _windows_in_turns(self) -> None:
        """Every window, a few at a time, so that keys are answered meanwhile.

        Not on a thread: a thread busy computing would hold the interpreter for
        5 ms at a time whenever the screen wants it. The cards are built here
        too, so that only their sorting is left for one go at the end; and the
        work waits while a moved card is still to be drawn.
        """
        applications = self.screen.workspace.applications()
        build = self._card_builder()
        built: dict[str, Card] = {}
        for start in range(0, len(applications), WINDOWS_PER_TURN):
            await self._drawn.wait()
            for application in applications[start : start + WINDOWS_PER_TURN]:
                built[application.id] = build(application)
            await asyncio.sleep(TURN_PAUSE)
        await self._drawn.wait()
        self._settle(built)

    def _card_builder(self) -> Callable[[Application], Card]:
        """A card with its window, at the moment the board was loaded."""
        model = self.screen.model
        now = model.now
        assert now is not None
        window_of, moment = model.window_of, seconds_since_epoch(now)
        return lambda application: Card.build(
            application, window_of(application, now), moment
        )

    def _settle(self, built: dict[str, Card]) -> None:
        """Put the cards with their windows in place, sorted by urgency."""
        with _no_collection():
            self.screen.model.settle_cards(built)
        _collect_from_now_on()
        # The order changed from the latest activity to urgency: the cursor
        # goes to the top, to the most urgent, as if the board had just opened.
        self.screen.board.reload(to_top=True)


@contextmanager
def _no_collection() -> Iterator[None]:
    """Build cards without the garbage collector, then keep it off what was built.

    Ten thousand applications are millions of objects: a full collection
    walking them would hold the screen still for a good part of a second, and
    they stay for the whole run anyway.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _collect_from_now_on() -> None:
    """Turn the cycle collector on, now that every card is loaded and frozen.

    The `jobtui` process starts with it off, so that start-up is not spent
    searching objects that are not garbage; the board runs for hours.
    """
    gc.freeze()
    gc.enable()

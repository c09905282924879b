"""What the board's tests share: a store of demo data, a clock to move, the app."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pendulum
import pytest
from pendulum import DateTime

from jobtui.domain.demo import demo_applications
from jobtui.domain.model import Application
from jobtui.domain.settings import Settings
from jobtui.domain.store import Store
from jobtui.interface.app import JobtuiApp
from jobtui.interface.board.board import Board
from jobtui.interface.board.column import CARD_HEIGHT, StageColumn
from jobtui.interface.screens import card_loading

# Tuesday 3 November 2026, 09:00 UTC: the demo is built around this instant.
FROZEN = pendulum.datetime(2026, 11, 3, 9, tz="UTC")
SETTINGS = Settings(timezone="UTC")
SIZE = (100, 30)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: DateTime = FROZEN) -> None:
        self.now = now

    def __call__(self) -> DateTime:
        return self.now

    def advance(self, **span: float) -> None:
        """Move the clock forward."""
        self.now = self.now.add(**span)


def demo_store(
    folder: Path, applications: Iterable[Application] | None = None
) -> Store:
    """A writable store in `folder` holding the demo (or the applications given)."""
    path = folder / "applications.json"
    with Store.open(path, writable=True) as store:
        chosen = demo_applications(FROZEN) if applications is None else applications
        store.add_many(list(chosen), now=FROZEN)
    return Store.open(path, writable=True)


def board_app(
    store: Store, clock: Clock | None = None, settings: Settings = SETTINGS
) -> JobtuiApp:
    """The app over the store, at the clock's time, with animations off."""
    app = JobtuiApp(store=store, settings=settings, clock=clock or Clock())
    app.animation_level = "none"
    return app


def board_of(app: JobtuiApp) -> Board:
    """The board on the app's board screen."""
    return app.query_one(Board)


def column(app: JobtuiApp, stage: str) -> StageColumn:
    """The column of a stage."""
    return next(column for column in board_of(app).columns if column.stage == stage)


def companies(app: JobtuiApp, stage: str) -> list[str]:
    """The companies in a column, in the order shown."""
    board = board_of(app)
    cards = column(app, stage).list.cards
    return [board.model.cards[key[-1]].application.company for key in cards.shown]


def focused_company(app: JobtuiApp) -> str | None:
    """The company of the card under the cursor."""
    card = board_of(app).focused_card
    return card.application.company if card is not None else None


def stage_on_disk(store: Store, company: str) -> str:
    """The stage the file holds for a company, once every write is done."""
    with Store.open(store.path, writable=False) as reader:
        return next(a.stage for a in reader.applications() if a.company == company)


def card_offset(index: int) -> tuple[int, int]:
    """A point on the role line of the card at `index`, relative to its card list."""
    return (4, index * CARD_HEIGHT + 2)


def sort_after_drawing(
    monkeypatch: pytest.MonkeyPatch, *, in_turns_from: int = 10, per_turn: int = 0
) -> None:
    """Have even the demo's board show its cards before it works out their windows.

    Args:
        in_turns_from: from this many applications, in turns (else in one go).
        per_turn: how many windows a turn works out; 0 leaves the app's own.
    """
    monkeypatch.setattr(card_loading, "WINDOWS_LATER_FROM", 10)
    monkeypatch.setattr(card_loading, "WINDOWS_IN_TURNS_FROM", in_turns_from)
    if per_turn:
        monkeypatch.setattr(card_loading, "WINDOWS_PER_TURN", per_turn)

"""Fixtures the board's tests share: the demo in a store of its own, the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jobtui.domain.store import Store
from jobtui.interface.app import JobtuiApp
from tests.interface.board_support import board_app, demo_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """The demo's applications in a store of their own."""
    store = demo_store(tmp_path)
    yield store
    store.close()


@pytest.fixture
def app(store: Store) -> JobtuiApp:
    """The board over the demo, at the frozen time."""
    return board_app(store)

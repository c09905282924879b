"""The board benchmark's pieces at a tiny size: a smoke test, timing nothing."""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The benchmark script, imported the way it imports its neighbours."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("bench_board")


def screen(text: str) -> SimpleNamespace:
    """Something with a screen's text, for the benchmark's conditions."""
    return SimpleNamespace(text=lambda: text)


def test_the_database_holds_as_many_applications_as_asked(
    bench: ModuleType, tmp_path: Path
) -> None:
    board = bench.build_board(tmp_path, 30)

    assert sum(board.counts().values()) == 30
    assert board.stages[0] == "Applied"
    assert board.companies
    assert all(len(name) <= bench.CARD_PREFIX for name in board.companies)


def test_stage_counts_are_read_beside_the_first_mention_of_each_stage(
    bench: ModuleType,
) -> None:
    text = (
        "1 Applied       4,000  2 Under Review (800)  3 Phone Screen · 12\n"
        "Northwind 3  applied 9 days ago\n"
        "Offer: 7   Rejected 3 d ago"
    )
    stages = ("Applied", "Under Review", "Phone Screen", "Offer", "Rejected")

    counts = bench.stage_counts(text, stages)

    assert counts == {
        "Applied": 4000,
        "Under Review": 800,
        "Phone Screen": 12,
        "Offer": 7,
    }


def test_the_card_mode_waits_for_a_company_of_the_first_stage(
    bench: ModuleType, tmp_path: Path
) -> None:
    board = bench.Board(tmp_path, 5, ("Applied", "Offer"), ("Northwind ",))
    counts = Counter({"Applied": 4, "Offer": 1})
    card = bench.ready_condition("card", board, counts)
    column = bench.ready_condition("column", board, counts)

    assert column(screen("Applied (4)"))
    assert not card(screen("Applied (4)"))
    assert card(screen("Applied (4)\nNorthwind Analytics 3"))
    assert not card(screen("Applied (0)\nNorthwind Analytics 3"))


def test_a_move_is_seen_when_one_card_passes_to_the_next_stage(
    bench: ModuleType,
) -> None:
    stages = ("Applied", "Under Review", "Offer")
    moved = bench.moved_condition({"Applied": 5, "Under Review": 2, "Offer": 1}, stages)

    assert moved(screen("Applied 4  Under Review 3  Offer 1"))
    assert not moved(screen("Applied 5  Under Review 2  Offer 1"))
    assert not moved(screen("Applied 4  Under Review 2  Offer 2"))


def test_both_apps_reach_the_screen_in_a_pty_and_quit(
    bench: ModuleType, tmp_path: Path
) -> None:
    pytest.importorskip("pyte")
    env = bench.child_env(tmp_path / "config")
    minimal = [sys.executable, str(BENCHMARKS / "minimal_app.py")]
    board = bench.build_board(tmp_path, 12)
    ready = bench.ready_condition("column", board, board.counts())
    command = [sys.executable, "-m", "jobtui", "--db", str(board.path)]

    for program, condition in (
        (minimal, bench.text_visible(bench.LINE)),
        (command, ready),
    ):
        took, terminal = bench.time_startup(program, env, condition, (80, 24))
        terminal.stop()
        assert took is not None, terminal.text()
        assert terminal.exit_code == 0

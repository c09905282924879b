"""The board benchmark's figures and the table it prints of them."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MOVE_TARGET_MS = 100.0


@dataclass(frozen=True)
class Move:
    """One card moved by key, in milliseconds; None for what was never seen.

    `drawn` counts from the move key to the counts showing the card in its new
    stage, `saved` from the move key to the database file being rewritten,
    `cursor` and `palette` from each key to its answer on screen.
    """

    key: str
    drawn: float | None
    cursor: float | None
    palette: float | None
    saved: float | None
    cursor_before_saved: bool | None


def median(values: Sequence[float | None]) -> float | None:
    """The median of the values that were measured; None if none was."""
    seen = [value for value in values if value is not None]
    return statistics.median(seen) if seen else None


def print_report(
    heading: str,
    startups: Mapping[str, Sequence[float | None]],
    moves: Mapping[int, Sequence[Move | None]],
    runs: int,
    targets: Mapping[int, float],
) -> None:
    """Print the start-up table and the move table."""
    baseline = median(startups["minimal"])
    print(f"{heading}, {runs} runs")
    print(f"{'':22}{'median':>9}{'fastest':>9}{'slowest':>9}{'x minimal':>11}  target")
    for label, values in startups.items():
        print(_startup_row(label, values, baseline, targets))

    print()
    print("A card moved by key, then a cursor key and ctrl+p while it saves (median)")
    print(
        f"{'':22}{'key':<12}{'redrawn':>9}  {'target':<12}"
        f"{'cursor':>8}{'ctrl+p':>8}{'saved':>8}"
    )
    for size, sampled in moves.items():
        print(_move_row(size, sampled))
    print("(ms; saved: from the move key until the database file was rewritten)")


def _startup_row(
    label: str,
    values: Sequence[float | None],
    baseline: float | None,
    targets: Mapping[int, float],
) -> str:
    """One line of the start-up table."""
    name = (
        "minimal Textual app" if label == "minimal" else f"{int(label):,} applications"
    )
    seen = [value for value in values if value is not None]
    if not seen:
        return f"{name:22}{'not seen':>9}"
    row = f"{name:22}{_ms(median(seen))}{_ms(min(seen))}{_ms(max(seen))}"
    if len(seen) < len(values):
        row += f"  (seen in {len(seen)} of {len(values)})"
    if label == "minimal" or baseline is None:
        return row

    ratio = statistics.median(seen) / baseline
    row += f"{ratio:>11.2f}"
    target = targets.get(int(label))
    if target is not None:
        row += f"  <= {target}  {'met' if ratio <= target else 'MISSED'}"
    return row


def _move_row(size: int, sampled: Sequence[Move | None]) -> str:
    """One line of the move table, with how often a key beat the save."""
    name = f"{size:,} applications"
    seen = [move for move in sampled if move is not None]
    if not seen:
        return f"{name:22}no move seen: no move key answered"

    drawn = median([move.drawn for move in seen])
    verdict = "met" if drawn is not None and drawn <= MOVE_TARGET_MS else "MISSED"
    row = (
        f"{name:22}{seen[0].key:<12}{_ms(drawn)}  <= {MOVE_TARGET_MS:.0f} {verdict:<6}"
        f"{_ms(median([move.cursor for move in seen]), 8)}"
        f"{_ms(median([move.palette for move in seen]), 8)}"
        f"{_ms(median([move.saved for move in seen]), 8)}"
    )
    during = [move.cursor_before_saved for move in seen]
    known = [value for value in during if value is not None]
    if known:
        row += (
            f"\n{'':22}cursor key answered while saving: {sum(known)} of {len(known)}"
        )
    late = [m for m in seen if m.saved is not None and m.drawn is not None]
    if late:
        saved_first = sum(1 for move in late if move.saved <= move.drawn)
        row += f"; saved before the move was drawn: {saved_first} of {len(late)}"
    return row


def _ms(value: float | None, width: int = 9) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}.1f}"

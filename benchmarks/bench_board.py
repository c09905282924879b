"""How fast the board appears and answers in a real terminal, against a minimal app.

Each run launches `jobtui --db PATH`, the command a user types, in a
pseudo-terminal of a fixed size and times, from the launch, until the cards are
on screen, read back with the pyte terminal emulator. The baseline is
`minimal_app.py`, a Textual app that shows one line, timed the same way in the
same run; the runs of the two take turns. After start-up, a card is moved by
key (Shift+Right, else L) and timed until the column counts show it in the next
stage; then a cursor key and ctrl+p are timed while the move is being saved.

Targets: at 1,000 applications at most 1.5 times the minimal app's start-up, at
10,000 at most 2.5 times; a moved card redrawn within 100 ms.

Run: python benchmarks/bench_board.py [--sizes 1000 10000] [--runs 5]
    [--ready card|column|REGEX] [--terminal 120x40]

`--ready` says what counts as "on screen": `card` (the default) waits for the
first stage's count and one of its companies, `column` for the count alone
(which the summary screen before the board also shows), anything else is a
regular expression to find on the screen. Needs pyte: pip install pyte.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from bench_due import build_applications, jobtui_command
from board_report import Move, print_report
from minimal_app import LINE
from pty_terminal import Condition, FileWatch, Terminal, require_pyte, text_visible

from jobtui.domain.storage import Store
from jobtui.domain.times import utc_now

TARGETS = {1_000: 1.5, 10_000: 2.5}
KEYS = {"shift+right": b"\x1b[1;2C", "L": b"L"}
DOWN = b"\x1b[B"
CTRL_P = b"\x10"
ESCAPE = b"\x1b"
PALETTE = "Search for commands"
CARD_PREFIX = 10
# A stage's name, then its count after spaces, a colon or a bracket, but not a
# time such as "applied 9 days ago" on a card.
COUNT = r"{}[ \t]*[(:·]?[ \t]*(\d[\d,]*)\b(?![ \t]*(?:days?|hours?|weeks?|[dhw])\b)"
# The bottom rows change after a move whatever the keys do: the status line says
# "saving…", and a notification slides in above it and the footer.
UNWATCHED_ROWS = 8
READY = {"card": "cards on screen", "column": "the first stage's count on screen"}
STARTUP_TIMEOUT = 60.0
MOVE_TIMEOUT = 2.0


@dataclass(frozen=True)
class Board:
    """A database built for the benchmark, and what its board should show.

    `companies` are the start of each company name in the first stage, as a
    card shows it even when cut short.
    """

    path: Path
    size: int
    stages: tuple[str, ...]
    companies: tuple[str, ...]

    def counts(self) -> Counter[str]:
        """How many applications each stage holds now, read from the database."""
        with Store.open(self.path, writable=False) as store:
            return Counter(application.stage for application in store.applications())


def build_board(folder: Path, size: int) -> Board:
    """A database of `size` demo applications with distinct companies, in `folder`."""
    now = utc_now()
    path = folder / f"board-{size}.json"
    applications = build_applications(size, now)
    with Store.open(path, writable=True) as store:
        store.add_many(applications, now=now)
        stages = tuple(stage.name for stage in store.stages())

    first = {app.company for app in applications if app.stage == stages[0]}
    companies = {company.rsplit(" ", 1)[0][:CARD_PREFIX] for company in first}
    return Board(path, size, stages, tuple(sorted(companies)))


def stage_counts(text: str, stages: Sequence[str]) -> dict[str, int]:
    """The number beside each stage name where it first appears on screen."""
    counts = {}
    for stage in stages:
        pattern = COUNT.format(re.escape(stage))
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            counts[stage] = int(match.group(1).replace(",", ""))
    return counts


def ready_condition(mode: str, board: Board, counts: Counter[str]) -> Condition:
    """When the board counts as on screen, for a `--ready` mode."""
    first = board.stages[0]
    if mode not in ("card", "column"):
        pattern = re.compile(mode)
        return lambda terminal: pattern.search(terminal.text()) is not None

    def ready(terminal: Terminal) -> bool:
        text = terminal.text()
        if stage_counts(text, (first,)).get(first) != counts[first]:
            return False
        return mode == "column" or any(name in text for name in board.companies)

    return ready


def moved_condition(before: dict[str, int], stages: Sequence[str]) -> Condition:
    """A card has left a stage for the next one shown, by the column counts."""
    shown = [stage for stage in stages if stage in before]

    def moved(terminal: Terminal) -> bool:
        now = stage_counts(terminal.text(), shown)
        return any(
            now.get(left) == before[left] - 1 and now.get(right) == before[right] + 1
            for left, right in pairwise(shown)
        )

    return moved


def probe_move(terminal: Terminal, board: Board, keys: Sequence[str]) -> Move | None:
    """Move the focused card by key and time what follows; None if nothing moved."""
    terminal.drain()
    before = stage_counts(terminal.text(), board.stages)
    watch = FileWatch(board.path)
    for key in keys:
        sent = terminal.send(KEYS[key])
        drawn = terminal.wait_for(
            moved_condition(before, board.stages), MOVE_TIMEOUT, watch.check
        )
        if drawn is not None:
            break
    else:
        return None

    # The next keys go in at once, while the move is most likely still being saved.
    terminal.drain(limit=0.05)
    board_rows = range(terminal.screen.lines - UNWATCHED_ROWS)
    screen = terminal.snapshot(board_rows)
    pressed = terminal.send(DOWN)
    answered = terminal.wait_for(
        lambda shown: shown.snapshot(board_rows) != screen, MOVE_TIMEOUT, watch.check
    )
    opened = terminal.send(CTRL_P)
    palette = terminal.wait_for(text_visible(PALETTE), MOVE_TIMEOUT, watch.check)
    terminal.send(ESCAPE)
    terminal.wait_for(lambda shown: PALETTE not in shown.text(), MOVE_TIMEOUT)
    terminal.wait_for(lambda _: watch.changed is not None, 10.0, watch.check)

    return Move(
        key=key,
        drawn=_ms(drawn, sent),
        cursor=_ms(answered, pressed),
        palette=_ms(palette, opened),
        saved=_ms(watch.changed, sent),
        cursor_before_saved=(
            None
            if answered is None or watch.changed is None
            else answered < watch.changed
        ),
    )


def time_startup(
    command: list[str], env: dict[str, str], ready: Condition, size: tuple[int, int]
) -> tuple[float | None, Terminal]:
    """Launch `command` and time it until `ready`; the milliseconds and the pty."""
    terminal = Terminal(command, env=env, columns=size[0], rows=size[1])
    arrived = terminal.wait_for(ready, STARTUP_TIMEOUT)
    if arrived is None:
        print(
            f"not ready after {STARTUP_TIMEOUT:.0f} s: {' '.join(command)}\n"
            f"the screen showed:\n{terminal.text().rstrip()}",
            file=sys.stderr,
        )
    return _ms(arrived, terminal.started), terminal


def child_env(config: Path) -> dict[str, str]:
    """The environment for the measured processes: no user settings, no size hints.

    Bytecode may be written, so that after the warm-up round neither app spends
    its start-up compiling, as neither would once installed.
    """
    left_out = ("COLUMNS", "LINES", "JOBTUI_DB", "PYTHONDONTWRITEBYTECODE")
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in left_out and not name.startswith("TEXTUAL")
    }
    env.update(TERM="xterm-256color", JOBTUI_CONFIG_DIR=str(config))
    return env


def _ms(end: float | None, start: float) -> float | None:
    return None if end is None else (end - start) * 1000


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(TARGETS))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ready", default="card")
    parser.add_argument("--terminal", default="120x40", help="COLUMNSxROWS")
    parser.add_argument(
        "--move-keys", nargs="+", choices=list(KEYS), default=list(KEYS)
    )
    return parser.parse_args()


def main() -> None:
    """Build the databases, take turns timing each app, print the figures."""
    require_pyte()
    options = _options()
    columns, rows = (int(part) for part in options.terminal.split("x"))
    size = (columns, rows)
    minimal = [sys.executable, str(Path(__file__).with_name("minimal_app.py"))]

    with tempfile.TemporaryDirectory(prefix="jobtui-bench-") as name:
        folder = Path(name)
        env = child_env(folder / "config")
        boards = [build_board(folder, count) for count in options.sizes]
        startups: dict[str, list[float | None]] = {"minimal": []}
        moves: dict[int, list[Move | None]] = {board.size: [] for board in boards}
        probing = {board.size: True for board in boards}

        # The first round warms the file cache and the bytecode; it is not counted.
        for round_number in range(options.runs + 1):
            counted = round_number > 0
            took, terminal = time_startup(minimal, env, text_visible(LINE), size)
            terminal.stop()
            if counted:
                startups["minimal"].append(took)

            for board in boards:
                ready = ready_condition(options.ready, board, board.counts())
                command = jobtui_command("--db", str(board.path))
                took, terminal = time_startup(command, env, ready, size)
                move = None
                if took is not None and counted and probing[board.size]:
                    move = probe_move(terminal, board, options.move_keys)
                    probing[board.size] = move is not None
                    moves[board.size].append(move)
                terminal.stop()
                if counted:
                    startups.setdefault(f"{board.size}", []).append(took)

    seen = READY.get(options.ready, f"/{options.ready}/ on screen")
    heading = f"Start-up in a {options.terminal} pty, launch to {seen}"
    print_report(heading, startups, moves, options.runs, TARGETS)


if __name__ == "__main__":
    main()

"""A program run in a pseudo-terminal, its output read into a screen emulator.

The board benchmark uses it to time what a user would see: the moment some text
appears on a terminal of a fixed size, counted from when the process started or
a key was sent. Output is timed when it arrives, before the emulator reads it,
so the emulator's own speed does not count.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType

try:
    import pyte
except ImportError:  # reported by `require_pyte`, so that importing never fails
    pyte = None

PYTE_MISSING = (
    "The board benchmark reads the screen with pyte, a terminal emulator.\n"
    "Install it into this environment: pip install pyte"
)
READ_SIZE = 1 << 16
POLL = 0.005

Condition = Callable[["Terminal"], bool]


def require_pyte() -> None:
    """Stop with a clear message when pyte is not installed."""
    if pyte is None:
        raise SystemExit(PYTE_MISSING)


class Terminal:
    """One process on a pty of `columns` x `rows`, and the screen it has drawn.

    Args:
        command: the program and its arguments; the program is a path.
        env: the process's whole environment.
    """

    def __init__(
        self,
        command: Sequence[str],
        *,
        env: dict[str, str],
        columns: int = 120,
        rows: int = 40,
    ) -> None:
        require_pyte()
        self.screen = pyte.Screen(columns, rows)
        self._stream = pyte.ByteStream(self.screen)
        self.closed = False
        self.exit_code: int | None = None
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            _exec_in_child(command, env, columns, rows)
        self.pid = pid
        self.fd = fd

    def __enter__(self) -> Terminal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    def lines(self) -> list[str]:
        """The screen's text, one string a row."""
        return self.screen.display

    def text(self) -> str:
        """The screen's text as one string, rows joined by newlines."""
        return "\n".join(self.screen.display)

    def snapshot(self, rows: range | None = None) -> tuple[tuple[object, ...], ...]:
        """The characters and styles of `rows` (all by default), to compare later."""
        buffer = self.screen.buffer
        return tuple(
            tuple(buffer[row][column] for column in range(self.screen.columns))
            for row in rows or range(self.screen.lines)
        )

    def send(self, keys: bytes) -> float:
        """Type `keys` into the terminal; the time they were sent."""
        os.write(self.fd, keys)
        return time.perf_counter()

    def wait_for(
        self,
        condition: Condition,
        timeout: float,
        tick: Callable[[], None] | None = None,
    ) -> float | None:
        """When the output that made `condition` true arrived; None if it never did.

        Args:
            tick: called between reads, for watching something else meanwhile.
        """
        if condition(self):
            return time.perf_counter()
        deadline = time.perf_counter() + timeout
        while not self.closed and time.perf_counter() < deadline:
            wait = min(POLL, max(deadline - time.perf_counter(), 0))
            for arrived in self._pieces(wait):
                if condition(self):
                    return arrived
            if tick is not None:
                tick()
        return None

    def drain(self, quiet: float = 0.015, limit: float = 0.2) -> None:
        """Read output until none has come for `quiet` seconds (at most `limit`)."""
        deadline = time.perf_counter() + limit
        while not self.closed and time.perf_counter() < deadline:
            if self._read(quiet) is None:
                return

    def stop(self, keys: Sequence[bytes] = (b"q", b"\x11"), wait: float = 10.0) -> None:
        """End the process: the quit keys first, then signals; then free the pty."""
        if self.exit_code is None:
            for key in keys:
                with contextlib.suppress(OSError):
                    self.send(key)
                if self._wait_exit(wait / len(keys)):
                    break
            else:
                for number in (signal.SIGTERM, signal.SIGKILL):
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(self.pid, number)
                    if self._wait_exit(2.0):
                        break
        if not self.closed:
            self.closed = True
            os.close(self.fd)

    def _read(self, timeout: float) -> float | None:
        """Feed output to the emulator; when the first of it arrived, None if none."""
        arrivals = list(self._pieces(timeout))
        return arrivals[0] if arrivals else None

    def _pieces(self, timeout: float) -> Iterator[float]:
        """Take all the output there is, then feed it to the emulator piece by piece.

        Yields each piece's arrival time once the emulator has read it. Every
        piece is taken before any is read: the emulator is slow (some 6 ms for
        a pty's 4 KB), and a piece left waiting behind it would seem to arrive
        late.
        """
        pieces: list[tuple[float, bytes]] = []
        wait = timeout
        while select.select([self.fd], [], [], wait)[0]:
            arrived = time.perf_counter()
            try:
                data = os.read(self.fd, READ_SIZE)
            except OSError:  # the child closed the pty: it has ended
                data = b""
            if not data:
                self.closed = True
                os.close(self.fd)
                break
            pieces.append((arrived, data))
            wait = 0
        for arrived, data in pieces:
            self._stream.feed(data)
            yield arrived

    def _wait_exit(self, timeout: float) -> bool:
        """Whether the process ended within `timeout`, reading its output meanwhile."""
        deadline = time.perf_counter() + timeout
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_code = os.waitstatus_to_exitcode(status)
                return True
            if time.perf_counter() >= deadline:
                return False
            if self.closed:
                time.sleep(POLL)
            else:
                self._read(POLL)


def text_visible(text: str) -> Condition:
    """A condition: `text` is somewhere on the screen."""
    return lambda terminal: text in terminal.text()


class FileWatch:
    """Notes the first time a file is replaced or rewritten after it was started."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._before = self._state()
        self.changed: float | None = None

    def check(self) -> None:
        """Look at the file now; call often."""
        if self.changed is None and self._state() != self._before:
            self.changed = time.perf_counter()

    def _state(self) -> tuple[int, int, int]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return (0, 0, 0)
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _exec_in_child(
    command: Sequence[str], env: dict[str, str], columns: int, rows: int
) -> None:
    """Set the terminal's size and become `command`; never returns."""
    try:
        size = struct.pack("HHHH", rows, columns, 0, 0)
        fcntl.ioctl(0, termios.TIOCSWINSZ, size)
        os.execve(command[0], list(command), env)
    except OSError as error:
        os.write(2, f"cannot run {command[0]}: {error}\r\n".encode())
    finally:
        os._exit(127)

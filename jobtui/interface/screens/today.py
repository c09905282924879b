"""Today: every follow-up that is due, across all applications, most urgent first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pendulum import DateTime
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from jobtui.domain.model import Handled, Snoozed
from jobtui.domain.notes.drafts import DraftStore
from jobtui.domain.rules import OVERDUE, DueItem, due_items
from jobtui.domain.settings import Settings
from jobtui.domain.snooze import Unit, describe_snooze, snooze_until
from jobtui.domain.times import describe_span, format_local, seconds_since_epoch
from jobtui.domain.workspace import Workspace

# The application goes last: at a narrow width only the end of its role is lost.
COLUMNS = ("State", "Follow-up", "Open for", "Snoozed", "Application")
LEGEND = "▲ overdue · ● due within a day · ○ open"
A_DAY = 86400


def state_words(item: DueItem, now: DateTime) -> str:
    """The state with a symbol, so it never rests on colour: "▲ overdue 2 days"."""
    left = seconds_since_epoch(item.window.due) - seconds_since_epoch(now)
    if item.state == OVERDUE:
        return f"▲ overdue {describe_span(left)}"
    if left <= A_DAY:
        return f"● due in {describe_span(left)}"
    return f"○ due in {describe_span(left)}"


class TodayScreen(Screen[None]):
    """The due follow-ups in one table, with keys to write, open, snooze or handle.

    Args:
        workspace: the applications, and where changes are recorded.
        settings: the rules' timings, the time zone and the business calendar.
        clock: the time source; the list is worked out at each refresh.
        drafts: the drafts of notes, the board's own: two copies of the file
            in memory would each write over what the other saved.
    """

    BINDINGS = [
        Binding("w", "write", "Write note", id="today.write"),
        Binding("enter", "write", "Write note", id="today.write_enter", show=False),
        Binding("o", "open", "Open", id="today.open"),
        Binding("s", "snooze", "Snooze", id="today.snooze"),
        Binding("h", "handled", "Handled", id="today.handled"),
        Binding("escape", "back", "Back", id="today.back"),
    ]

    def __init__(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        clock: Callable[[], DateTime],
        drafts: DraftStore | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.settings = settings
        self.clock = clock
        self.drafts = drafts or DraftStore.beside(workspace.store.path)
        self.calendar = settings.calendar()
        self.items: list[DueItem] = []

    def compose(self) -> ComposeResult:
        """A heading, the table of due follow-ups, and the keys."""
        yield Static("", id="today-heading", markup=False)
        table: DataTable[str] = DataTable(
            id="today-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns(*COLUMNS)
        yield table
        yield Static(
            "Nothing is due: every follow-up is waiting or done.",
            id="today-empty",
            markup=False,
        )
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table and start on its first row."""
        self.refresh_items()
        self.query_one(DataTable).focus()

    def refresh_items(self) -> None:
        """Work the due list out again at the clock's time and show it."""
        now = self.clock()
        self.items = due_items(
            self.workspace.applications(),
            now,
            stages=self.workspace.stages,
            settings=self.settings.rules,
            calendar=self.calendar,
        )
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for item in self.items:
            table.add_row(*self._cells(item, now), key=item.application.id)
        if self.items:
            table.move_cursor(row=min(max(row, 0), len(self.items) - 1))

        overdue = sum(1 for item in self.items if item.state == OVERDUE)
        heading = f"Today · {len(self.items)} due, {overdue} overdue · {LEGEND}"
        self.query_one("#today-heading", Static).update(heading)
        self.query_one("#today-empty").display = not self.items
        table.display = bool(self.items)

    def _cells(self, item: DueItem, now: DateTime) -> tuple[str, ...]:
        application, window = item.application, item.window
        opened = seconds_since_epoch(now) - seconds_since_epoch(window.opens)
        snooze = ""
        if window.snoozed_until is not None:
            until = format_local(window.snoozed_until, self.settings.zone, time=False)
            snooze = f"until {until.rsplit(' ', 1)[0]}"
        return (
            state_words(item, now),
            window.kind.label,
            describe_span(opened),
            snooze,
            f"{application.company} — {application.role}",
        )

    @property
    def current(self) -> DueItem | None:
        """The due follow-up under the cursor."""
        table = self.query_one(DataTable)
        if not self.items or not 0 <= table.cursor_row < len(self.items):
            return None
        return self.items[table.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) on a row opens the composer on it."""
        event.stop()
        self.action_write()

    def action_write(self) -> None:
        """Open the composer on the note the row's window asks for."""
        from jobtui.interface.screens.composer import ComposerScreen

        item = self.current
        if item is None:
            return
        composer = ComposerScreen(
            item.application,
            item.window.kind,
            workspace=self.workspace,
            drafts=self.drafts,
            settings=self.settings,
            now=self.clock(),
        )
        self.app.push_screen(composer, self._after)

    def action_open(self) -> None:
        """Open the row's application in the detail view."""
        from jobtui.interface.screens.detail import DetailScreen

        item = self.current
        if item is None:
            return
        detail = DetailScreen(
            item.application, item.window, now=self.clock(), zone=self.settings.zone
        )
        self.app.push_screen(detail, self._after)

    def action_snooze(self) -> None:
        """Ask how long, then snooze the row's window until then."""
        from jobtui.interface.screens.today_ask import SnoozeQuestion

        item = self.current
        if item is not None:
            self.app.push_screen(
                SnoozeQuestion(item.window.kind.noun),
                lambda answer: self._snooze(item, answer),
            )

    def _snooze(self, item: DueItem, answer: tuple[int, Unit] | None) -> None:
        if answer is None:
            return
        amount, unit = answer
        now = self.clock()
        zone = self.settings.zone
        until = snooze_until(now, amount, unit, zone, self.calendar)
        kind = item.window.kind
        event = Snoozed(at=now, kind=kind, until=until)
        length = describe_snooze(amount, unit)
        self.workspace.record(
            item.application.id, event, f"snoozed the {kind.noun} for {length}"
        )
        self.notify(
            f"{kind.noun} for {item.application.company} snoozed until "
            f"{format_local(until, zone)}"
        )
        self.refresh_items()

    def action_handled(self) -> None:
        """Ask why, then mark the row's window handled."""
        from jobtui.interface.screens.today_ask import HandledQuestion

        item = self.current
        if item is not None:
            self.app.push_screen(
                HandledQuestion(item.window.kind.noun),
                lambda reason: self._handled(item, reason),
            )

    def _handled(self, item: DueItem, reason: str | None) -> None:
        if reason is None:
            return
        kind = item.window.kind
        event = Handled(at=self.clock(), kind=kind, reason=reason)
        self.workspace.record(item.application.id, event, f"handled the {kind.noun}")
        self.notify(f"{kind.noun} for {item.application.company} marked handled")
        self.refresh_items()

    def _after(self, _result: Any) -> None:
        self.refresh_items()

    def action_back(self) -> None:
        """Go back to the screen underneath."""
        self.dismiss(None)

"""The timeline of one application: what happened when, time per stage, silences."""

from __future__ import annotations

from pendulum import DateTime
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from jobtui.domain.model import Application
from jobtui.domain.timeline import TimelineEntry, timeline
from jobtui.domain.times import Zone, format_local

#: The marker on the rail for each kind of entry; other kinds get a plain dot.
MARKERS = {"stage": "◆", "gap": "┆"}
EVENT_MARKER = "●"
#: Enough rail below a marker for the longest entry; the row's height cuts it.
RAIL_LINES = 12


class TimelineScreen(ModalScreen[None]):
    """An application's history as a vertical timeline, oldest first; Escape closes."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="timeline.close"),
    ]

    def __init__(self, application: Application, *, now: DateTime, zone: Zone) -> None:
        super().__init__()
        self.application = application
        self.now = now
        self.zone = zone

    def compose(self) -> ComposeResult:
        """One row per entry in a scrolling panel, with the keys below."""
        app = self.application
        entries = timeline(app, self.now, self.zone)
        with VerticalScroll(id="timeline") as panel:
            panel.border_title = f"Timeline · {app.company} — {app.role}"
            for entry in entries:
                yield self._row(entry)
        yield Footer()

    def action_close(self) -> None:
        """Close the timeline."""
        self.dismiss(None)

    def _row(self, entry: TimelineEntry) -> Horizontal:
        """An entry as a row: local date, a marker on the rail, then its words."""
        when = "" if entry.kind == "gap" else format_local(entry.at, self.zone)
        marker = MARKERS.get(entry.kind, EVENT_MARKER)
        line = "┆" if entry.kind == "gap" else "│"
        rail = "\n".join([marker, *[line] * RAIL_LINES])
        classes = f"timeline--entry -{entry.kind}"
        if entry.upcoming:
            classes += " -upcoming"
        return Horizontal(
            Static(when, classes="timeline--when", markup=False),
            Static(rail, classes="timeline--rail", markup=False),
            Static(self._words(entry), classes="timeline--words", markup=False),
            classes=classes,
        )

    @staticmethod
    def _words(entry: TimelineEntry) -> Content:
        """The entry's title, its time in stage if any, and its detail below."""
        title = Content.styled(entry.title, "bold")
        if entry.kind == "gap":
            title = Content.styled(entry.title, "italic")
        if entry.in_stage:
            title += Content.styled(f"  {entry.in_stage}", "$accent")
        if entry.upcoming:
            title += Content.styled("  (to come)", "italic")
        if not entry.detail:
            return title
        return title + "\n" + Content.styled(entry.detail, "dim")

"""The detail view of one application: every field, the people, events and history."""

from __future__ import annotations

from collections.abc import Iterable

from pendulum import DateTime
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from jobtui.domain.forms import Zone
from jobtui.domain.history import describe_event, span_for, stage_spans
from jobtui.domain.model import Application, Interview, Kind, Offer, StageChange
from jobtui.domain.rules import OPEN, Window
from jobtui.domain.times import describe_span, format_local
from jobtui.domain.wording import window_phrase

NOTHING = Content.styled("—", "dim")


class DetailScreen(ModalScreen[str | None]):
    """Everything about one application, scrollable, with keys to act on it.

    Dismisses with None (Escape) or what the user asked for next: "edit",
    "interview", "reply", "offer", "delete" or "move".

    Args:
        window: the application's next follow-up window, or None if none is due.
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="detail.close"),
        Binding("w", "choose('write')", "Write note", id="detail.write"),
        Binding("t", "choose('timeline')", "Timeline", id="detail.timeline"),
        Binding("e", "choose('edit')", "Edit", id="detail.edit"),
        Binding("i", "choose('interview')", "Interview", id="detail.interview"),
        Binding("r", "choose('reply')", "Reply", id="detail.reply"),
        Binding("o", "choose('offer')", "Offer", id="detail.offer"),
        Binding("m", "choose('move')", "Move", id="detail.move"),
        Binding("d", "choose('delete')", "Delete", id="detail.delete"),
    ]

    def __init__(
        self,
        application: Application,
        window: Window | None,
        *,
        now: DateTime,
        zone: Zone,
    ) -> None:
        super().__init__()
        self.application = application
        self.window = window
        self.now = now
        self.zone = zone

    def compose(self) -> ComposeResult:
        """The sections of the view, one under the other, in a scrolling panel."""
        app = self.application
        with VerticalScroll(id="detail") as panel:
            panel.border_title = f"{app.company} — {app.role}"
            yield Static(
                self._summary(),
                classes="detail--summary",
                id="detail-summary",
                markup=False,
            )
            yield self._heading("Next follow-up")
            yield Static(self._window(), classes="detail--window", id="detail-window")
            yield self._heading("Application")
            yield self._table(self._fields(), "detail-fields")
            yield self._heading("Contacts")
            yield self._table(self._contacts(), "detail-contacts")
            yield self._heading("Interviews")
            yield self._table(self._interviews(), "detail-interviews")
            yield self._heading("Offer")
            yield self._table(self._offers(), "detail-offers")
            yield self._heading("History")
            yield Static(self._stage_times(), id="detail-stage-times", markup=False)
            yield self._table(self._history(), "detail-history")
        yield Footer()

    def on_mount(self) -> None:
        """Let the arrow and page keys scroll the view at once."""
        self.query_one("#detail").focus()

    def action_close(self) -> None:
        """Go back to the board."""
        self.dismiss(None)

    def action_choose(self, what: str) -> None:
        """Go back to the board, which does what was asked for."""
        self.dismiss(what)

    def _when(self, moment: DateTime | None, *, time: bool = True) -> str:
        return format_local(moment, self.zone, time=time) if moment else ""

    def _ago(self, moment: DateTime) -> str:
        seconds = self.now.timestamp() - moment.timestamp()
        span = describe_span(seconds)
        return f"{span} ago" if seconds >= 0 else f"in {span}"

    def _summary(self) -> str:
        app = self.application
        since = app.stage_since()
        parts = [f"In {app.stage} for {self._span(since, self.now)}"]
        if app.applied is not None and app.applied != since:
            parts.append(f"applied {self._ago(app.applied)}")
        parts.append(f"last activity {self._ago(app.last_activity)}")
        return " · ".join(parts)

    @staticmethod
    def _span(start: DateTime, end: DateTime) -> str:
        return describe_span(max(0.0, end.timestamp() - start.timestamp()))

    def _window(self) -> Content:
        window = self.window
        if window is None:
            return Content.styled("No follow-up is expected now.", "dim")
        # The phrase says "opens in" or "overdue" itself; "due in" needs the word.
        is_open = window.state(self.now) == OPEN and window.kind is not Kind.MOVE_ON
        state = "  (open now)" if is_open else ""
        lines = [
            Content.assemble((window_phrase(window, self.now), "bold"), state),
            Content(window.reason),
            Content.styled(
                f"opens {self._when(window.opens)} · due {self._when(window.due)}",
                "dim",
            ),
        ]
        if window.suggested_stage:
            lines.append(Content(f"suggested stage: {window.suggested_stage}"))
        return Content("\n").join(lines)

    def _fields(self) -> list[tuple[str, str | Content]]:
        app = self.application
        applied = (
            f"{self._when(app.applied)} ({self._ago(app.applied)})"
            if app.applied
            else ""
        )
        return [
            ("Company", app.company),
            ("Role", app.role),
            ("Stage", app.stage),
            ("Applied", applied),
            ("Posting", app.url),
            ("Location", app.location),
            ("Salary", app.salary),
            ("Source", app.source),
            ("Tags", ", ".join(app.tags)),
            ("Notes", app.notes),
        ]

    def _contacts(self) -> list[tuple[str, str | Content]]:
        rows: list[tuple[str, str | Content]] = []
        for contact in self.application.contacts:
            details = " · ".join(
                part for part in (contact.title, contact.email) if part
            )
            rows.append((contact.name, details))
        return rows or [("", Content.styled("none recorded", "dim"))]

    def _interviews(self) -> list[tuple[str, str | Content]]:
        rows: list[tuple[str, str | Content]] = []
        for interview in self.application.events_of(Interview):
            rows.extend(self._interview(interview))
        return rows or [("", Content.styled("none recorded", "dim"))]

    def _interview(self, interview: Interview) -> list[tuple[str, str | Content]]:
        coming = " (coming)" if interview.at > self.now else ""
        who = f" with {interview.with_whom}" if interview.with_whom else ""
        heading = f"{interview.duration_minutes} min{who}{coming}"
        return [
            (self._when(interview.at), Content.styled(heading, "bold")),
            ("discussed", interview.notes),
            ("decision by", self._when(interview.decision_by, time=False)),
        ]

    def _offers(self) -> list[tuple[str, str | Content]]:
        rows: list[tuple[str, str | Content]] = []
        for offer in self.application.events_of(Offer):
            rows += [
                ("Received", self._when(offer.at)),
                ("Deadline", self._deadline(offer)),
                ("Details", offer.details),
            ]
        return rows or [("", Content.styled("none yet", "dim"))]

    def _deadline(self, offer: Offer) -> str:
        if offer.deadline is None:
            return ""
        return f"{self._when(offer.deadline)} ({self._ago(offer.deadline)})"

    def _stage_times(self) -> str:
        spans = stage_spans(self.application)
        parts = [f"{span.stage} {span.length(self.now)}" for span in spans]
        if spans and spans[-1].left is None:
            parts[-1] += " so far"
        return "Time in each stage: " + " → ".join(parts)

    def _history(self) -> list[tuple[str, str | Content]]:
        spans = stage_spans(self.application)
        rows: list[tuple[str, str | Content]] = []
        for event in self.application.events:
            text = describe_event(event, self.zone)
            span = span_for(event, spans) if isinstance(event, StageChange) else None
            if span is not None:
                so_far = " so far" if span.left is None else ""
                text += f" · {span.length(self.now)} there{so_far}"
            rows.append((self._when(event.at), text))
        return rows or [("", Content.styled("nothing yet", "dim"))]

    @staticmethod
    def _heading(text: str) -> Static:
        return Static(text, classes="detail--heading")

    @staticmethod
    def _table(rows: Iterable[tuple[str, str | Content]], id: str) -> Grid:
        cells: list[Static] = []
        for key, value in rows:
            shown = value if isinstance(value, Content) or value else NOTHING
            cells.append(Static(key, classes="detail--key", markup=False))
            cells.append(Static(shown, markup=False))
        return Grid(*cells, classes="detail--table", id=id)

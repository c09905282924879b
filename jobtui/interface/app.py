"""The Textual app. Until the kanban board lands, it shows the pipeline in summary."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from jobtui.domain.rules import due_items
from jobtui.domain.settings import Settings
from jobtui.domain.store import Store
from jobtui.domain.times import utc_now


class JobtuiApp(App[None]):
    """jobtui's terminal interface over one store."""

    CSS_PATH = "jobtui.tcss"
    TITLE = "jobtui"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, *, store: Store, settings: Settings) -> None:
        super().__init__()
        self.store = store
        self.settings = settings

    def compose(self) -> ComposeResult:
        """A summary line per stage and the count of follow-ups due."""
        yield Header()
        yield Static(self._summary(), id="summary")
        yield Static(f"data file: {self.store.path}", id="status")
        yield Footer()

    def _summary(self) -> str:
        stages = self.store.stages()
        applications = self.store.applications()
        lines = []
        for stage in stages:
            count = sum(1 for app in applications if app.stage == stage.name)
            state = " (closed)" if stage.closed else ""
            lines.append(f"{stage.name}{state}: {count}")
        due = due_items(
            applications,
            utc_now(),
            stages=stages,
            settings=self.settings.rules,
            calendar=self.settings.calendar(),
        )
        lines += ["", f"Follow-ups due: {len(due)}"]
        lines += ["", "The kanban board arrives with the board issue."]
        return "\n".join(lines)

"""The Textual app: the board over one store, with the user's theme and keys.

The app opens the workspace (applications in memory, written in the background)
and shows the board screen. Once the cards are drawn it takes the store's writer
lock; if another jobtui holds it, the board closes at once and the command line
reports who has it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from pendulum import DateTime
from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.screen import Screen

from jobtui.domain.errors import DatabaseError, JobtuiError
from jobtui.domain.settings import DEFAULT_THEME, Settings
from jobtui.domain.store import Store
from jobtui.domain.times import utc_now
from jobtui.domain.uistate import UiState, load_ui_state, save_ui_state
from jobtui.domain.workspace import Workspace
from jobtui.interface import STYLESHEET
from jobtui.interface.keymap import check_keymap
from jobtui.interface.screens.board import BoardScreen
from jobtui.interface.stylesheet import read_parts

# Seconds the board waits for a writer lock another process holds as it opens.
LOCK_WAIT = 0.5


def _application_commands() -> type[Provider]:
    """The palette's own commands, imported when the palette first opens."""
    from jobtui.interface.commands import ApplicationCommands

    return ApplicationCommands


class JobtuiApp(App[None]):
    """jobtui's board over one store.

    Args:
        store: the store, opened for writing; its writer lock is taken once
            the board is drawn, if it was not held already.
        settings: the user's settings.
        clock: the current time; tests pass a clock they can move.
    """

    # No CSS_PATH: the stylesheet is read in two parts, see `interface.stylesheet`.
    TITLE = "jobtui"
    COMMANDS = App.COMMANDS | {_application_commands}
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(
        self,
        *,
        store: Store,
        settings: Settings,
        clock: Callable[[], DateTime] = utc_now,
    ) -> None:
        super().__init__()
        board_rules, self._later_rules = read_parts()
        self.stylesheet.add_source(board_rules, read_from=(str(STYLESHEET), ""))
        self.store = store
        self.settings = settings
        self.clock = clock
        self.ui_state = load_ui_state()
        self.workspace = Workspace(store, clock=clock, on_error=self._write_failed)
        self.board_screen: BoardScreen | None = None
        # Why the writer lock could not be taken at start-up (another jobtui
        # holds it, most likely); the board closes at once.
        self.locked_out: DatabaseError | None = None
        self._choose_theme()

    def get_default_screen(self) -> Screen[None]:
        """The board."""
        self.board_screen = BoardScreen(
            self.workspace,
            self.settings,
            clock=self.clock,
            closed_mode=self.ui_state.closed_stages,
        )
        return self.board_screen

    def _choose_theme(self) -> None:
        """Take the remembered (or configured) theme before the first style pass.

        Setting `theme` would read every style again once the app runs (some
        15 ms at start-up). Set quietly before the stylesheet is first read,
        with what Textual's own watcher does besides: the theme's classes, its
        colour filter and its variables.
        """
        wanted = (self.ui_state.theme, self.settings.theme, DEFAULT_THEME)
        theme = next(name for name in wanted if name in self.available_themes)
        self.set_reactive(App.theme, theme)
        dark = self.current_theme.dark
        self.set_class(True, f"-theme-{theme}", update=False)
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def on_mount(self) -> None:
        """Take the lock once drawn; check the theme; set the user's keys."""
        self.call_after_refresh(self._take_lock)
        if self.settings.theme not in self.available_themes:
            self.notify(f"Unknown theme {self.settings.theme!r}", severity="warning")
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
            # Once the board is drawn: checking the ids imports every screen.
            self.call_after_refresh(check_keymap, self, self.settings.keymap)

    def on_unmount(self) -> None:
        """Finish every pending write before the store is closed."""
        if self.board_screen is not None:
            # A move drawn in the last frame may not have reached the workspace.
            self.board_screen.actions.commit_moves(show=False)
        self.workspace.close()

    def watch_theme(self, theme: str) -> None:
        """Remember a theme the user chose."""
        if theme != self.ui_state.theme:
            self.remember(theme=theme)

    def remember(self, **changes: str) -> None:
        """Change the remembered state and write it, off the main thread."""
        self.ui_state = state = replace(self.ui_state, **changes)
        self.run_worker(
            lambda: self._save_state(state),
            thread=True,
            group="ui-state",
            exit_on_error=False,
        )

    def _take_lock(self) -> None:
        """Take the store's writer lock, or close the board if it cannot be had.

        A command that writes (`jobtui log ...`) holds the lock for a moment;
        the board waits that long for it rather than close for nothing.
        """
        try:
            self.store.take_lock(LOCK_WAIT)
        except DatabaseError as error:
            self.locked_out = error
            self.exit(return_code=1)
            return
        self._prune_drafts()

    def _prune_drafts(self) -> None:
        """Forget the drafts of applications that are gone and cannot come back.

        Done at each start, once the writer lock is held: nothing else can then
        add or delete an application, so the workspace knows every one the
        drafts file may name; and undo lasts one session, so a delete from an
        earlier one is final. The drafts of an application deleted by `jobtui
        delete`, or on the board before, go now; those of one deleted on the
        board in this session stay until the next start, and come back with it
        if undo restores it (a delete undo could take back always keeps its
        drafts). One rule covers both ways of deleting, and a delete waits for
        no write of the drafts file.
        """
        if self.board_screen is None:
            return
        try:
            self.board_screen.drafts.prune(self.workspace.ids_in_reach())
        except DatabaseError as error:
            self.notify(str(error), severity="error")

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        """Show a screen over the board, its rules read first if they were not yet."""
        self._read_later_rules()
        return super().push_screen(*args, **kwargs)

    def _read_later_rules(self) -> None:
        """Add the stylesheet's rules for the screens over the board, once."""
        if not self._later_rules:
            return
        rules, self._later_rules = self._later_rules, ""
        where = (str(STYLESHEET), "the screens over the board")
        self.stylesheet.add_source(rules, read_from=where)
        self.stylesheet.parse()

    def go_to_application(self, app_id: str) -> None:
        """Show one application on the board, focused (for the command palette)."""
        if self.board_screen is not None:
            self.board_screen.go_to(app_id)

    def _save_state(self, state: UiState) -> None:
        try:
            save_ui_state(state)
        except JobtuiError as error:
            self.log.warning(f"the board's state was not remembered: {error}")

    def _write_failed(self, error: Exception) -> None:
        """Called on the writer thread: hand the failure to the board screen."""
        if self.board_screen is not None:
            self.board_screen.post_message(BoardScreen.WriteFailed(error))

"""The command palette's commands: every action the keys offer, and "go to" by name.

The actions are read from the bindings that apply where the palette was opened,
so a new or rebound key shows up here without a change to this file. The app
must meet the `BoardApp` contract to offer its applications.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from textual.binding import ActiveBinding
    from textual.dom import DOMNode

    from jobtui.domain.workspace import Workspace

# Textual's own bindings, which are not actions of the board.
TEXTUAL_ACTIONS = frozenset(
    {
        "app.focus_next",
        "app.focus_previous",
        "screen.copy_text",
        "command_palette",
        "app.command_palette",
        "help_quit",
    }
)
# Matching thousands of names is split up, so that typing is never held back.
MATCHES_BETWEEN_PAUSES = 500


@runtime_checkable
class BoardApp(Protocol):
    """What the provider needs of the app to offer "go to application"."""

    workspace: Workspace

    def go_to_application(self, app_id: str) -> None:
        """Show the application with this id on the board, focused."""


@dataclass(frozen=True)
class Command:
    """One entry of the palette: what it says and what choosing it does."""

    title: str
    help: str
    run: Callable[[], object]


class ApplicationCommands(Provider):
    """Board actions from the active bindings, and applications by company or role."""

    async def startup(self) -> None:
        """Nothing is read yet: the applications wait for the first search."""
        self._applications: list[Command] | None = None

    async def discover(self) -> Hits:
        """Every action, for the palette before anything is typed."""
        for command in self._actions():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        """Actions and applications whose names fuzzily match `query`."""
        matcher = self.matcher(query)
        for command in self._actions():
            if (score := matcher.match(command.title)) > 0:
                yield _hit(score, matcher.highlight(command.title), command)

        if self._applications is None:
            self._applications = list(self._go_to_commands())
        for index, command in enumerate(self._applications, 1):
            if (score := matcher.match(command.title)) > 0:
                yield _hit(score, matcher.highlight(command.title), command)
            if index % MATCHES_BETWEEN_PAUSES == 0:
                await asyncio.sleep(0)

    def _go_to_commands(self) -> Iterator[Command]:
        """A "go to" command for each application, by company and role."""
        app = self.app
        if not isinstance(app, BoardApp):
            app.log.warning("ApplicationCommands: the app has no workspace to search")
            return
        for application in app.workspace.applications():
            yield Command(
                f"{application.company} — {application.role}",
                f"Go to this application, in {application.stage}",
                partial(app.go_to_application, application.id),
            )

    def _actions(self) -> Iterator[Command]:
        """Each enabled, described binding where the palette was opened, once."""
        offered = {
            command.title.casefold()
            for command in self.app.get_system_commands(self.screen)
        }
        keys: dict[tuple[int, str], list[str]] = {}
        first: dict[tuple[int, str], ActiveBinding] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if (
                not active.enabled
                or binding.system
                or not binding.description
                or binding.action in TEXTUAL_ACTIONS
                or binding.description.casefold() in offered
            ):
                continue
            which = (id(active.node), binding.action)
            first.setdefault(which, active)
            keys.setdefault(which, []).append(self.app.get_key_display(binding))

        for which, active in first.items():
            binding = active.binding
            shown = " or ".join(keys[which])
            help_text = f"{binding.tooltip} ({shown})" if binding.tooltip else shown
            run = partial(self._run, binding.action, active.node)
            yield Command(binding.description, help_text, run)

    def _run(self, action: str, node: DOMNode) -> Coroutine[Any, Any, bool]:
        """Run a bound action in the namespace it was bound in."""
        return self.app.run_action(action, node)


def _hit(score: float, shown: Any, command: Command) -> Hit:
    return Hit(score, shown, command.run, text=command.title, help=command.help)

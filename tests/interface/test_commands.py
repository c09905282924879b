"""The command palette: board actions from the bindings, and going to an application."""

from __future__ import annotations

import pendulum
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandList, DiscoveryHit, Hit
from textual.pilot import Pilot
from textual.widgets import Static

from jobtui.domain.model import Application
from jobtui.interface.commands import ApplicationCommands

NOW = pendulum.datetime(2026, 11, 3, 9, tz="UTC")


def application(company: str, role: str, stage: str = "Applied") -> Application:
    """An application with only what the palette shows."""
    return Application(
        company=company, role=role, stage=stage, created=NOW, updated=NOW
    )


class FakeWorkspace:
    """The part of a workspace the palette reads."""

    def __init__(self, applications: list[Application]) -> None:
        self._applications = applications

    def applications(self) -> list[Application]:
        """The applications, as a workspace hands them out."""
        return list(self._applications)


class BoardStub(App[None]):
    """An app that meets the palette's contract and records what it was asked."""

    COMMANDS = App.COMMANDS | {ApplicationCommands}
    BINDINGS = [
        Binding("x", "archive", "Archive the card", id="archive"),
        Binding("shift+right,L", "move_next", "Move to the next stage", id="move_next"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, applications: list[Application]) -> None:
        super().__init__()
        self.workspace = FakeWorkspace(applications)
        self.went_to: list[str] = []
        self.archived = 0

    def compose(self) -> ComposeResult:
        """Something to look at."""
        yield Static("board")

    def go_to_application(self, app_id: str) -> None:
        """Note which application was asked for."""
        self.went_to.append(app_id)

    def action_archive(self) -> None:
        """Count the archive actions."""
        self.archived += 1

    def action_move_next(self) -> None:
        """Present so that the binding is enabled."""


APPLICATIONS = [
    application("Quillon Labs", "Platform Engineer"),
    application("Northwind Analytics", "Data Engineer", "Interviewing"),
    application("Harbor Logistics", "Product Designer", "Under Review"),
]


async def choose(pilot: Pilot[None], query: str) -> None:
    """Open the palette, type `query`, wait for the matches, take the best one."""
    await pilot.press("ctrl+p")
    await pilot.press(*query)
    command_list = pilot.app.screen.query_one(CommandList)
    for _ in range(50):
        await pilot.pause(0.02)
        if command_list.option_count:
            break
    assert command_list.option_count, f"no match for {query!r}"
    await pilot.press("down", "enter")
    await pilot.pause()


async def discovered(app: App[None]) -> list[DiscoveryHit]:
    """What the provider lists before anything is typed."""
    provider = ApplicationCommands(app.screen)
    await provider.startup()
    return [hit async for hit in provider.discover()]


async def searched(app: App[None], query: str) -> list[Hit]:
    """What the provider finds for `query`."""
    provider = ApplicationCommands(app.screen)
    await provider.startup()
    return [hit async for hit in provider.search(query)]


async def test_typing_part_of_a_company_goes_to_that_application() -> None:
    app = BoardStub(APPLICATIONS)
    async with app.run_test() as pilot:
        await choose(pilot, "quilon")
        assert app.went_to == [APPLICATIONS[0].id]


async def test_a_fuzzy_role_goes_to_the_application_with_that_role() -> None:
    app = BoardStub(APPLICATIONS)
    async with app.run_test() as pilot:
        await choose(pilot, "prod dsgn")
        assert app.went_to == [APPLICATIONS[2].id]


async def test_a_bound_action_runs_when_chosen_from_the_palette() -> None:
    app = BoardStub(APPLICATIONS)
    async with app.run_test() as pilot:
        await choose(pilot, "archive the")
        assert app.archived == 1
        assert app.went_to == []


async def test_the_empty_palette_lists_each_action_once_with_all_its_keys() -> None:
    app = BoardStub(APPLICATIONS)
    async with app.run_test():
        hits = {hit.text: hit.help for hit in await discovered(app)}
    assert hits == {
        "Archive the card": "x",
        "Move to the next stage": "shift+→ or L",
    }


async def test_a_rebound_key_is_the_one_the_palette_shows() -> None:
    app = BoardStub(APPLICATIONS)
    async with app.run_test() as pilot:
        app.set_keymap({"archive": "y"})
        await pilot.pause()
        hits = {hit.text: hit.help for hit in await discovered(app)}
    assert hits["Archive the card"] == "y"


async def test_an_app_without_a_workspace_still_offers_its_actions() -> None:
    class Bare(App[None]):
        COMMANDS = App.COMMANDS | {ApplicationCommands}
        BINDINGS = [Binding("x", "bell", "Ring the bell", id="bell")]

    app = Bare()
    async with app.run_test():
        listed = [hit.text for hit in await discovered(app)]
        found = [hit.text for hit in await searched(app, "ring")]
    assert listed == found == ["Ring the bell"]

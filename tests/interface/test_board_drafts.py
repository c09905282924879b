"""Drafts of deleted applications: kept while undo can restore them, then forgotten."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, TextArea

from jobtui.domain.model import Kind
from jobtui.domain.notes.draft import Draft
from jobtui.domain.notes.drafts import DraftStore
from jobtui.domain.store import Store
from jobtui.interface.app import JobtuiApp
from jobtui.interface.screens.composer import ComposerScreen
from jobtui.interface.screens.confirm import ConfirmScreen
from jobtui.interface.screens.today import TodayScreen
from tests.interface.board_support import SIZE, board_app, board_of, demo_store

DRAFT = Draft("team@example.com", "Thank you", "Thanks for your time.")


def ids_of(store: Store, *companies: str) -> list[str]:
    """The ids of the named companies' applications, in the order named."""
    by_company = {app.company: app.id for app in store.applications()}
    return [by_company[company] for company in companies]


def drafted(path: Path, app_id: str) -> bool:
    """Whether the drafts file beside the database holds a draft for `app_id`."""
    return DraftStore.beside(path).load(app_id, Kind.THANK_YOU) is not None


def draft_for(path: Path, *app_ids: str) -> None:
    """Save a thank-you draft for each application."""
    drafts = DraftStore.beside(path)
    for app_id in app_ids:
        drafts.save(app_id, Kind.THANK_YOU, DRAFT)


async def open_and_close(path: Path) -> None:
    """Run the board on the database once, as a user opening and quitting it."""
    store = Store.open(path, writable=True)
    try:
        app = board_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
    finally:
        store.close()


async def delete_focused(app: JobtuiApp, pilot) -> None:
    """Delete the application under the cursor, confirming it."""
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmScreen)
    app.screen.dismiss(True)
    await pilot.pause()


async def test_the_board_forgets_the_drafts_of_an_application_jobtui_delete_took(
    tmp_path: Path, jobtui
) -> None:
    # The database the `jobtui` fixture's commands use (see tests/conftest.py).
    folder = tmp_path / "data"
    folder.mkdir()
    store = demo_store(folder)
    path = store.path
    deleted, kept = ids_of(store, "Harbor Logistics", "Kestrel Security")
    store.close()
    draft_for(path, deleted, kept)

    result = jobtui("delete", deleted, "--yes")
    assert result.status == 0, result.err
    assert drafted(path, deleted)

    await open_and_close(path)

    assert not drafted(path, deleted)
    assert drafted(path, kept)


async def test_a_delete_on_the_board_keeps_its_drafts_until_it_cannot_be_undone(
    app: JobtuiApp, store: Store
) -> None:
    path = store.path
    undone, deleted, kept = ids_of(
        store, "Harbor Logistics", "Kestrel Security", "Alder Climate"
    )
    draft_for(path, undone, deleted, kept)

    async with app.run_test(size=SIZE) as pilot:
        app.go_to_application(undone)
        await pilot.pause()
        await delete_focused(app, pilot)
        await pilot.press("u")
        app.go_to_application(deleted)
        await pilot.pause()
        await delete_focused(app, pilot)
        # While the board is open, undo could still bring it back.
        assert drafted(path, deleted)
    store.close()

    await open_and_close(path)

    assert not drafted(path, deleted)
    assert drafted(path, undone)
    assert drafted(path, kept)


async def write_a_draft(app: JobtuiApp, pilot, words: str) -> None:
    """Type at the end of the composer's body, then close it, keeping the draft."""
    assert isinstance(app.screen, ComposerScreen)
    area = app.screen.query_one("#note-body", TextArea)
    area.focus()
    area.move_cursor(area.document.end)
    await pilot.press(*words)
    await pilot.pause(0.2)
    await pilot.press("escape")
    await pilot.pause()


async def test_drafts_written_from_today_and_from_the_board_are_all_kept(
    tmp_path: Path,
) -> None:
    store = demo_store(tmp_path)
    larkspur, kestrel = ids_of(store, "Larkspur Health", "Kestrel Security")
    try:
        app = board_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("t")
            await pilot.pause()
            today = app.screen
            assert isinstance(today, TodayScreen)
            row = next(
                index
                for index, item in enumerate(today.items)
                if item.application.id == larkspur
            )
            today.query_one(DataTable).move_cursor(row=row)
            await pilot.press("w")
            await pilot.pause()
            await write_a_draft(app, pilot, "xyz")
            await pilot.press("escape")
            await pilot.pause()

            board_of(app).focus_card(kestrel)
            await pilot.press("w")
            await pilot.pause()
            await write_a_draft(app, pilot, "abc")
    finally:
        store.close()

    drafts = DraftStore.beside(store.path)
    assert drafts.load(larkspur, Kind.FOLLOWUP).body.endswith("xyz")
    assert drafts.load(kestrel, Kind.THANK_YOU).body.endswith("abc")

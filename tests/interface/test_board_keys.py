"""The board driven by keys alone: moving the cursor, moving cards, undo, filter."""

from __future__ import annotations

from textual.widgets import Input

from jobtui.domain.settings import Settings
from jobtui.domain.store import Store
from jobtui.interface.app import JobtuiApp
from jobtui.interface.board.keys import BOARD_BINDINGS
from jobtui.interface.screens.board import BoardScreen
from jobtui.interface.screens.stage_picker import StagePicker
from tests.interface.board_support import (
    SIZE,
    board_app,
    board_of,
    column,
    companies,
    focused_company,
    stage_on_disk,
)


def stage_of_cursor(app: JobtuiApp) -> str:
    board = board_of(app)
    return board.cursor.column.stage


async def test_the_cursor_starts_on_the_most_urgent_card(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE):
        assert focused_company(app) == "Harbor Logistics"
        head = str(column(app, "Applied").head.render())
        assert head.startswith("1 Applied") and head.endswith("10")


async def test_arrows_and_vim_keys_move_between_cards_and_columns(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")
        assert focused_company(app) == "Larkspur Health"
        await pilot.press("j", "j")
        assert focused_company(app) == "Bluefin Robotics"
        await pilot.press("k")
        assert focused_company(app) == "Quillon Labs"

        await pilot.press("right")
        assert stage_of_cursor(app) == "Under Review"
        await pilot.press("l")
        assert stage_of_cursor(app) == "Phone Screen"
        await pilot.press("h", "left")
        assert stage_of_cursor(app) == "Applied"
        assert focused_company(app) == "Quillon Labs"  # each column keeps its card


async def test_home_end_and_pages_stay_inside_the_column(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end")
        assert focused_company(app) == companies(app, "Applied")[-1]
        await pilot.press("home")
        assert focused_company(app) == "Harbor Logistics"
        await pilot.press("pagedown")
        page = column(app, "Applied").list.page_size
        assert focused_company(app) == companies(app, "Applied")[page]
        await pilot.press("pageup")
        assert focused_company(app) == "Harbor Logistics"


async def test_digits_jump_to_a_column(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert stage_of_cursor(app) == "Phone Screen"
        assert focused_company(app) == "Stratus Kitchens"
        await pilot.press("6")
        assert stage_of_cursor(app) == "Rejected"
        await pilot.press("9")  # no ninth column: nothing happens
        assert stage_of_cursor(app) == "Rejected"


async def test_the_focused_column_is_scrolled_into_view_at_80_columns(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        board = board_of(app)
        rejected = column(app, "Rejected")
        assert board.scroll_x > 0
        assert rejected.region.right <= board.region.right


async def test_shift_right_and_h_move_the_card_and_save_it(
    app: JobtuiApp, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+right")
        await pilot.pause()
        assert "Harbor Logistics" in companies(app, "Under Review")
        assert "Harbor Logistics" not in companies(app, "Applied")
        assert focused_company(app) == "Harbor Logistics"  # the cursor follows
        assert stage_of_cursor(app) == "Under Review"

        await pilot.press("L")
        assert "Harbor Logistics" in companies(app, "Phone Screen")
        await pilot.press("H", "shift+left")
        assert "Harbor Logistics" in companies(app, "Applied")
        app.workspace.flush()
        assert stage_on_disk(store, "Harbor Logistics") == "Applied"
        said = [note.message for note in app._notifications]
        assert "Moved Harbor Logistics — DevOps Engineer to Under Review." in said


async def test_a_move_is_saved_and_recorded_in_the_history(
    app: JobtuiApp, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+right")
        app.workspace.flush()
        with Store.open(store.path, writable=False) as reader:
            harbor = next(
                a for a in reader.applications() if a.company == "Harbor Logistics"
            )
        assert harbor.stage == "Under Review"
        assert harbor.events[-1].to_stage == "Under Review"
        await pilot.pause()


async def test_m_picks_a_stage_from_a_list(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, StagePicker)
        await pilot.press("down", "enter")  # past "Under Review" to "Phone Screen"
        await pilot.pause()
        assert "Harbor Logistics" in companies(app, "Phone Screen")

        await pilot.press("m")
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        assert "Harbor Logistics" in companies(app, "Rejected")

        await pilot.press("m")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StagePicker)


async def test_u_and_ctrl_z_undo_the_last_moves(app: JobtuiApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+right", "shift+right")
        assert "Harbor Logistics" in companies(app, "Phone Screen")
        await pilot.press("u")
        assert "Harbor Logistics" in companies(app, "Under Review")
        await pilot.press("ctrl+z")
        assert "Harbor Logistics" in companies(app, "Applied")
        app.workspace.flush()
        assert stage_on_disk(store, "Harbor Logistics") == "Applied"
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Undone: moved Harbor Logistics") for m in messages)

        await pilot.press("u")
        assert any("Nothing to undo" in n.message for n in app._notifications)


async def test_slash_filters_live_and_escape_clears_it(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"python")
        assert companies(app, "Applied") == [
            "Quillon Labs",
            "Mosaic HR",
            "Northwind Analytics",
        ]
        assert "3/10" in str(column(app, "Applied").head.render())
        assert "Alder Climate" in companies(app, "Offer")  # tagged python

        await pilot.press("escape")
        assert app.focused is board_of(app)
        assert len(companies(app, "Applied")) == 10
        assert app.query_one("#filter", Input).value == ""


async def test_typing_in_the_filter_never_triggers_board_keys(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"undo me", "enter")
        assert app.query_one("#filter", Input).value == "undo me"
        assert app.focused is board_of(app)
        assert not app.workspace.can_undo


async def test_f_jumps_to_the_next_due_follow_up_going_round(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        seen = [focused_company(app)]
        for _ in range(12):
            await pilot.press("f")
            seen.append(focused_company(app))
        assert seen[:6] == [
            "Harbor Logistics",
            "Larkspur Health",
            "Quillon Labs",
            "Bluefin Robotics",
            "Meridian Freight",
            "Fernhill Education",
        ]
        assert "Tidewater Energy" not in seen  # moving on is not a follow-up
        assert seen[12] == "Harbor Logistics"  # twelve are due: round again


async def test_c_collapses_then_hides_closed_stages(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        rejected = column(app, "Rejected")
        await pilot.press("c")
        assert rejected.collapsed and rejected.display
        await pilot.press("6")
        assert stage_of_cursor(app) != "Rejected"
        await pilot.press("c")
        assert not rejected.display
        await pilot.press("c")
        assert rejected.display and not rejected.collapsed
        await pilot.pause()
    assert app.ui_state.closed_stages == "shown"


async def test_the_footer_offers_the_main_keys(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = {
            binding.id
            for key, active in app.screen.active_bindings.items()
            if (binding := active.binding).show
        }
        assert {"open", "new", "move", "next_due", "undo", "filter", "help"} <= shown


async def test_every_board_binding_has_an_id_the_keymap_can_use(
    store: Store,
) -> None:
    settings = Settings(timezone="UTC", keymap={"move_right": "ctrl+right"})
    app = board_app(store, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        bindings = [*BOARD_BINDINGS, *BoardScreen.BINDINGS, *JobtuiApp.BINDINGS]
        assert all(binding.id for binding in bindings)
        await pilot.press("ctrl+right")
        assert "Harbor Logistics" in companies(app, "Under Review")


async def test_a_move_just_before_quitting_is_saved(
    app: JobtuiApp, store: Store
) -> None:
    async with app.run_test(size=SIZE):
        app.board_screen.actions.move(board_of(app).focused_id, "Offer")
        app.exit()
    assert stage_on_disk(store, "Harbor Logistics") == "Offer"

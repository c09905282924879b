"""The board's way into the other screens, and what it does with their answers."""

from __future__ import annotations

import copy

from jobtui.domain.model import Application, Interview, StageChange
from jobtui.interface.app import JobtuiApp
from jobtui.interface.screens.application_form import ApplicationForm
from jobtui.interface.screens.confirm import ConfirmScreen
from jobtui.interface.screens.detail import DetailScreen
from jobtui.interface.screens.event_form import EventForm
from jobtui.interface.screens.help import HelpScreen
from tests.interface.board_support import (
    FROZEN,
    SIZE,
    board_of,
    companies,
    focused_company,
)


def said(app: JobtuiApp) -> list[str]:
    return [note.message for note in app._notifications]


async def test_enter_opens_the_detail_view_whose_answer_is_carried_out(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)

        app.screen.dismiss("edit")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)


async def test_n_adds_an_application_and_focuses_it(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)

        new = Application(
            company="Zephyr Labs",
            role="Platform Engineer",
            stage="Applied",
            applied=FROZEN,
            events=[StageChange(at=FROZEN, from_stage=None, to_stage="Applied")],
            created=FROZEN,
            updated=FROZEN,
        )
        app.screen.dismiss(new)
        await pilot.pause()

        assert "Zephyr Labs" in companies(app, "Applied")
        assert focused_company(app) == "Zephyr Labs"
        assert "Added Zephyr Labs — Platform Engineer." in said(app)


async def test_e_edits_a_copy_and_the_card_shows_the_change(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ApplicationForm)

        changed = copy.deepcopy(board_of(app).focused_card.application)
        changed.role = "Staff DevOps Engineer"
        form.dismiss(changed)
        await pilot.pause()

        assert board_of(app).focused_card.application.role == "Staff DevOps Engineer"
        assert app.workspace.can_undo


async def test_d_deletes_after_confirming_and_undo_brings_it_back(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        app.screen.dismiss(False)
        await pilot.pause()
        assert "Harbor Logistics" in companies(app, "Applied")

        await pilot.press("d")
        await pilot.pause()
        app.screen.dismiss(True)
        await pilot.pause()
        assert "Harbor Logistics" not in companies(app, "Applied")

        await pilot.press("u")
        assert "Harbor Logistics" in companies(app, "Applied")
        assert focused_company(app) == "Harbor Logistics"


async def test_i_records_an_interview_which_calls_for_a_thank_you(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)

        app.screen.dismiss(Interview(at=FROZEN.subtract(hours=2), duration_minutes=60))
        await pilot.pause()

        card = board_of(app).focused_card
        assert card.application.company == "Harbor Logistics"
        assert card.window.kind.label == "thank-you"
        assert "Recorded an interview for Harbor Logistics — DevOps Engineer." in said(
            app
        )


async def test_r_and_o_open_the_quick_forms_for_a_reply_and_an_offer(
    app: JobtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        for key in ("r", "o"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, EventForm)
            app.screen.dismiss(None)
            await pilot.pause()
        assert not app.workspace.can_undo


async def test_question_mark_shows_every_key_and_the_legend(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = dict(app.screen.keys)
        assert keys["shift+→ L"] == "Move to next stage"
        assert keys["u ^z"] == "Undo the last move, edit or delete"
        assert keys["/"].startswith("Filter")
        assert len(app.screen.legend) == 5


async def test_the_command_palette_goes_to_an_application(app: JobtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        board = board_of(app)
        target = next(
            a.id
            for a in app.workspace.applications()
            if a.company == "Kestrel Security"
        )
        app.go_to_application(target)
        await pilot.pause()
        assert focused_company(app) == "Kestrel Security"
        assert app.focused is board

"""The composer: opens on the right note, checks as one types, keeps drafts, sends."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

import pendulum
import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Select, Static, TextArea

from jobtui.domain.demo import demo_applications
from jobtui.domain.model import FollowUp, Kind
from jobtui.domain.notes.drafts import DraftStore
from jobtui.domain.paths import outbox_dir
from jobtui.domain.rules import next_window
from jobtui.domain.settings import Settings
from jobtui.domain.storage import Store
from jobtui.domain.workspace import Workspace
from jobtui.interface import STYLESHEET
from jobtui.interface.screens.composer import ComposerScreen

FROZEN = pendulum.datetime(2026, 11, 4, 10, 0, tz="UTC")
SIGNED = Settings(timezone="UTC", your_name="Sam Lee")
UNSIGNED = Settings(timezone="UTC")
SIZE = (110, 36)
# Longer than the composer waits before it checks and saves.
SETTLE = 0.7


class ComposerHost(App[None]):
    """Shows a stand-in board and the composer over it; keeps the dismiss value."""

    CSS_PATH = STYLESHEET

    def __init__(
        self,
        workspace: Workspace,
        company: str,
        kind: Kind,
        settings: Settings = SIGNED,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.company = company
        self.kind = kind
        self.settings = settings
        self.result: bool | None = None

    def compose(self) -> ComposeResult:
        """The board's place, under the composer."""
        yield Static("\n".join(a.company for a in self.workspace.applications()))

    def on_mount(self) -> None:
        """Open the composer on the company's application."""
        self.push_screen(
            ComposerScreen(
                self.application,
                self.kind,
                workspace=self.workspace,
                drafts=DraftStore.beside(self.workspace.store.path),
                settings=self.settings,
                now=FROZEN,
            ),
            self.keep,
        )

    @property
    def application(self):
        """The application the composer is about, as the workspace has it now."""
        return next(
            app for app in self.workspace.applications() if app.company == self.company
        )

    def keep(self, result: bool | None) -> None:
        """Keep what the composer was dismissed with."""
        self.result = result

    @property
    def composer(self) -> ComposerScreen:
        """The composer screen."""
        screen = self.screen
        assert isinstance(screen, ComposerScreen)
        return screen


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database of the demo applications as of FROZEN."""
    path = tmp_path / "applications.json"
    with Store.open(path, writable=True) as store:
        store.add_many(demo_applications(FROZEN), now=FROZEN)
    return path


@pytest.fixture
def workspace(db: Path) -> Iterator[Workspace]:
    """A workspace over the demo database with a frozen clock."""
    yield from _workspace(db)


def _workspace(db: Path) -> Iterator[Workspace]:
    store = Store.open(db, writable=True)
    space = Workspace(store, clock=lambda: FROZEN)
    yield space
    space.close()
    store.close()


def body(app: ComposerHost) -> TextArea:
    """The composer's body."""
    return app.composer.query_one("#note-body", TextArea)


def field(app: ComposerHost, name: str) -> Input:
    """The composer's recipient ("to") or subject line."""
    return app.composer.query_one(f"#note-{name}", Input)


def ids(app: ComposerHost) -> list[str]:
    """The ids of the findings the composer shows."""
    return [finding.id for finding in app.composer.findings]


def shown_checks(app: ComposerHost) -> str:
    """The text of the checks panel."""
    return str(app.composer.query_one("#note-findings", Static).visual)


async def type_at_end(pilot, app: ComposerHost, text: str) -> None:
    """Type `text` at the end of the body, key by key, and let the checks run."""
    area = body(app)
    area.focus()
    area.move_cursor(area.document.end)
    await pilot.press(*[" " if c == " " else c for c in text])
    await pilot.pause(SETTLE)


def replace_in_body(app: ComposerHost, old: str, new: str) -> None:
    """Edit the body as one change, as a paste does."""
    area = body(app)
    area.replace(area.text.replace(old, new), area.document.start, area.document.end)


# Opening.


async def test_a_follow_up_opens_filled_from_the_application(workspace) -> None:
    app = ComposerHost(workspace, "Bluefin Robotics", Kind.FOLLOWUP)
    async with app.run_test(size=SIZE):
        assert field(app, "to").value == "jonas.weber@bluefin.example"
        assert "Backend Engineer" in field(app, "subject").value
        assert body(app).text.startswith("Hi Jonas,")
        assert "Bluefin Robotics" in body(app).text
        assert body(app).text.endswith("Sam Lee")
        assert body(app).has_focus


async def test_a_thank_you_opens_with_what_was_said_in_that_interview(
    workspace,
) -> None:
    app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU)
    async with app.run_test(size=SIZE):
        text = body(app).text
        assert text.startswith("Hi Felix,")
        assert "threat-modelling workshop" in text
        assert "Kestrel Security" in text
        assert field(app, "to").value == "felix@kestrel.example"
        assert ids(app) == []


async def test_an_offer_reply_asks_for_a_decision_date(workspace) -> None:
    app = ComposerHost(workspace, "Alder Climate", Kind.OFFER_REPLY)
    async with app.run_test(size=SIZE):
        assert body(app).text.startswith("Hi Freja,")
        assert "by Wednesday 11 November" in body(app).text
        assert (
            "Offer reply · Alder Climate"
            in app.composer.query_one("#composer").border_title
        )


async def test_the_kind_picker_starts_a_note_of_another_kind(workspace) -> None:
    app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU)
    async with app.run_test(size=SIZE) as pilot:
        app.composer.query_one("#composer-kind", Select).value = Kind.FINAL_CHECKIN
        await pilot.pause()

        assert app.composer.kind is Kind.FINAL_CHECKIN
        assert "my last note about the Security Engineer role" in body(app).text


# Checks while typing.


async def test_a_placeholder_check_fires_and_clears_as_the_user_types(
    workspace,
) -> None:
    app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU)
    async with app.run_test(size=SIZE) as pilot:
        await type_at_end(pilot, app, " {discussed}")
        assert ids(app) == ["placeholder"]
        assert "✗ Fill in {discussed}" in shown_checks(app)

        for _ in " {discussed}":
            await pilot.press("backspace")
        await pilot.pause(SETTLE)
        assert ids(app) == []
        assert "Nothing to change" in shown_checks(app)


@pytest.mark.parametrize(
    ("typed", "finding"),
    [
        (" As I mentioned, I need an answer.", "pressure"),
        (" Any news??? Hope to hear soon.", "pressure"),
        (" One. Two. Three.", "too_long"),
        (" My experience is deep. I led a team. I built a platform.", "selling"),
    ],
)
async def test_each_check_fires_on_typing_and_clears_on_deleting(
    workspace, typed: str, finding: str
) -> None:
    app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU)
    async with app.run_test(size=SIZE) as pilot:
        original = body(app).text
        body(app).move_cursor(body(app).document.end)
        replace_in_body(app, "send it.", "send it." + typed)
        await pilot.pause(SETTLE)
        assert finding in ids(app)
        assert "•" in shown_checks(app)

        replace_in_body(app, typed, "")
        await pilot.pause(SETTLE)
        assert body(app).text == original
        assert ids(app) == []


async def test_a_thank_you_without_the_interview_specifics_reads_as_templated(
    workspace,
) -> None:
    app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU)
    async with app.run_test(size=SIZE) as pilot:
        specifics = (
            "their threat-modelling workshop and a bug-bounty backlog of 40 reports"
        )
        replace_in_body(app, specifics, "the role")
        await pilot.pause(SETTLE)
        assert ids(app) == ["not_specific"]

        replace_in_body(app, "the role", "the threat-modelling workshop")
        await pilot.pause(SETTLE)
        assert ids(app) == []


async def test_writing_to_a_silent_chain_suggests_moving_on(workspace) -> None:
    app = ComposerHost(workspace, "Tidewater Energy", Kind.FINAL_CHECKIN)
    async with app.run_test(size=SIZE):
        assert ids(app) == ["move_on"]


# Drafts.


async def test_a_draft_survives_escape_and_a_restart(db: Path) -> None:
    for workspace in _workspace(db):
        app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU)
        async with app.run_test(size=SIZE) as pilot:
            await type_at_end(pilot, app, " PS thanks")
            await pilot.press("escape")
            await pilot.pause()
            assert app.result is False

    for workspace in _workspace(db):
        app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU)
        async with app.run_test(size=SIZE):
            assert body(app).text.endswith("Sam Lee PS thanks")


async def test_a_draft_is_saved_while_typing_without_closing(db: Path) -> None:
    for workspace in _workspace(db):
        app = ComposerHost(workspace, "Orchard Pay", Kind.THANK_YOU)
        async with app.run_test(size=SIZE) as pilot:
            await type_at_end(pilot, app, " Cheers")
            # As if the terminal closed now: another reader sees the draft.
            saved = DraftStore.beside(db).load(app.application.id, Kind.THANK_YOU)
            assert saved is not None
            assert saved.body.endswith("Cheers")


async def test_a_draft_typed_just_before_quitting_is_kept(db: Path) -> None:
    for workspace in _workspace(db):
        app = ComposerHost(workspace, "Orchard Pay", Kind.THANK_YOU)
        async with app.run_test(size=SIZE) as pilot:
            body(app).insert(" Bye", body(app).document.end)
            await pilot.pause()
            app_id = app.application.id
        saved = DraftStore.beside(db).load(app_id, Kind.THANK_YOU)
        assert saved is not None
        assert saved.body.endswith("Bye")


async def test_an_untouched_template_leaves_no_draft(db: Path) -> None:
    for workspace in _workspace(db):
        app = ComposerHost(workspace, "Orchard Pay", Kind.THANK_YOU)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("escape")

    assert not DraftStore.beside(db).path.exists()


# Finishing.


async def test_mark_as_sent_records_the_note_and_the_rules_move_on(workspace) -> None:
    app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU)
    async with app.run_test(size=SIZE) as pilot:
        text = body(app).text
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.result is True
        application = app.application
        sent = application.events_of(FollowUp)[-1]
        assert (sent.kind, sent.text, sent.at, sent.channel) == (
            Kind.THANK_YOU,
            text,
            FROZEN,
            "email",
        )
        window = next_window(
            application,
            FROZEN,
            stages=workspace.stages,
            settings=SIGNED.rules,
            calendar=SIGNED.calendar(),
        )
        assert window is not None
        assert window.kind is Kind.FOLLOWUP
        draft = DraftStore.beside(workspace.store.path).load(
            application.id, Kind.THANK_YOU
        )
        assert draft is None


async def test_a_note_with_a_placeholder_is_not_marked_sent(workspace) -> None:
    app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU, UNSIGNED)
    async with app.run_test(size=SIZE) as pilot:
        before = len(app.application.events)
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.result is None
        assert len(app.application.events) == before
        assert any("[your name]" in n.message for n in app._notifications)

        replace_in_body(app, "[your name]", "Sam")
        await pilot.click("#composer-send")
        await pilot.pause()
        assert app.result is True
        assert len(app.application.events) == before + 1


async def test_the_editor_round_trip_brings_the_edited_text_back(
    workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        "path = Path(sys.argv[1])\n"
        "path.write_text(path.read_text().replace('Hi Felix', 'Dear Felix'))\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {script}")
    # A headless test has no terminal to hand over; the editor runs all the same.
    monkeypatch.setattr(App, "suspend", lambda self: nullcontext())

    app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU)
    async with app.run_test(size=SIZE) as pilot:
        before = body(app).text
        await pilot.press("ctrl+e")
        await pilot.pause()

        assert body(app).text == before.replace("Hi Felix", "Dear Felix")


async def test_saving_as_eml_writes_to_the_outbox(workspace) -> None:
    app = ComposerHost(workspace, "Alder Climate", Kind.OFFER_REPLY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()

    saved = list(outbox_dir(workspace.store.path).glob("*.eml"))
    assert [path.name for path in saved] == ["2026-11-04-Alder-Climate-offer_reply.eml"]
    assert b"X-Unsent: 1" in saved[0].read_bytes()


async def test_copy_puts_the_body_on_the_clipboard(workspace) -> None:
    app = ComposerHost(workspace, "Alder Climate", Kind.OFFER_REPLY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        assert app.clipboard == body(app).text


# Snapshots.


def _still(app: ComposerHost):
    """A run_before that stops the cursors blinking, for a stable picture."""

    async def run_before(pilot) -> None:
        for widget in app.composer.query("Input, TextArea"):
            widget.cursor_blink = False
        await pilot.pause()

    return run_before


def test_snapshot_of_the_composer_on_a_thank_you(snap_compare, workspace) -> None:
    app = ComposerHost(workspace, "Kestrel Security", Kind.THANK_YOU, UNSIGNED)
    assert snap_compare(app, terminal_size=SIZE, run_before=_still(app))


def test_snapshot_of_the_composer_on_an_offer_reply(snap_compare, workspace) -> None:
    app = ComposerHost(workspace, "Alder Climate", Kind.OFFER_REPLY)
    assert snap_compare(app, terminal_size=SIZE, run_before=_still(app))

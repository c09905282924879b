"""Help lists every key the board passes and explains each highlight."""

from __future__ import annotations

import pytest

from jobtui.interface.screens.help import HelpScreen
from tests.interface.screen_host import ScreenHost, text

KEYS = [
    ("←/→ h/l", "previous / next column"),
    ("↑/↓ j/k", "previous / next card"),
    ("shift+←/→ H/L", "move the card to the previous / next stage"),
    ("m", "move the card to a stage you pick"),
    ("enter", "open the application"),
    ("n", "add an application"),
    ("e", "edit the application"),
    ("d", "delete the application"),
    ("u ctrl+z", "undo the last change"),
    ("/", "filter by company, role or tag"),
    ("f", "jump to the next follow-up due"),
    ("?", "this help"),
]
# Samples in content markup with theme colours, as the board passes them.
LEGEND = [
    ("[$text-error bold]▲ overdue[/]", "the follow-up's due time has passed"),
    ("[$text-warning bold]● due[/]", "due within a day: send it today"),
    ("[$text-success]○ open[/]", "the window for the follow-up has opened"),
    ("[$text-secondary]? move on[/]", "the silence has lasted; consider closing it"),
    ("[$text-muted]· waiting[/]", "the next window has not opened yet"),
]
SIZE = (100, 34)


def helping(legend=LEGEND) -> ScreenHost:
    return ScreenHost(lambda: HelpScreen(KEYS, legend))


def cells(app: ScreenHost, id: str) -> list[tuple[str, str]]:
    """The rows of a two-column table as (left, right) texts."""
    texts = [text(cell) for cell in app.screen.query(f"#{id} > Static")]
    return list(zip(texts[::2], texts[1::2], strict=True))


async def test_every_key_is_listed_with_what_it_does() -> None:
    app = helping()
    async with app.run_test(size=SIZE):
        assert cells(app, "help-keys") == KEYS


async def test_every_highlight_is_explained_in_words() -> None:
    app = helping()
    async with app.run_test(size=SIZE):
        legend = cells(app, "help-legend")

    assert legend == [
        ("▲ overdue", "the follow-up's due time has passed"),
        ("● due", "due within a day: send it today"),
        ("○ open", "the window for the follow-up has opened"),
        ("? move on", "the silence has lasted; consider closing it"),
        ("· waiting", "the next window has not opened yet"),
    ]


async def test_a_sample_that_is_not_markup_is_shown_as_it_is() -> None:
    app = helping(legend=[("[overdue", "a follow-up is late")])
    async with app.run_test(size=SIZE):
        assert cells(app, "help-legend") == [("[overdue", "a follow-up is late")]


@pytest.mark.parametrize("key", ["escape", "question_mark"])
async def test_escape_or_question_mark_closes_help(key: str) -> None:
    app = helping()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()

    assert app.dismissed
    assert app.result is None


def test_snapshot_of_the_help_screen(snap_compare) -> None:
    assert snap_compare(helping(), terminal_size=SIZE)

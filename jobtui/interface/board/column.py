"""One stage's column: a head with its name and count over a list that draws cards.

The list is a line-API scroll view: it draws only the lines in view, taking
each card's lines from a cache, so a column of ten thousand cards costs what a
column of ten does. There is no widget per card.
"""

from __future__ import annotations

import re
import textwrap

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RenderStyles
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from jobtui.interface.board.board_model import BoardModel, StageCards
from jobtui.interface.board.cards import Card, Urgency, card_text

# A card is a gap line and five lines of text: company, role, time in the
# stage, and the follow-up, which may take two lines.
CARD_HEIGHT = 6
# The rows of a card that hold its follow-up; a click there opens the composer.
FOLLOW_UP_ROWS = (4, 5)
FOLLOW_UP_LINES = 2
BAR = "▌"
WAITING_BAR = "│"
MARKER = "▸ lands here"
_NUMBER_AND_UNIT = re.compile(r"(\d+) (\w+)")
# The stylesheet's parts of a card. The board holds them, once for every list:
# Textual works out each part's style again whenever a widget holding it is
# restyled, and six lists holding them made up most of the board's styling.
CARD_STYLES = frozenset(
    {
        "card",
        "card--cursor",
        "card--cursor-idle",
        "card--company",
        "card--muted",
        "card--dragged",
        "card--marker",
        *(f"card--{urgency.style_name}" for urgency in Urgency),
    }
)


class CardList(ScrollView, can_focus=False):
    """The cards of one stage, drawn line by line; only the visible ones are drawn."""

    ALLOW_SELECT = False

    def __init__(self, model: BoardModel, stage: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model = model
        self.stage = stage
        self.cursor: int | None = None
        self.active = False
        self.drop_index: int | None = None
        self.dragged: str | None = None
        self.hint = ""
        self._cache: LRUCache[tuple[object, ...], tuple[Card, list[Strip]]]
        self._cache = LRUCache(256)

    @property
    def cards(self) -> StageCards:
        """The model's column for this list's stage."""
        return self.model.column_named(self.stage)

    def update_cards(self) -> None:
        """Take the column's cards again after a change, and redraw."""
        height = len(self.cards.shown) * CARD_HEIGHT + 1
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, height)
        self.refresh()

    def clear_cache(self) -> None:
        """Forget every drawn card: the time or the theme changed."""
        self._cache.clear()
        self.refresh()

    def card_index_at(self, y: int) -> int | None:
        """The index of the card drawn at line `y` of the widget, or None."""
        index, row = divmod(self.scroll_offset.y + y, CARD_HEIGHT)
        if row == 0 or index >= len(self.cards.shown):
            return None
        return index

    def is_follow_up_line(self, y: int) -> bool:
        """Whether line `y` of the widget shows a card's follow-up."""
        return (self.scroll_offset.y + y) % CARD_HEIGHT in FOLLOW_UP_ROWS

    def scroll_to_card(self, index: int) -> None:
        """Scroll so that the card at `index` is in view, whole cards at the top."""
        top = index * CARD_HEIGHT
        height = self.scrollable_content_region.height
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + CARD_HEIGHT > self.scroll_offset.y + height:
            first = max(0, index - self.page_size + 1)
            self.scroll_to(y=first * CARD_HEIGHT, animate=False, immediate=True)

    @property
    def page_size(self) -> int:
        """How many whole cards fit in view (at least one)."""
        return max(1, self.scrollable_content_region.height // CARD_HEIGHT)

    def get_component_styles(self, *names: str) -> RenderStyles:
        """A card part's styles from the board that holds them; others, its own."""
        holder = self.parent.parent if self.parent is not None else None
        if holder is not None and CARD_STYLES.issuperset(names):
            return holder.get_component_styles(*names)
        return super().get_component_styles(*names)

    def notify_style_update(self) -> None:
        """Styles changed (a new theme): drawn cards are stale."""
        super().notify_style_update()
        self._cache.clear()

    def on_resize(self) -> None:
        """The width changed: lay the cards out again."""
        self.update_cards()

    def render_line(self, y: int) -> Strip:
        """One line of the column: a card's line, a gap, or the drop marker."""
        width = self.scrollable_content_region.width
        shown = self.cards.shown
        index, row = divmod(self.scroll_offset.y + y, CARD_HEIGHT)
        if row == 0:
            if self.drop_index == index:
                style = self.get_visual_style("card--marker").rich_style
                return Strip([Segment(_fit(MARKER, width), style)], width)
            return Strip.blank(width, self.rich_style)
        if index >= len(shown):
            line = self.scroll_offset.y + y - 1
            hint = textwrap.wrap(self.hint, max(1, width - 2)) if not shown else []
            if 0 <= line < len(hint):
                style = self.get_visual_style("card--muted").rich_style
                return Strip([Segment(_fit(f" {hint[line]}", width), style)], width)
            return Strip.blank(width, self.rich_style)
        card = self.model.card_at(self.cards, index)
        return self._card_strips(card, index == self.cursor, width)[row - 1]

    def _card_strips(self, card: Card, cursor: bool, width: int) -> list[Strip]:
        dragged = card.app_id == self.dragged
        key = (card.app_id, cursor, self.active, dragged, width)
        cached = self._cache.get(key)
        if cached is not None and cached[0] is card:
            return cached[1]
        strips = self._draw(card, cursor, dragged, width)
        self._cache[key] = (card, strips)
        return strips

    def _draw(self, card: Card, cursor: bool, dragged: bool, width: int) -> list[Strip]:
        """The five text lines of a card."""
        assert self.model.now is not None
        first = self.model.columns[0].name if self.model.columns else None
        pending = not self.model.settled and card.window is None
        text = card_text(card, self.model.now, first_stage=first, pending=pending)
        base: tuple[str, ...] = ("card",)
        if cursor:
            base += ("card--cursor" if self.active else "card--cursor-idle",)
        if dragged:
            base += ("card--dragged",)

        def style(*names: str) -> Style:
            return self.get_visual_style(*base, *names).rich_style

        state = f"card--{card.urgency.style_name}"
        bar = WAITING_BAR if card.urgency >= Urgency.WAITING else BAR
        room = max(1, width - 2)
        follow_up = _wrap(text.follow_up, room)
        lines = [
            (text.company, style("card--company")),
            (text.role, style()),
            (text.since, style("card--muted")),
            *((line, style(state)) for line in follow_up),
        ]
        bar_style = style(state)
        pad = style()
        return [
            Strip(
                [
                    Segment(bar, bar_style),
                    Segment(" ", pad),
                    Segment(_fit(words, room), line_style),
                ],
                width,
            )
            for words, line_style in lines
        ]


def _wrap(text: str, width: int) -> list[str]:
    """The follow-up on its two lines; a number and its unit stay together."""
    joined = _NUMBER_AND_UNIT.sub("\\1\u00a0\\2", text)
    lines = [line.replace("\u00a0", " ") for line in textwrap.wrap(joined, width)]
    if len(lines) > FOLLOW_UP_LINES:
        lines = [lines[0], " ".join(lines[1:])]
    return lines + [""] * (FOLLOW_UP_LINES - len(lines))


def _fit(text: str, width: int) -> str:
    """`text` cut with an ellipsis or padded with spaces to exactly `width` cells."""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class StageColumn(Vertical):
    """A stage's head (number, name, count) over its cards."""

    ALLOW_SELECT = False

    def __init__(self, model: BoardModel, stage: str, *, closed: bool) -> None:
        super().__init__(classes="-closed" if closed else "")
        self.stage = stage
        self.number: int | None = None
        self.head = Static(classes="column-head")
        self.list = CardList(model, stage)

    def compose(self) -> ComposeResult:
        """The head and the cards."""
        yield self.head
        yield self.list

    def mark(self, name: str, on: bool) -> None:
        """Set a class such as "-cursor" or "-drop-target" on the head and the list.

        Not on the column itself: restyling it would restyle the list under it,
        and make it draw every card again.
        """
        self.head.set_class(on, name)
        if name != "-cursor":
            self.list.set_class(on, name)

    def marked(self, name: str) -> bool:
        """Whether the column carries a mark."""
        return self.head.has_class(name)

    @property
    def collapsed(self) -> bool:
        """Whether only the head shows."""
        return self.has_class("-collapsed")

    def update_head(self) -> None:
        """Show the stage's number key, name and count."""
        cards = self.list.cards
        count = (
            f"{len(cards.shown)}/{cards.total}"
            if self.list.model.filtering
            else str(cards.total)
        )
        number = f"{self.number} " if self.number is not None else ""
        if self.collapsed:
            self.head.update(
                Content.assemble("▸ ", self.stage, " ", (count, "dim")), layout=False
            )
            return
        width = max(1, self.head.size.width or 26)
        name = _fit(f"{number}{self.stage}", max(1, width - len(count) - 1)).rstrip()
        gap = " " * max(1, width - cell_len(name) - len(count))
        self.head.update(
            Content.assemble((name, "bold"), gap, (count, "dim")), layout=False
        )

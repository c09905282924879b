"""A horizontal bar chart in block characters: "Applied  ████████████ 25"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

# A bar's last cell in eighths, so that bars close in size still differ.
EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
EMPTY_TEXT = "no data"


@dataclass(frozen=True, slots=True)
class BarRow:
    """One bar: its label, its length as a value and the figure written after it."""

    label: str
    value: float
    shown: str


class Bars(Widget):
    """Labelled bars, as long as their value against `maximum` (by default the largest).

    Args:
        rows: the bars, top to bottom; none shows "no data".
        maximum: the value of a bar that fills the width.
        label_width: the room for labels, to line up with another chart.
    """

    def __init__(
        self,
        rows: Sequence[BarRow],
        *,
        maximum: float | None = None,
        label_width: int = 0,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.rows = list(rows)
        self.maximum = maximum
        self.label_width = label_width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line per bar, or one for "no data"."""
        return max(1, len(self.rows))

    def render(self) -> Content:
        """The bars, fitted to the widget's width."""
        lines = self.lines(self.size.width)
        if not self.rows:
            return Content.styled(EMPTY_TEXT, "$text-muted")
        return Content("\n").join(
            Content.assemble((label, "$text"), (bar, "$accent"), (shown, "$text-muted"))
            for label, bar, shown in lines
        )

    def lines(self, width: int) -> list[tuple[str, str, str]]:
        """Each bar as (label, bar, figure) texts that together fill `width`."""
        if not self.rows:
            return []
        longest = max(len(row.label) for row in self.rows)
        label_width = max(longest, self.label_width) + 1
        shown_width = max(len(row.shown) for row in self.rows) + 1
        room = max(1, width - label_width - shown_width)
        top = self.maximum or max(row.value for row in self.rows) or 1.0
        return [
            (
                row.label.ljust(label_width),
                bar(row.value / top, room).ljust(room),
                row.shown.rjust(shown_width),
            )
            for row in self.rows
        ]


def bar(fraction: float, width: int) -> str:
    """A bar `fraction` of `width` cells long, to an eighth of a cell."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    whole, part = divmod(eighths, 8)
    return FULL * whole + (EIGHTHS[part] if part else "")

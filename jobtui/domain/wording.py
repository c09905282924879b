"""Short phrases for a window, as a card or a list line says them."""

from __future__ import annotations

from pendulum import DateTime

from jobtui.domain.model import Kind
from jobtui.domain.rules import OVERDUE, WAITING, Window
from jobtui.domain.times import describe_span, seconds_since_epoch


def window_phrase(window: Window, now: DateTime) -> str:
    """What the window asks of the user at `now`: "thank-you due in 5 h".

    Others: "follow-up opens in 4 days", "follow-up overdue 2 days", "move on?".
    """
    state = window.state(now)
    label = window.kind.label
    if state == WAITING:
        return f"{label} opens in {_span(now, window.opens)}"
    if window.kind is Kind.MOVE_ON:
        return (
            "move on?" if state != OVERDUE else f"move on? ({_span(window.opens, now)})"
        )
    if state == OVERDUE:
        return f"{label} overdue {_span(window.due, now)}"
    return f"{label} due in {_span(now, window.due)}"


def _span(start: DateTime, end: DateTime) -> str:
    return describe_span(seconds_since_epoch(end) - seconds_since_epoch(start))

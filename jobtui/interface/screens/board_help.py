"""The help screen's contents: every key of the board, and what the highlights mean."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.app import App
from textual.binding import BindingsMap
from textual.dom import DOMNode

from jobtui.interface.board.cards import LEGEND, Urgency

# Keys the help lists otherwise (the digits, as one line) or never needs (a
# drag is never going on while help is open).
HIDDEN_FROM_HELP = frozenset(
    {"cancel_drag", *(f"column_{number}" for number in range(1, 10))}
)


def board_keys(
    nodes: Iterable[DOMNode], keymap: Mapping[str, str], app: App[object]
) -> list[tuple[str, str]]:
    """Every key of the nodes given (board, screen, app) and what it does.

    Args:
        keymap: the user's keys by binding id, as the settings give them.
    """
    keys: dict[str, list[str]] = {}
    described: dict[str, str] = {}
    for node in nodes:
        bindings = BindingsMap(node.BINDINGS)
        order = [binding.id for _, binding in bindings]
        bindings.apply_keymap(dict(keymap))
        found = sorted(bindings, key=lambda pair: order.index(pair[1].id))
        for _, binding in found:
            which = binding.id or binding.action
            if not binding.description or which in HIDDEN_FROM_HELP:
                continue
            keys.setdefault(which, []).append(app.get_key_display(binding))
            described.setdefault(which, binding.tooltip or binding.description)
    listed = [(" ".join(keys[which]), described[which]) for which in keys]
    listed.insert(8, ("1 … 9", "Jump to a column by the number in its head"))
    listed.append(("^p", "Command palette: every action, and go to an application"))
    return listed


def legend() -> list[tuple[str, str]]:
    """What each highlight means, each sample in the style the cards use."""
    styles = {
        Urgency.OVERDUE: "$text-error bold",
        Urgency.DUE_SOON: "$text-warning bold",
        Urgency.OPEN: "$text-success",
        Urgency.MOVE_ON: "$text-secondary",
        Urgency.WAITING: "$text-muted",
    }
    return [
        (f"[{styles[urgency]}]{urgency.symbol} {urgency.name.lower()}[/]", meaning)
        for urgency, meaning in LEGEND
    ]

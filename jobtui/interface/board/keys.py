"""The board's keys, each with an id so that the settings file can rebind it.

Keys that act on a card are disabled (and shown dimmed) when the cursor is on
no card; moving between cards and columns is marked `system`, which keeps it
out of the command palette, where it means nothing.
"""

from __future__ import annotations

from textual.binding import Binding

# The actions of `request(...)` that need a card under the cursor.
CARD_ACTIONS = (
    "open",
    "write",
    "timeline",
    "edit",
    "delete",
    "interview",
    "reply",
    "offer",
    "move",
)

BOARD_BINDINGS: list[Binding] = [
    Binding("up,k", "cursor(-1)", "Card above", id="card_up", show=False, system=True),
    Binding(
        "down,j", "cursor(1)", "Card below", id="card_down", show=False, system=True
    ),
    Binding(
        "left,h", "column(-1)", "Column left", id="column_left", show=False, system=True
    ),
    Binding(
        "right,l",
        "column(1)",
        "Column right",
        id="column_right",
        show=False,
        system=True,
    ),
    Binding("home", "edge(0)", "First card", id="first_card", show=False, system=True),
    Binding("end", "edge(1)", "Last card", id="last_card", show=False, system=True),
    Binding("pageup", "page(-1)", "Page up", id="page_up", show=False, system=True),
    Binding(
        "pagedown", "page(1)", "Page down", id="page_down", show=False, system=True
    ),
    *(
        Binding(
            str(n),
            f"jump({n})",
            f"Column {n}",
            id=f"column_{n}",
            show=False,
            system=True,
        )
        for n in range(1, 10)
    ),
    Binding(
        "enter",
        "request('open')",
        "Open",
        id="open",
        tooltip="Open the application: every detail and its history",
    ),
    Binding(
        "w",
        "request('write')",
        "Write note",
        id="write",
        tooltip="Write the follow-up that is due (or any note) in the composer",
    ),
    Binding(
        "t",
        "request('today')",
        "Today",
        id="today",
        tooltip="Every follow-up due today, most urgent first",
    ),
    Binding(
        "T",
        "request('timeline')",
        "Timeline",
        id="timeline",
        show=False,
        tooltip="The application's history in time order, with its silences",
    ),
    Binding(
        "S",
        "request('stats')",
        "Numbers",
        id="stats",
        show=False,
        tooltip="The numbers of the search: funnel, response rate, pace",
    ),
    Binding("n", "request('add')", "Add", id="new", tooltip="Add an application"),
    Binding("e", "request('edit')", "Edit", id="edit", tooltip="Edit the application"),
    Binding(
        "d",
        "request('delete')",
        "Delete",
        id="delete",
        show=False,
        tooltip="Delete the application, after asking",
    ),
    Binding(
        "i",
        "request('interview')",
        "Record an interview",
        id="interview",
        show=False,
    ),
    Binding("r", "request('reply')", "Record a reply", id="reply", show=False),
    Binding("o", "request('offer')", "Record an offer", id="offer", show=False),
    Binding(
        "m",
        "request('move')",
        "Move to…",
        id="move",
        tooltip="Move the card to a stage chosen from a list",
    ),
    Binding(
        "shift+left,H",
        "shift(-1)",
        "Move to previous stage",
        id="move_left",
        show=False,
    ),
    Binding(
        "shift+right,L",
        "shift(1)",
        "Move to next stage",
        id="move_right",
        show=False,
    ),
    Binding(
        "f",
        "next_due",
        "Next due",
        id="next_due",
        tooltip="Jump to the next card whose follow-up is due, going round",
    ),
    Binding(
        "c",
        "closed_stages",
        "Closed stages",
        id="closed_stages",
        show=False,
        tooltip="Show closed stages, collapse them to their heads, or hide them",
    ),
    Binding(
        "u,ctrl+z",
        "request('undo')",
        "Undo",
        id="undo",
        tooltip="Undo the last move, edit or delete",
    ),
    Binding("escape", "cancel_drag", "Cancel drag", id="cancel_drag", show=False),
]

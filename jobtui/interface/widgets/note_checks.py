"""Beside the composer's editor: the sentence count and what the checks found."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from jobtui.domain.model import Kind
from jobtui.domain.notes.checks import Finding, a_kind, length_rule

BLOCKS_MARK = "✗"
ADVICE_MARK = "•"
CLEAR_MARK = "✓"


class NoteChecks(Static):
    """What the checks say about the note, one short sentence per finding.

    A finding that blocks marking the note sent is marked ✗, advice •, so
    that colour is never the only sign.
    """

    def show(self, kind: Kind, sentences: int, findings: list[Finding]) -> None:
        """Show the findings for a note of `kind` that has `sentences` sentences."""
        noun = "sentence" if sentences == 1 else "sentences"
        rule = f"{a_kind(kind)} takes {length_rule(kind)}"
        lines = [
            Content.styled(f"{sentences} {noun}; {rule}.", "dim"),
            Content(""),
        ]
        for finding in findings:
            mark, style = (
                (BLOCKS_MARK, "bold $error")
                if finding.blocks
                else (ADVICE_MARK, "bold $warning")
            )
            lines.append(Content.assemble((mark, style), " ", finding.message))
            lines.append(Content(""))
        if not findings:
            lines.append(
                Content.assemble((CLEAR_MARK, "bold $success"), " Nothing to change.")
            )
        self.update(Content("\n").join(lines))

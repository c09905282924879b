"""A short list of stages to move a card to; the current one cannot be chosen."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jobtui.domain.model import StageSet


class StagePicker(ModalScreen[str | None]):
    """Asks which stage to move an application to; dismisses with its name or None.

    Args:
        stages: the board's stages, in order.
        current: the application's stage now, shown but not offered.
        title: what is being moved, such as "Bluefin Robotics — Backend Engineer".
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="stage_picker.cancel")]

    def __init__(self, stages: StageSet, current: str, title: str) -> None:
        super().__init__()
        self.stages = stages
        self.current = current
        self.title_text = title

    def compose(self) -> ComposeResult:
        """The question and the stages, numbered, the current one marked."""
        options = []
        for number, stage in enumerate(self.stages, 1):
            here = stage.name.casefold() == self.current.casefold()
            label = f"{number}  {stage.name}" + ("  (now)" if here else "")
            options.append(Option(label, id=stage.name, disabled=here))
        with Vertical(id="stage-picker"):
            yield Static(f"Move {self.title_text} to:", id="stage-picker-question")
            yield OptionList(*options, id="stage-picker-options")

    def on_mount(self) -> None:
        """Start on the stage after the current one, the likeliest choice."""
        options = self.query_one(OptionList)
        here = self.stages.index(self.current)
        enabled = [
            position
            for position, option in enumerate(options.options)
            if not option.disabled
        ]
        later = [position for position in enabled if position > here]
        options.highlighted = (later or enabled or [0])[0]
        options.focus()

    def on_key(self, event: events.Key) -> None:
        """A digit chooses the stage of that number at once."""
        key = event.character
        if key and key.isdigit() and 1 <= int(key) <= len(self.stages):
            event.stop()
            stage = self.stages.stages[int(key) - 1]
            if stage.name.casefold() != self.current.casefold():
                self.dismiss(stage.name)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) chooses the highlighted stage."""
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Leave without moving."""
        self.dismiss(None)

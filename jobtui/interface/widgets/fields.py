"""The lines of a form: a label, a control, and under it a hint, error or read-back.

A `Field` checks its text with a reader from the domain (`jobtui.domain.forms`)
as the user types and says what is wrong in words, or how a date was understood.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import ComposeResult
from textual.containers import HorizontalGroup, VerticalGroup
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from jobtui.domain.errors import InputError
from jobtui.domain.forms import Reader

ERROR_MARK = "✗ "


class ReaderCheck(Validator):
    """A Textual validator that asks a domain reader whether a text is acceptable."""

    def __init__(self, reader: Reader) -> None:
        super().__init__()
        self.reader = reader

    def validate(self, value: str) -> ValidationResult:
        """Success, or a failure described in the reader's own words."""
        try:
            self.reader(value)
        except InputError as error:
            return self.failure(error.what, value)
        return self.success()


class FormRow(HorizontalGroup):
    """A labelled line of a form, holding one control and a message under it."""

    def __init__(self, label: str, *, hint: str = "", id: str) -> None:
        super().__init__(id=id)
        self.label = label
        self.hint = hint
        self.message = Static(hint, classes="row--message", markup=False)

    @property
    def control(self) -> Widget:
        """The widget the user types into or picks from."""
        raise NotImplementedError

    @property
    def text(self) -> str:
        """What the control holds, as text for a reader."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        """The label beside the control, and the message under it."""
        yield Label(self.label, classes="row--label")
        with VerticalGroup(classes="row--body"):
            yield self.control
            yield self.message

    def say(self, text: str, *, error: bool = False, read_back: bool = False) -> None:
        """Show a message under the control: an error, a read-back, or the hint."""
        self.message.update(f"{ERROR_MARK}{text}" if error else text or self.hint)
        self.message.set_class(error, "-error")
        self.message.set_class(read_back and bool(text), "-read-back")

    def show_error(self, what: str) -> None:
        """Show an error found when the whole form was read."""
        self.say(what, error=True)

    def check(self, *, force: bool = False) -> bool:
        """Whether the control holds something acceptable; only fields can fail."""
        return True


class Field(FormRow):
    """A line of text checked by a domain reader as the user types.

    Args:
        label: the field's name as the user reads it.
        reader: turns the text into a value or raises InputError.
        read_back: says how an acceptable text was understood, as "→ ...".
        hint: shown under the field while there is nothing else to say.
    """

    def __init__(
        self,
        label: str,
        reader: Reader,
        *,
        value: str = "",
        placeholder: str = "",
        hint: str = "",
        read_back: Callable[[str], str] | None = None,
        id: str,
    ) -> None:
        super().__init__(label, hint=hint, id=id)
        self.reader = reader
        self.read_back = read_back
        self.touched = False
        self.input = Input(
            value,
            placeholder=placeholder,
            validators=[ReaderCheck(reader)],
            compact=True,
            id=f"{id}-input",
        )

    @property
    def control(self) -> Input:
        """The Input holding the text."""
        return self.input

    @property
    def text(self) -> str:
        """The text as typed."""
        return self.input.value

    def on_mount(self) -> None:
        """Read back what the field starts with, without calling it wrong yet."""
        self.check()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Check the text at each keystroke."""
        self.touched = True
        self.check()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Say what is wrong with a field once the user has left it."""
        self.touched = True
        self.check()

    def check(self, *, force: bool = False) -> bool:
        """Whether the text is acceptable; says why not once touched or forced."""
        try:
            self.reader(self.text)
        except InputError as error:
            if self.touched or force:
                self.input.validate(self.text)
                self.say(error.what, error=True)
            return False
        self.input.validate(self.text)
        self.say(self.read_back(self.text) if self.read_back else "", read_back=True)
        return True

    def show_error(self, what: str) -> None:
        """Show an error found when the whole form was read, and mark the Input."""
        self.touched = True
        self.input.set_class(True, "-invalid")
        super().show_error(what)


class ChoiceField(FormRow):
    """A line with a choice among fixed options, such as the stage."""

    def __init__(
        self, label: str, options: Iterable[str], *, value: str, hint: str = "", id: str
    ) -> None:
        super().__init__(label, hint=hint, id=id)
        choices = [(option, option) for option in options]
        self.select: Select[str] = Select(
            choices, value=value, allow_blank=False, compact=True, id=f"{id}-select"
        )

    @property
    def control(self) -> Select[str]:
        """The Select of the options."""
        return self.select

    @property
    def text(self) -> str:
        """The option chosen."""
        value = self.select.value
        return value if isinstance(value, str) else ""


class NotesField(FormRow):
    """A few lines of free text, such as notes or what an interview covered."""

    def __init__(self, label: str, *, value: str = "", hint: str = "", id: str) -> None:
        super().__init__(label, hint=hint, id=id)
        self.area = TextArea(value, soft_wrap=True, compact=True, id=f"{id}-area")

    @property
    def control(self) -> TextArea:
        """The TextArea holding the text."""
        return self.area

    @property
    def text(self) -> str:
        """The text as typed."""
        return self.area.text

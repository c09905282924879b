"""What the application and event forms share: checks, saving with ctrl+s, leaving."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from jobtui.domain.errors import InputError
from jobtui.domain.forms import Reader, first_error, read_fields
from jobtui.interface.screens.confirm import ConfirmScreen
from jobtui.interface.widgets.fields import Field, FormRow

T = TypeVar("T")


class FormScreen(ModalScreen[T | None], Generic[T]):
    """A form over the board: every field checked as typed, saved whole with ctrl+s.

    A subclass yields its rows (named after its readers) from `compose_rows` and
    makes its result from the values read in `build`.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save"),
        Binding("escape", "leave", "Leave", id="form.leave"),
    ]

    def __init__(self, title: str, intro: str, readers: Mapping[str, Reader]) -> None:
        super().__init__()
        self.form_title = title
        self.intro = intro
        self.readers = dict(readers)
        # The text each field starts with; a subclass fills it in.
        self.start: dict[str, str] = {}
        self._first_texts: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        """The panel of rows under the form's title, and the keys at the bottom."""
        with Vertical(id="form-panel") as panel:
            panel.border_title = self.form_title
            with VerticalScroll(id="form-rows"):
                yield Static(self.intro, id="form-intro", markup=False)
                yield from self.compose_rows()
        yield Footer()

    def compose_rows(self) -> ComposeResult:
        """The form's rows, one per reader, with the reader's name as id."""
        raise NotImplementedError

    def text_field(self, label: str, name: str, **options: Any) -> Field:
        """A text field for the reader `name`, started with the form's text for it."""
        return Field(
            label,
            self.readers[name],
            value=self.start.get(name, ""),
            id=name,
            **options,
        )

    def build(self, values: Mapping[str, Any]) -> T:
        """The result from the values read; raises InputError naming a field."""
        raise NotImplementedError

    def on_mount(self) -> None:
        """Start in the first field; keep the texts, to know later if they change."""
        self._first_texts = self.texts()
        self.row(next(iter(self.readers))).control.focus()

    def row(self, name: str) -> FormRow:
        """The row of one field."""
        return self.query_one(f"#{name}", FormRow)

    def texts(self) -> dict[str, str]:
        """Every field's text, by field name."""
        return {name: self.row(name).text for name in self.readers}

    @property
    def changed(self) -> bool:
        """Whether anything differs from what the form started with."""
        return self.texts() != self._first_texts

    def action_save(self) -> None:
        """Save if every field is acceptable; otherwise show why and go to the first."""
        values, errors = read_fields(self.readers, self.texts())
        for name in self.readers:
            row = self.row(name)
            if name in errors:
                row.show_error(errors[name])
            else:
                row.check(force=True)
        if errors:
            self._refuse(errors)
            return

        try:
            result = self.build(values)
        except InputError as error:
            if error.where not in self.readers:
                raise
            self.row(error.where).show_error(error.what)
            self._refuse({error.where: error.what})
            return
        self.dismiss(result)

    def _refuse(self, errors: Mapping[str, str]) -> None:
        """Say the form was not saved, and put the cursor in the first bad field."""
        first = first_error(self.readers, errors)
        if first is not None:
            self.row(first).control.focus()
        count = len(errors)
        fields = "a field needs" if count == 1 else f"{count} fields need"
        self.notify(f"Not saved: {fields} attention.", severity="warning")

    def action_leave(self) -> None:
        """Leave without saving, asking first if anything was changed."""
        if not self.changed:
            self.dismiss(None)
            return

        def leave_if_confirmed(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                "Leave without saving your changes?", confirm_label="Discard"
            ),
            leave_if_confirmed,
        )

"""Editing a note in the user's editor: the command, and the round trip by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobtui.domain.errors import InputError
from jobtui.domain.notes.editing import edit_in_file, editor_command


def test_visual_comes_before_editor() -> None:
    environ = {"VISUAL": "code --wait", "EDITOR": "nano"}

    assert editor_command(environ) == ["code", "--wait"]
    assert editor_command({"EDITOR": "nano -R"}) == ["nano", "-R"]


def test_without_either_variable_vi_is_used() -> None:
    assert editor_command({"EDITOR": "  "}) == ["vi"]


def test_an_editor_variable_that_cannot_be_split_is_reported() -> None:
    with pytest.raises(InputError, match=r"\$EDITOR"):
        editor_command({"EDITOR": 'vim "unclosed'})


def test_the_edited_text_comes_back_and_the_file_is_removed() -> None:
    seen: list[Path] = []

    def editor(path: Path) -> bool:
        seen.append(path)
        assert path.read_text(encoding="utf-8") == "Hi Dana,\n"
        path.write_text("Hi Dana, ça va?\n", encoding="utf-8")
        return True

    assert edit_in_file("Hi Dana,", editor) == "Hi Dana, ça va?"
    assert not seen[0].exists()


def test_a_failed_editor_leaves_the_text_as_it_was() -> None:
    def editor(path: Path) -> bool:
        path.write_text("half-typed", encoding="utf-8")
        return False

    assert edit_in_file("Hi Dana,", editor) is None


def test_an_editor_that_cannot_start_is_reported_and_the_file_removed() -> None:
    seen: list[Path] = []

    def missing(path: Path) -> bool:
        seen.append(path)
        raise FileNotFoundError(2, "No such file or directory", "nano")

    with pytest.raises(FileNotFoundError):
        edit_in_file("Hi Dana,", missing)
    assert not seen[0].exists()

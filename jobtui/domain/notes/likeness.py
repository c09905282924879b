"""How alike two notes are, word by word, ignoring case, punctuation and greetings."""

from __future__ import annotations

from difflib import SequenceMatcher

from jobtui.domain.notes.reading import content_lines, find_placeholders, read_body

_PUNCTUATION = ".,;:!?\"'()[]“”‘’…—–-"


def note_words(text: str) -> list[str]:
    """The note's words in lower case, its greeting and sign-off left out."""
    words = (
        word.strip(_PUNCTUATION)
        for line in content_lines(text)
        for word in line.split()
    )
    return [word.casefold() for word in words if word]


def is_alike(words: list[str], other: list[str], threshold: float) -> bool:
    """Whether two lists of words match at `threshold` or more (difflib's ratio)."""
    matcher = SequenceMatcher(None, words, other, autojunk=False)
    # The cheap upper bounds rule most pairs out before the real ratio.
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


def has_own_words(text: str, template: str, threshold: float) -> bool:
    """Whether some sentence of the note is not one of the template's general ones.

    The template's general sentences are those without a placeholder; without
    a template to compare with, any sentence counts as the user's own.
    """
    sentences = [note_words(sentence) for sentence in read_body(text).sentences]
    if not template.strip():
        return bool(sentences)
    general = [
        note_words(sentence)
        for sentence in read_body(template).sentences
        if not find_placeholders(sentence)
    ]
    return any(
        not any(is_alike(words, stock, threshold) for stock in general)
        for words in sentences
    )

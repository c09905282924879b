"""Reading a note's body: its greeting and sign-off, its sentences, its gaps.

How sentences are counted, so that a limit such as "three at most" means what a
reader would count:

- A greeting on the first line ("Hi Dana," "Dear Ms. Ruiz,") is not a sentence,
  and neither is anything from the sign-off on ("Best, Sam", or "Kind regards,"
  with a name and a phone number below it), nor a bare name on the last line.
- A sentence ends at ".", "!", "?" or "…" (a run of them, and any closing quote or
  bracket) followed by a space or the end of the text. It does not end there when
  the next word starts in lower case ("e.g. the team", "I wondered... whether"),
  nor after a title ("Mr.", "Dr.", "No."), a common abbreviation ("e.g.",
  "approx.") or a single initial ("J. Smith"). A full stop inside a word
  ("3.5", "example.com/jobs") ends nothing.
- A blank line ends a sentence even without punctuation, and each bulleted or
  numbered line is a sentence of its own.
- A piece with no letter or digit in it ("—", "!!!") is not a sentence.

A placeholder is text in square brackets or braces, on one line, with a letter
in it: "[your name]", "{discussed}". "[1]" is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b"
    r"(?:\s+(?:(?:mr|mrs|ms|mx|dr|prof)\.|[^\s,:;!?.]+)){0,4}?\s*(?:[,:!]|$)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^\s*(?:best(?: wishes| regards)?|all the best|(?:kind|warm|warmest) regards"
    r"|warm wishes|regards|many thanks|with thanks|thanks(?: again| so much)?"
    r"|thank you(?: again| so much)?|cheers|sincerely|yours(?: sincerely| truly)?"
    r"|warmly|take care|talk soon|speak soon|respectfully)"
    r"\s*(?:[,!.—–-]\s*(?:[^\s,.!?;:]+\.?(?:\s+[^\s,.!?;:]+\.?){0,3})?)?\s*$",
    re.IGNORECASE,
)
# Lines under a sign-off: a name, a title, a phone number, a link.
_SIGNATURE_LINES = 5
_SIGNATURE_WORDS = 8

_BULLET = re.compile(r"^\s*(?:[-*•‣◦▪–]|\d{1,2}[.)])\s+")
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_LAST_WORD = re.compile(r"(\S+)$")
# Words usually followed by a capital or a number. Titles count only with their
# capital, so that "3.5 ms. Then" still ends a sentence.
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "No"})
_ABBREVIATIONS = frozenset({"approx", "ca", "cf", "e.g", "i.e", "fig", "ref", "vs"})
# A last line of this many words or fewer, without a full stop, is a signature.
_NAME_WORDS = 3
_BRACKETED = re.compile(r"\[[^\[\]\n]*\]|\{[^{}\n]*\}")


@dataclass(frozen=True, slots=True)
class Reading:
    """A body as the checks see it: its sentences and how many are bullet lines."""

    sentences: tuple[str, ...]
    bullets: int


def content_lines(body: str) -> list[str]:
    """The body's lines without the greeting and without the sign-off and below."""
    lines = body.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return []

    greeting = _GREETING.match(lines[first])
    if greeting is not None:
        rest = lines[first][greeting.end() :].strip()
        lines[first] = rest
    content = lines[first : _sign_off_at(lines, first)]
    while content and not content[-1].strip():
        content.pop()
    if len(content) > 1 and _is_bare_name(content[-1]):
        content.pop()
    return content


def read_body(body: str) -> Reading:
    """The sentences of a note's body, counted as the module says."""
    sentences: list[str] = []
    bullets = 0
    paragraph: list[str] = []

    def close_paragraph() -> None:
        if paragraph:
            sentences.extend(split_sentences(" ".join(paragraph)))
            paragraph.clear()

    for line in content_lines(body):
        if not line.strip():
            close_paragraph()
        elif _BULLET.match(line):
            close_paragraph()
            found = split_sentences(_BULLET.sub("", line, count=1))
            bullets += 1 if found else 0
            sentences.extend(found)
        else:
            paragraph.append(line.strip())
    close_paragraph()
    return Reading(tuple(sentences), bullets)


def count_sentences(body: str) -> int:
    """How many sentences the body has, as the module counts them."""
    return len(read_body(body).sentences)


def split_sentences(text: str) -> list[str]:
    """The sentences of one paragraph of running text."""
    pieces: list[str] = []
    start = 0
    for end in _END.finditer(text):
        if _ends_sentence(text, end):
            pieces.append(text[start : end.end()])
            start = end.end()
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if _has_word(piece)]


def find_placeholders(text: str) -> list[str]:
    """Every placeholder left in `text`, in order, as written: "[your name]"."""
    return [
        match.group()
        for match in _BRACKETED.finditer(text)
        if _has_letter(match.group())
    ]


def _ends_sentence(text: str, end: re.Match[str]) -> bool:
    following = text[end.end() :].lstrip()
    if not following:
        return True
    if following[0].islower():
        return False
    if end.group() != ".":
        return True

    before = _LAST_WORD.search(text, 0, end.start())
    if before is None:
        return True
    word = before.group(1).lstrip("([\"'“‘")
    if word in _TITLES or word.casefold() in _ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isalpha() and word.isupper())


def _sign_off_at(lines: list[str], first: int) -> int:
    """Where the sign-off starts: the last sign-off line with only a signature below."""
    for index in range(len(lines) - 1, first, -1):
        if not _SIGN_OFF.match(lines[index]):
            continue
        below = [line for line in lines[index + 1 :] if line.strip()]
        if len(below) <= _SIGNATURE_LINES and all(
            len(line.split()) <= _SIGNATURE_WORDS for line in below
        ):
            return index
    return len(lines)


def _is_bare_name(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= _NAME_WORDS
        and not _END.search(line)
        and all(word[:1].isupper() for word in words)
    )


def _has_word(text: str) -> bool:
    return any(character.isalnum() for character in text)


def _has_letter(text: str) -> bool:
    return any(character.isalpha() for character in text)

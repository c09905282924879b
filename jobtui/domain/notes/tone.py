"""Wording that works against a note: pressure, shouting, selling, and its specifics.

Each function is a plain text test that the checks combine. The word lists
aim at what a recruiter would read as impatience or as a second cover letter;
they advise, so an occasional false alarm costs little.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_APOSTROPHE = "['’]"
_PRESSURE = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\bstill (?:haven{_APOSTROPHE}t|have not|hasn{_APOSTROPHE}t|has not|not)"
        r" heard\b",
        rf"\b(?:haven{_APOSTROPHE}t|have not) (?:yet )?heard (?:back|anything)\b",
        r"\b(?:as|like) I (?:said|mentioned|wrote|stated|explained)\b",
        r"\bas (?:previously|already|earlier) (?:mentioned|stated|said|discussed)\b",
        r"\bper my (?:last|previous|earlier) (?:e-?mail|message|note)\b",
        r"\b(?:several|many|multiple|repeated|three|four|five) times\b",
        r"\bASAP\b",
        r"\bas soon as possible\b",
        r"\burgent(?:ly)?\b",
        r"\bI need (?:an answer|a reply|a response|to know|to hear)\b",
        r"\b(?:respond|reply|answer|get back to me)"
        r" (?:immediately|right away|straight away|by return)\b",
        rf"\b(?:why|how come) (?:haven{_APOSTROPHE}t|hasn{_APOSTROPHE}t|have not"
        rf"|has not|didn{_APOSTROPHE}t|did not|has no ?one|has nobody)\b",
        r"\b(?:no one|nobody) (?:has )?(?:replied|responded|answered|got back)\b",
        rf"\b(?:I{_APOSTROPHE}m|I am) still waiting\b",
        r"\b(?:frustrat|disappoint)\w*",
        r"\bignor(?:ed|ing) (?:me|my)\b",
        rf"\byou (?:said|promised) (?:you would|you{_APOSTROPHE}d)\b",
        r"[!?]*(?:!!|\?\?|\?!|!\?)[!?]*",
    )
)
_CAPITALS = re.compile(r"\b[A-Z][A-Z'’]*[A-Z]\b(?:\s+\b[A-Z][A-Z'’]*\b)*")
_SHOUT_LETTERS = 7
_SELLING = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bmy (?:experience|background|skills?|skill set|expertise|track record"
        r"|achievements|accomplishments|qualifications|strengths|results)\b",
        r"\byears of (?:experience|expertise)\b",
        r"\btrack record\b",
        r"\b(?:proven|extensive|deep|strong|solid) (?:experience|expertise"
        r"|background|ability|skills|knowledge)\b",
        r"\bI (?:have |['’]ve )?(?:led|built|delivered|achieved|increased|reduced"
        r"|grew|launched|shipped|spearheaded|founded|architected|scaled|managed"
        r"|saved|won|drove|mentored|optimi[sz]ed|automated)\b",
        r"\b(?:ideal|perfect|strong|great|excellent|best|right) (?:candidate|fit"
        r"|match|person)\b",
        r"\b(?:I['’]m|I am) (?:confident|certain|sure|convinced) (?:that )?I\b",
        r"\bI (?:would |can |could )?(?:bring|offer)\b",
        r"\bin my (?:current|previous|last|former|past) (?:role|job|position)\b",
        r"\bI(?:['’]m| am) (?:highly |very )?(?:skilled|qualified|experienced)\b",
        r"\b(?:skilled|expert|proficient|experienced) (?:in|at|with)\b",
    )
)

_WORD = re.compile(r"[^\W_][\w'’-]*")
# Common words, and words that every interview's notes share.
_COMMON = (
    "about above after again also among asked back been before being below"
    " both call called chat could did does doing down each even first from"
    " further have having here into just like made make many more most much"
    " must next only other over quite really round same screen second should"
    " some such talk talked than that their theirs them then there these they"
    " this those through under until upon very want wanted well went were"
    " what when where which while will with would your yours ours"
    " interview interviews interviewed recruiter final onsite meeting spoke"
    " discussed discussion conversation team role company today yesterday"
    " thank thanks time week weeks"
)
_STOP_WORDS = frozenset(_COMMON.split())


def pressure_phrases(text: str, exempt: Iterable[str] = ()) -> list[str]:
    """The phrases in `text` that read as impatience or pressure, and any shouting.

    Words in `exempt` (the company's and role's own names) never count as shouting.
    """
    found = [match.group() for pattern in _PRESSURE for match in pattern.finditer(text)]
    return found + shouting(text, exempt)


def shouting(text: str, exempt: Iterable[str] = ()) -> list[str]:
    """Runs of words in capitals long enough to read as raised voice.

    A run needs two words or more and seven letters in all, so that one
    acronym ("AWS", "GDPR") or a lone word of emphasis passes.
    """
    allowed = {word.casefold() for name in exempt for word in _WORD.findall(name)}
    runs = []
    for match in _CAPITALS.finditer(text):
        words = [
            word for word in match.group().split() if word.casefold() not in allowed
        ]
        letters = sum(len(word) for word in words)
        if len(words) >= 2 and letters >= _SHOUT_LETTERS:
            runs.append(match.group())
    return runs


def is_selling(sentence: str) -> bool:
    """Whether a sentence argues the user's case: experience, results, fit."""
    return any(pattern.search(sentence) for pattern in _SELLING)


def keywords(text: str, ignore: Iterable[str] = ()) -> set[str]:
    """The words in `text` that carry its specifics: not common words, not `ignore`.

    Words are lower case with a plural "s" taken off, and each part of a
    hyphenated word counts too ("claims-fraud" gives "claims-fraud", "claim",
    "fraud"); numbers of two digits or more count.
    """
    ignored = {_stem(word) for name in ignore for word in _tokens(name)}
    found = set()
    for token in _tokens(text):
        stem = _stem(token)
        if stem in ignored or token in _STOP_WORDS:
            continue
        if token.isdigit():
            if len(token) >= 2:
                found.add(stem)
        elif len(token) >= 4:
            found.add(stem)
    return found


def mentions(text: str, words: set[str]) -> bool:
    """Whether `text` uses any of `words` (as `keywords` gives them)."""
    return any(_stem(token) in words for token in _tokens(text))


def _tokens(text: str) -> list[str]:
    tokens = []
    for word in _WORD.findall(text.casefold()):
        word = word.replace("’", "'").removesuffix("'s").strip("'-")
        tokens.append(word)
        if "-" in word:
            tokens.extend(part for part in word.split("-") if part)
    return [token for token in tokens if token]


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word

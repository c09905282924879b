"""Checks on a note while it is written: each finding a short sentence of advice.

The checks, by id:

- `placeholder`: a bracketed prompt or a `{field}` is still in the note. The only
  finding that blocks: a note is not marked sent with a gap in it.
- `too_long`, `too_short`: the sentence count (see `reading`) is outside the
  range for the kind in `LENGTHS`.
- `repeats_earlier`: the note is word for word, or nearly (a similarity of
  `REPEAT_SIMILARITY` or more over its words), a note already sent.
- `pressure`: frustration or pressure ("as I mentioned", "ASAP", "!!!") or
  shouting in capitals.
- `selling`: several sentences, or a bulleted list, arguing for the user's
  experience and fit; a follow-up is not a second cover letter.
- `not_specific`: a thank-you that names nothing recorded for that interview
  or, when nothing was recorded, keeps only the template's general wording.
- `cadence`: one more chasing follow-up would go over `cadence_max` within
  `cadence_days`.
- `move_on`: the rules already suggest moving on from this application.

Everything here is pure: the same text and arguments give the same findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from pendulum import DateTime

from jobtui.domain.calendar import BusinessCalendar
from jobtui.domain.model import Application, FollowUp, Interview, Kind, StageSet
from jobtui.domain.notes.likeness import has_own_words, is_alike, note_words
from jobtui.domain.notes.reading import Reading, find_placeholders, read_body
from jobtui.domain.notes.tone import is_selling, keywords, mentions, pressure_phrases
from jobtui.domain.rules import RuleSettings, chase_count, next_window
from jobtui.domain.times import format_local

ADVICE = "advice"
BLOCKS = "blocks"

LENGTHS: dict[Kind, tuple[int, int]] = {
    Kind.FOLLOWUP: (1, 3),
    Kind.SECOND_FOLLOWUP: (1, 3),
    Kind.FINAL_CHECKIN: (1, 3),
    Kind.THANK_YOU: (3, 5),
    Kind.OFFER_REPLY: (2, 5),
}
REPEAT_SIMILARITY = 0.9
# Fewer words than this in a note are too few to call a repeat.
REPEAT_MIN_WORDS = 5
TEMPLATE_SIMILARITY = 0.85
BULLETS_FOR_A_PITCH = 3
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight")
_ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh")


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found: its id, whether it blocks, and what to do about it."""

    id: str
    severity: str
    message: str

    @property
    def blocks(self) -> bool:
        """Whether the finding keeps the note from being marked sent."""
        return self.severity == BLOCKS


def check_note(
    text: str,
    *,
    kind: Kind,
    application: Application,
    now: DateTime,
    settings: RuleSettings,
    interview: Interview | None = None,
    subject: str = "",
    template: str = "",
    stages: StageSet | None = None,
    calendar: BusinessCalendar | None = None,
) -> list[Finding]:
    """Everything worth a second look in a note's body, blocking findings first.

    Args:
        text: the body.
        interview: the interview a thank-you is about.
        subject: the subject line, checked for placeholders too.
        template: the filled template the note started from, whose general
            wording a thank-you should not keep alone.
        stages, calendar: for the rules' next window; the default stages and
            a weekends-only calendar when not given.
    """
    reading = read_body(text)
    found = [
        _placeholders(subject, text),
        _length(reading, kind),
        _repeats(text, application, now, settings),
        _pressure(text, application),
        _selling(reading, kind),
        _not_specific(text, kind, application, interview, template),
        _cadence(kind, application, now, settings),
        _move_on(kind, application, now, settings, stages, calendar),
    ]
    return [finding for finding in found if finding is not None]


def a_kind(kind: Kind) -> str:
    """The kind with its article, as a sentence says it: "an offer reply"."""
    article = "an" if kind.label[:1] in "aeiou" else "a"
    return f"{article} {kind.label}"


def length_rule(kind: Kind) -> str:
    """How long a note of `kind` should be, in words: "three to five sentences"."""
    return _range(*LENGTHS[kind])


def blocking(findings: list[Finding]) -> list[Finding]:
    """The findings that keep a note from being marked sent."""
    return [finding for finding in findings if finding.blocks]


def _placeholders(subject: str, body: str) -> Finding | None:
    gaps = list(dict.fromkeys(find_placeholders(subject) + find_placeholders(body)))
    if not gaps:
        return None
    return Finding(
        "placeholder", BLOCKS, f"Fill in {_listed(gaps)} before you send it."
    )


def _length(reading: Reading, kind: Kind) -> Finding | None:
    low, high = LENGTHS[kind]
    count = len(reading.sentences)
    if count > high:
        return Finding(
            "too_long",
            ADVICE,
            f"{_sentences(count)}; {a_kind(kind)} reads best at {_range(low, high)}.",
        )
    if count < low:
        so_far = f"{_sentences(count)} so far" if count else "Nothing written yet"
        return Finding(
            "too_short",
            ADVICE,
            f"{so_far}; {a_kind(kind)} needs {_range(low, high)}.",
        )
    return None


def _repeats(
    text: str, application: Application, now: DateTime, settings: RuleSettings
) -> Finding | None:
    words = note_words(text)
    if len(words) < REPEAT_MIN_WORDS:
        return None

    for sent in reversed(application.events_of(FollowUp)):
        if sent.at > now or not sent.text.strip():
            continue
        earlier = note_words(sent.text)
        if is_alike(words, earlier, REPEAT_SIMILARITY):
            how = "the same as" if words == earlier else "nearly the same as"
            day = format_local(sent.at, settings.zone, time=False)
            return Finding(
                "repeats_earlier",
                ADVICE,
                f"This is {how} the note you sent on {day}; say something new "
                "or let it rest.",
            )
    return None


def _pressure(text: str, application: Application) -> Finding | None:
    phrases = pressure_phrases(text, exempt=(application.company, application.role))
    if not phrases:
        return None
    quoted = _listed([f"“{phrase}”" for phrase in dict.fromkeys(phrases)][:3])
    return Finding(
        "pressure",
        ADVICE,
        f"{quoted} can read as impatience; a calm, friendly tone gets more replies.",
    )


def _selling(reading: Reading, kind: Kind) -> Finding | None:
    pitches = sum(1 for sentence in reading.sentences if is_selling(sentence))
    allowed = 2 if kind is Kind.THANK_YOU else 1
    if reading.bullets >= BULLETS_FOR_A_PITCH:
        return Finding(
            "selling",
            ADVICE,
            "A list of points reads as a new pitch; a line about your interest "
            "is enough here.",
        )
    if pitches > allowed:
        return Finding(
            "selling",
            ADVICE,
            f"{_sentences(pitches)} argue for hiring you; {a_kind(kind)} is a "
            "nudge, not a second cover letter.",
        )
    return None


def _not_specific(
    text: str,
    kind: Kind,
    application: Application,
    interview: Interview | None,
    template: str,
) -> Finding | None:
    if kind is not Kind.THANK_YOU or interview is None:
        return None

    names = [application.company, application.role, interview.with_whom]
    recorded = keywords(interview.notes, ignore=names)
    # With nothing recorded, the template's own sentences are what to avoid.
    if recorded:
        specific = mentions(text, recorded)
    else:
        specific = has_own_words(text, template, TEMPLATE_SIMILARITY)
    if specific:
        return None
    return Finding(
        "not_specific",
        ADVICE,
        "Nothing here is from that interview; name something you talked about "
        "so it reads as meant for them.",
    )


def _cadence(
    kind: Kind, application: Application, now: DateTime, settings: RuleSettings
) -> Finding | None:
    if not kind.is_chase:
        return None
    sent = chase_count(application, now, settings)
    if sent < settings.cadence_max:
        return None
    nth = _ORDINALS[sent + 1] if sent + 1 < len(_ORDINALS) else f"no. {sent + 1}"
    return Finding(
        "cadence",
        ADVICE,
        f"This would be your {nth} follow-up in {settings.cadence_days} days; "
        "give them time to answer first.",
    )


def _move_on(
    kind: Kind,
    application: Application,
    now: DateTime,
    settings: RuleSettings,
    stages: StageSet | None,
    calendar: BusinessCalendar | None,
) -> Finding | None:
    if not kind.is_chase:
        return None
    window = next_window(
        application,
        now,
        stages=stages or StageSet(),
        settings=settings,
        calendar=calendar or BusinessCalendar(),
    )
    if window is None or window.kind is not Kind.MOVE_ON:
        return None
    return Finding(
        "move_on",
        ADVICE,
        "After this much silence the answer is usually no; consider closing "
        "the application instead of writing again.",
    )


def _listed(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _sentences(number: int) -> str:
    word = _NUMBERS[number] if number < len(_NUMBERS) else str(number)
    noun = "sentence" if number == 1 else "sentences"
    return f"{word[0].upper()}{word[1:]} {noun}"


def _range(low: int, high: int) -> str:
    if low <= 1:
        return f"{_NUMBERS[high]} sentences at most"
    return f"{_NUMBERS[low]} to {_NUMBERS[high]} sentences"

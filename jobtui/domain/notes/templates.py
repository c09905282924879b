"""Note templates: jobtui's own wording or the user's, filled in from the application.

A template is a text file: "#" comment lines if wanted, a "Subject:" line, a
blank line, then the body. These placeholders are filled in:

- `{first_name}`: the first name of the person the note goes to: the interviewer
  for a thank-you when known, else the application's first contact.
- `{company}`, `{role}`: from the application.
- `{applied_day}`, `{interview_day}`: when you applied, and when the interview
  was, as a phrase: "on Tuesday" within a week, else "on 3 November".
- `{discussed}`: what you recorded for that interview, its first sentence
  without a leading label such as "Final round:".
- `{decision_date}`: for an offer reply, the date to decide by, the longest
  timeline the rules allow (`decision_max_business_days`) in business days.
- `{role_detail}`: never filled; it asks you to name what draws you to the role.
- `{your_name}`: the `your_name` setting.

What the application does not know stays in the note as a bracketed prompt such
as "[your name]", which the checks flag and which blocks marking the note sent.
`{{` and `}}` stand for literal braces.

A file `templates/<name>.txt` in the config folder replaces the bundled template
of that name; the names are in `TEMPLATE_NAMES`. Moving on has no template: once
silence is the answer, the board closes the application, and no note is owed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pendulum import Date, DateTime

from jobtui.domain.calendar import BusinessCalendar
from jobtui.domain.errors import InputError
from jobtui.domain.model import Application, Contact, Interview, Kind
from jobtui.domain.notes.draft import Draft
from jobtui.domain.notes.reading import split_sentences
from jobtui.domain.paths import config_dir
from jobtui.domain.rules import RuleSettings, offer_decision_date

AFTER_INTERVIEW = "followup_after_interview"
TEMPLATE_NAMES = (
    Kind.FOLLOWUP.value,
    AFTER_INTERVIEW,
    Kind.SECOND_FOLLOWUP.value,
    Kind.FINAL_CHECKIN.value,
    Kind.THANK_YOU.value,
    Kind.OFFER_REPLY.value,
)
PROMPTS = {
    "first_name": "[first name]",
    "company": "[company]",
    "role": "[role]",
    "applied_day": "[when you applied]",
    "interview_day": "[when you spoke]",
    "discussed": "[something specific from the conversation]",
    "decision_date": "[the date you will decide by]",
    "role_detail": "[what draws you to the role]",
    "your_name": "[your name]",
}
PLACEHOLDERS = frozenset(PROMPTS)

_FIELD = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")
_SUBJECT = re.compile(r"^subject:\s*", re.IGNORECASE)
_LABEL = re.compile(r"^([^:]{1,60}):\s+(?=\S)")
_LABEL_WORDS = 6
_WEEK = 6


@dataclass(frozen=True, slots=True)
class Template:
    """A template's subject line and body, with placeholders, and where it came from."""

    name: str
    subject: str
    body: str
    source: str

    @property
    def placeholders(self) -> set[str]:
        """The names of the placeholders the template uses."""
        return {
            match.group(1).strip()
            for part in (self.subject, self.body)
            for match in _FIELD.finditer(part)
            if match.group(1) is not None
        }


def template_name(kind: Kind, application: Application, now: DateTime) -> str:
    """The template for `kind`; a first follow-up after an interview has its own."""
    if not kind.is_message:
        raise InputError("kind", "moving on needs no note; close the application")
    if kind is Kind.FOLLOWUP and _last_interview(application, now) is not None:
        return AFTER_INTERVIEW
    return kind.value


def user_template_path(name: str) -> Path:
    """Where the user's own template of this name goes, to replace jobtui's."""
    return config_dir() / "templates" / f"{name}.txt"


def load_template(name: str) -> Template:
    """The user's template of this name if there is one, else jobtui's own.

    Raises:
        InputError: naming the user's file when it cannot be read, has no
            "Subject:" line or uses a placeholder that does not exist.
    """
    path = user_template_path(name)
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(str(path), f"cannot be read ({error})") from error
        return parse_template(name, text, str(path))

    bundled = resources.files("jobtui.domain.notes") / "templates" / f"{name}.txt"
    return parse_template(name, bundled.read_text(encoding="utf-8"), "jobtui")


def parse_template(name: str, text: str, source: str) -> Template:
    """A template from its file's text; errors name `source`."""
    lines = text.splitlines()
    while lines and (not lines[0].strip() or lines[0].lstrip().startswith("#")):
        lines.pop(0)
    if not lines or not _SUBJECT.match(lines[0]):
        raise InputError(source, 'the first line should be "Subject: ..."')

    subject = _SUBJECT.sub("", lines[0], count=1).strip()
    body = "\n".join(lines[1:]).strip("\n").rstrip()
    template = Template(name, subject, body, source)
    unknown = sorted(template.placeholders - PLACEHOLDERS)
    if unknown:
        known = " ".join(f"{{{field}}}" for field in sorted(PLACEHOLDERS))
        raise InputError(
            source, f"unknown placeholder {{{unknown[0]}}} (known: {known})"
        )
    return template


def interview_for(
    application: Application, kind: Kind, now: DateTime
) -> Interview | None:
    """The interview a note is about: the latest one begun by now, else the next."""
    latest = _last_interview(application, now)
    if latest is not None or kind is not Kind.THANK_YOU:
        return latest
    coming = [event for event in application.events_of(Interview) if event.at > now]
    return coming[0] if coming else None


def fill_template(
    kind: Kind,
    application: Application,
    *,
    now: DateTime,
    settings: RuleSettings,
    calendar: BusinessCalendar,
    interview: Interview | None = None,
    your_name: str | None = None,
) -> Draft:
    """A draft of a note of `kind` from its template, filled from the application.

    `interview` defaults to `interview_for(application, kind, now)`.
    """
    template = load_template(template_name(kind, application, now))
    if interview is None:
        interview = interview_for(application, kind, now)
    contact, first_name = _addressee(application, kind, interview)

    values = {
        "first_name": first_name,
        "company": application.company,
        "role": application.role,
        "your_name": (your_name or "").strip(),
    }
    if application.applied is not None:
        values["applied_day"] = _day_phrase(application.applied, now, settings)
    if interview is not None:
        values["interview_day"] = _day_phrase(interview.at, now, settings)
        values["discussed"] = discussed(interview.notes)
    # Only an offer reply usually asks for it, and a calendar with holidays
    # takes a moment to load.
    if "decision_date" in template.placeholders:
        decide_by = offer_decision_date(now, settings, calendar)
        values["decision_date"] = _date_words(decide_by, now, settings)

    return Draft(
        recipient=contact.email.strip() if contact is not None else "",
        subject=fill(template.subject, values),
        body=fill(template.body, values),
    )


def fill(text: str, values: dict[str, str]) -> str:
    """`text` with each placeholder filled, or replaced by its prompt when unknown."""

    def value(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group()[0]
        key = match.group(1).strip()
        return values.get(key) or PROMPTS.get(key, match.group())

    return _FIELD.sub(value, text)


def discussed(notes: str) -> str:
    """An interview's notes as a thank-you quotes them: the first sentence, no label."""
    sentences = split_sentences(" ".join(notes.split()))
    if not sentences:
        return ""
    text = sentences[0]
    label = _LABEL.match(text)
    if label is not None and len(label.group(1).split()) <= _LABEL_WORDS:
        text = text[label.end() :]
    return text.rstrip(" .!?…;,")


def _last_interview(application: Application, now: DateTime) -> Interview | None:
    begun = [event for event in application.events_of(Interview) if event.at <= now]
    return begun[-1] if begun else None


def _addressee(
    application: Application, kind: Kind, interview: Interview | None
) -> tuple[Contact | None, str]:
    """Who the note goes to, and the first name to greet them by.

    A thank-you goes to the interviewer when they are a contact; when they are
    not, it still greets them by the first word of `with_whom` if that is a name.
    """
    contact = application.primary_contact
    if kind is not Kind.THANK_YOU or interview is None:
        return contact, contact.first_name if contact is not None else ""

    interviewer = _interviewer(application, interview)
    if interviewer is not None:
        return interviewer, interviewer.first_name
    words = interview.with_whom.replace(",", " ").split()
    if words and words[0][:1].isupper():
        return contact, words[0]
    return contact, contact.first_name if contact is not None else ""


def _interviewer(application: Application, interview: Interview) -> Contact | None:
    """The contact the interview was with, matched by full name or first name."""
    with_whom = interview.with_whom.casefold()
    first_word = with_whom.replace(",", " ").split()[:1]
    for contact in application.contacts:
        name = contact.name.strip().casefold()
        if name and (
            name in with_whom or [contact.first_name.casefold()] == first_word
        ):
            return contact
    return None


def _day_phrase(moment: DateTime, now: DateTime, settings: RuleSettings) -> str:
    """A day as a note says it: "on Tuesday" within a week of now, else "on 3 November".

    Never "today" or "yesterday": a draft may wait a day before it is sent.
    """
    day = moment.in_timezone(settings.zone).date()
    apart = abs((now.in_timezone(settings.zone).date() - day).days)
    if apart <= _WEEK:
        return f"on {day.format('dddd')}"
    return f"on {_date_words(day, now, settings, weekday=False)}"


def _date_words(
    day: Date, now: DateTime, settings: RuleSettings, *, weekday: bool = True
) -> str:
    """A date as a note says it: "Friday 11 December", with the year if not this one."""
    pattern = "dddd D MMMM" if weekday else "D MMMM"
    if day.year != now.in_timezone(settings.zone).year:
        pattern += " YYYY"
    return day.format(pattern)

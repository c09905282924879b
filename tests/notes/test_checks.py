"""The checks: each fires on the text that earns it and clears once it is fixed."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobtui.domain.model import (
    Application,
    Contact,
    FollowUp,
    Interview,
    Kind,
    StageChange,
)
from jobtui.domain.notes.checks import ADVICE, BLOCKS, blocking, check_note
from jobtui.domain.notes.reading import (
    count_sentences,
    find_placeholders,
    split_sentences,
)
from jobtui.domain.rules import RuleSettings

NOW = pendulum.datetime(2026, 11, 4, 10, 0, tz="UTC")
RULES = RuleSettings()

GOOD_FOLLOW_UP = (
    "Hi Dana,\n\nI applied for the Data Engineer role at Acme on 20 October and "
    "am still keen on it, above all the streaming work. Is there any news on the "
    "timeline? Thank you for your time.\n\nBest,\nSam"
)
GOOD_THANK_YOU = (
    "Hi Dana,\n\nThank you for talking with me on Wednesday. I enjoyed hearing "
    "how the team moved its nightly batch jobs to Kafka. It made me keener still "
    "on the role. I am happy to send anything else you need.\n\nBest,\nSam"
)


def application(*events, applied_days: int = 20) -> Application:
    """An application at Acme with the given events after it was made."""
    start = NOW.subtract(days=applied_days)
    return Application(
        company="Acme",
        role="Data Engineer",
        stage="Applied",
        applied=start,
        contacts=[Contact(name="Dana Ruiz", email="dana@acme.example")],
        events=[StageChange(at=start, from_stage=None, to_stage="Applied"), *events],
        created=start,
        updated=start,
    )


INTERVIEW = Interview(
    at=NOW.subtract(hours=5),
    with_whom="Dana Ruiz",
    notes="Moving nightly batch jobs to Kafka; a team of five.",
)


def ids(text: str, kind: Kind = Kind.FOLLOWUP, app=None, **options) -> list[str]:
    """The ids of the findings for `text`."""
    findings = check_note(
        text,
        kind=kind,
        application=app if app is not None else application(),
        now=NOW,
        settings=RULES,
        **options,
    )
    return [finding.id for finding in findings]


def test_a_good_follow_up_raises_nothing() -> None:
    assert ids(GOOD_FOLLOW_UP) == []


def test_a_good_thank_you_raises_nothing() -> None:
    app = application(INTERVIEW)

    assert ids(GOOD_THANK_YOU, Kind.THANK_YOU, app, interview=INTERVIEW) == []


# Sentences.


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Hi Dana,\n\nOne. Two. Three.\n\nBest, Sam", 3),
        ("Dear Ms. Ruiz,\nThanks for the call.\n\nKind regards,\nSam Lee\n+49 1", 1),
        ("I met Mr. Smith and Dr. Jones at 9 a.m. on Monday.", 1),
        ("We covered e.g. the queue, i.e. Kafka. Then lunch.", 2),
        ("See https://acme.example/jobs?id=3.5 for details. Thanks again.", 2),
        ("The latency fell by 3.5 ms. Nice.", 2),
        ("I wondered... whether you had news. Wait... Then nothing!", 3),
        ("Hi Dana, thanks for your time. It was fun.", 2),
        ("Points:\n- one\n- two\n- three", 4),
        ("A line with no stop\n\nAnother one", 2),
        ("Did you hear?! Great!!! — Yes.", 3),
        ("", 0),
        ("Best, Sam", 1),
    ],
)
def test_sentences_are_counted_as_a_reader_would(text: str, count: int) -> None:
    assert count_sentences(text) == count


@given(st.text())
def test_counting_sentences_never_fails(text: str) -> None:
    count = count_sentences(text)

    assert 0 <= count <= len(text)


@given(st.text(max_size=300))
def test_every_sentence_has_a_letter_or_a_digit(text: str) -> None:
    for sentence in split_sentences(text):
        assert any(character.isalnum() for character in sentence)


@given(
    st.text(max_size=200),
    st.data(),
    st.sampled_from(["[your name]", "{discussed}", "[when you spoke]"]),
)
def test_a_placeholder_put_anywhere_is_found(text: str, data, gap: str) -> None:
    at = data.draw(st.integers(min_value=0, max_value=len(text)))

    found = find_placeholders(text[:at] + gap + text[at:])

    # Brackets around it in the text may widen what is reported, never hide it.
    assert any(gap in placeholder for placeholder in found)


def test_numbers_in_brackets_are_not_placeholders() -> None:
    assert find_placeholders("See [1] and {2}.") == []


# Each check fires, then clears when the text is fixed.


def test_a_placeholder_blocks_until_it_is_filled() -> None:
    text = GOOD_FOLLOW_UP.replace("Sam", "[your name]")
    findings = check_note(
        text, kind=Kind.FOLLOWUP, application=application(), now=NOW, settings=RULES
    )

    assert [(f.id, f.severity) for f in findings] == [("placeholder", BLOCKS)]
    assert "[your name]" in findings[0].message
    assert blocking(findings) == findings
    assert ids(text.replace("[your name]", "Sam")) == []


def test_a_placeholder_in_the_subject_blocks_too() -> None:
    assert ids(GOOD_FOLLOW_UP, subject="About {role}") == ["placeholder"]
    assert ids(GOOD_FOLLOW_UP, subject="About the role") == []


def test_a_follow_up_of_four_sentences_is_too_long() -> None:
    text = GOOD_FOLLOW_UP.replace("time.", "time. I look forward to it.")

    assert ids(text) == ["too_long"]
    assert ids(text.replace(" I look forward to it.", "")) == []


def test_a_thank_you_of_two_sentences_is_too_short() -> None:
    app = application(INTERVIEW)
    short = "Hi Dana,\n\nThanks for Wednesday. The Kafka move sounds great.\n\nSam"

    assert ids(short, Kind.THANK_YOU, app, interview=INTERVIEW) == ["too_short"]
    longer = short.replace("great.", "great. I would love to help with it.")
    assert ids(longer, Kind.THANK_YOU, app, interview=INTERVIEW) == []


def test_a_thank_you_of_six_sentences_is_too_long() -> None:
    app = application(INTERVIEW)
    text = GOOD_THANK_YOU.replace("need.", "need. Have a good week. Speak soon.")

    assert ids(text, Kind.THANK_YOU, app, interview=INTERVIEW) == ["too_long"]


def test_an_empty_note_is_too_short() -> None:
    findings = check_note(
        "", kind=Kind.FOLLOWUP, application=application(), now=NOW, settings=RULES
    )

    assert [(f.id, f.severity) for f in findings] == [("too_short", ADVICE)]


def test_a_note_sent_before_word_for_word_is_a_repeat() -> None:
    sent = FollowUp(at=NOW.subtract(days=9), text=GOOD_FOLLOW_UP)
    app = application(sent)

    findings = check_note(
        GOOD_FOLLOW_UP, kind=Kind.FOLLOWUP, application=app, now=NOW, settings=RULES
    )
    assert [f.id for f in findings] == ["repeats_earlier"]
    assert "the same as the note you sent on Mon 26 Oct 2026" in findings[0].message


def test_a_note_nearly_the_same_as_one_sent_is_a_repeat() -> None:
    sent = FollowUp(at=NOW.subtract(days=9), text=GOOD_FOLLOW_UP)
    app = application(sent)
    nearly = GOOD_FOLLOW_UP.replace("Is there any news", "Is there some news")

    findings = check_note(
        nearly, kind=Kind.FOLLOWUP, application=app, now=NOW, settings=RULES
    )
    assert [f.id for f in findings] == ["repeats_earlier"]
    assert "nearly the same" in findings[0].message

    rewritten = (
        "Hi Dana,\n\nA quick check-in on the Data Engineer role: I would still "
        "love to join the streaming team. Could you share where things stand?"
        "\n\nBest,\nSam"
    )
    assert ids(rewritten, app=app) == []


def test_the_same_greeting_and_sign_off_are_not_a_repeat() -> None:
    sent = FollowUp(at=NOW.subtract(days=9), text="Hi Dana,\n\nHello.\n\nBest,\nSam")

    assert ids("Hi Dana,\n\nBye now.\n\nBest,\nSam", app=application(sent)) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "I still haven't heard back.",
        "As I mentioned, I am keen.",
        "As I said before, I am keen.",
        "Please reply ASAP.",
        "This is urgent.",
        "I need an answer.",
        "Any news???",
        "I am keen!!!",
        "PLEASE RESPOND SOON.",
    ],
)
def test_frustration_and_pressure_are_flagged(phrase: str) -> None:
    text = GOOD_FOLLOW_UP.replace("Thank you for your time.", phrase)

    assert ids(text) == ["pressure"]
    assert ids(text.replace(phrase, "Thank you for your time.")) == []


def test_acronyms_and_the_company_name_are_not_shouting() -> None:
    app = application()
    app.company = "ACME DATA"
    text = GOOD_FOLLOW_UP.replace("streaming work", "AWS and SQL work at ACME DATA")

    assert ids(text, app=app) == []


def test_sentences_selling_the_user_read_as_a_second_cover_letter() -> None:
    pitch = (
        "Hi Dana,\n\nI am still keen on the role. My experience with Kafka is "
        "deep. I led a team of eight.\n\nBest,\nSam"
    )

    assert ids(pitch) == ["selling"]
    assert ids(pitch.replace(" I led a team of eight.", "")) == []


def test_a_list_of_achievements_reads_as_a_pitch() -> None:
    pitch = "Hi Dana,\n\nStill keen.\n- Kafka at scale\n- Team lead\n- Cut costs\n\nSam"

    assert "selling" in ids(pitch)
    assert "selling" not in ids(pitch.replace("\n- Cut costs", ""))


def test_a_thank_you_that_names_nothing_from_the_interview_is_flagged() -> None:
    app = application(INTERVIEW)
    generic = GOOD_THANK_YOU.replace(
        "how the team moved its nightly batch jobs to Kafka", "about the role"
    )

    assert ids(generic, Kind.THANK_YOU, app, interview=INTERVIEW) == ["not_specific"]
    assert ids(GOOD_THANK_YOU, Kind.THANK_YOU, app, interview=INTERVIEW) == []


def test_with_no_notes_a_thank_you_of_only_template_wording_is_flagged() -> None:
    bare = Interview(at=NOW.subtract(hours=5), with_whom="Dana Ruiz")
    app = application(bare)
    template = (
        "Hi Dana,\n\nThank you for talking with me on Wednesday. What stayed with "
        "me: [something specific]. It made me keener still on the role. I am "
        "happy to send anything else you need.\n\nBest,\nSam"
    )
    stock = template.replace(" What stayed with me: [something specific].", "")
    options = {"interview": bare, "template": template}

    assert ids(stock, Kind.THANK_YOU, app, **options) == ["not_specific"]
    own = stock.replace("Wednesday.", "Wednesday. The on-call rota chat was useful.")
    assert ids(own, Kind.THANK_YOU, app, **options) == []


def test_a_third_follow_up_within_a_week_is_flagged() -> None:
    twice = application(
        FollowUp(at=NOW.subtract(days=5)),
        FollowUp(at=NOW.subtract(days=2), kind=Kind.SECOND_FOLLOWUP),
    )
    findings = check_note(
        GOOD_FOLLOW_UP,
        kind=Kind.FINAL_CHECKIN,
        application=twice,
        now=NOW,
        settings=RULES,
    )

    assert [f.id for f in findings] == ["cadence"]
    assert "third follow-up in 7 days" in findings[0].message
    # A week after the first, only one is left in the period.
    later = NOW.add(days=2)
    assert [
        f.id
        for f in check_note(
            GOOD_FOLLOW_UP,
            kind=Kind.FINAL_CHECKIN,
            application=twice,
            now=later,
            settings=RULES,
        )
    ] == []


def test_a_thank_you_never_counts_for_the_cadence() -> None:
    twice = application(
        FollowUp(at=NOW.subtract(days=5)),
        FollowUp(at=NOW.subtract(days=2), kind=Kind.SECOND_FOLLOWUP),
        INTERVIEW,
    )

    assert "cadence" not in ids(
        GOOD_THANK_YOU, Kind.THANK_YOU, twice, interview=INTERVIEW
    )


def test_writing_again_when_the_rules_say_move_on_is_flagged() -> None:
    exhausted = application(
        FollowUp(at=NOW.subtract(days=60)),
        FollowUp(at=NOW.subtract(days=50), kind=Kind.SECOND_FOLLOWUP),
        FollowUp(at=NOW.subtract(days=30), kind=Kind.FINAL_CHECKIN),
        applied_days=70,
    )

    assert ids(GOOD_FOLLOW_UP, Kind.FINAL_CHECKIN, exhausted) == ["move_on"]
    fresh = application(applied_days=10)
    assert ids(GOOD_FOLLOW_UP, Kind.FINAL_CHECKIN, fresh) == []


def test_every_finding_is_one_short_sentence() -> None:
    text = "HELLO THERE!!! As I said, " + "I led a team. " * 8 + "[x]"
    findings = check_note(
        text, kind=Kind.FOLLOWUP, application=application(), now=NOW, settings=RULES
    )

    assert len(findings) >= 4
    for finding in findings:
        assert count_sentences(finding.message) == 1
        assert len(finding.message) <= 120

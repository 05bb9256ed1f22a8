"""Every kind of letter in every situation, rendered and read back as the client would.

The table: each kind x the letter's date against the last day (before, on, after) x the
client (a person or an organisation) x its contact (named, missing, or named in a script no
font has) x the plan (steps open or all done) x whether the client came back. Each letter
is rendered to PDF, its text extracted with pdftotext, and read for what must never print:
a past date promised as future, "everyone at" or "the team" to a person, an empty greeting,
a label with nothing after it, a placeholder left in, "1 years".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from datetime import date, datetime, timedelta

import pytest
from doc_pdfcheck import make_sender, poppler_text

from goodbye_desktop.documents import letters
from goodbye_desktop.documents.values import LetterFacts, PlanStep, Recipient

END = date(2026, 12, 15)
TODAYS = {"before": END - timedelta(days=20), "on": END, "after": END + timedelta(days=40)}
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
DATE_RE = re.compile(rf"\b(\d{{1,2}}) ({MONTHS}) (\d{{4}})\b")
FUTURE_WORDS = ("will continue", "until", "ends on", "gives you", "will be done",
                "before our work together ends", "until then")
CONTACTS = {"named": "Zoë Łukasiewicz", "missing": "", "unprintable": "🦄🦄 Berg",
            "nothing_prints": "🦄🦄"}


def _steps(done: bool, today: date) -> tuple[PlanStep, ...]:
    status = "done" if done else "planned"
    return (PlanStep(today - timedelta(days=3), "Finish the open work", "Alex", "done"),
            PlanStep(END, "Hand over the files", "Alex", status))


def _facts(when: str, plan_done: bool, current_again: bool) -> LetterFacts:
    today = TODAYS[when]
    steps = _steps(plan_done, today)
    return LetterFacts(
        today=today, start_date=date(2025, 3, 1), end_date=END,
        interview_times=(datetime(2027, 3, 8, 10, 0),), interviewer="Sam Patel",
        transition_steps=tuple(s.description for s in steps if s.status != "done"),
        plan_steps=steps, referral="Bright Path Design", news="A workshop on exporting.",
        feedback_summary="Reports came too late.", improvement="They now come in three days.",
        current_again=current_again)


def _date(match: re.Match) -> date:
    months = MONTHS.split("|")
    return date(int(match.group(3)), months.index(match.group(2)) + 1, int(match.group(1)))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", " ".join(text.split())) if s]


CASES = list(itertools.product(
    letters.LETTER_KINDS, TODAYS, (False, True), CONTACTS, (False, True)))


@pytest.mark.parametrize(("kind", "when", "person", "contact", "plan_done"), CASES,
                         ids=["-".join(str(x) for x in case) for case in CASES])
def test_every_kind_reads_true_in_every_situation(kind, when, person, contact,
                                                  plan_done) -> None:
    name = "Nguyễn Văn An" if person else "Kestrel Drone Surveys"
    recipient = Recipient(name, CONTACTS[contact], "119 Market Square\nFalmouth TR11 1AB",
                          is_person=person)
    facts = _facts(when, plan_done, current_again=False)
    text = unicodedata.normalize("NFKC", poppler_text(
        letters.render_letter(kind, make_sender(), recipient, facts)))
    today = facts.today
    # No past date is promised as if it were still ahead.
    for sentence in _sentences(text):
        for match in DATE_RE.finditer(sentence):
            if _date(match) < today:
                assert not any(w in sentence for w in FUTURE_WORDS), sentence
    if when != "before":
        assert "until then" not in text and "gives you" not in text
    # A person is written to as a person.
    if person:
        assert "everyone at" not in text and "the team" not in text, text
    # A greeting is never empty, and is a greeting.
    greeting = re.search(r"\bDear ([^,]*),", text)
    assert greeting and greeting.group(1).strip(), text
    if contact in ("unprintable", "nothing_prints") and not person:
        # "🦄🦄 Berg": the given name would not print; the organisation is greeted instead.
        assert "Dear Kestrel Drone Surveys team," in text
    if contact == "missing" and not person:
        assert "Dear Kestrel Drone Surveys team," in text
    # No label with nothing after it, no placeholder left, tenure in words.
    assert not re.search(r":\s*(Here is|What you|Kind regards|With warm|$)", text), text
    assert "{" not in text.replace("{{", "")
    assert "1 years" not in text and "1 months" not in text and " 0 days" not in text
    assert "a year and nine months" in text or kind not in ("farewell", "parting_ways")


@pytest.mark.parametrize("kind", ["check_in", "keep_in_touch", "feedback_thanks"])
def test_a_client_who_came_back_is_not_told_goodbye(kind) -> None:
    facts = _facts("after", True, current_again=True)
    text = poppler_text(letters.render_letter(kind, make_sender(),
                                              Recipient("Ελένη Αντωνίου", "", "",
                                                        is_person=True), facts))
    assert "Dear Ελένη Αντωνίου," in text
    assert "everyone at" not in text


def test_the_sections_choose_the_words_by_the_day() -> None:
    recipient = Recipient("Kestrel Drone Surveys", "An Nguyen", "1 Road")
    words = {when: letters.compose("parting_ways", make_sender(), recipient,
                                   _facts(when, False, False)).body for when in TODAYS}
    assert "I will continue to work for you until 15 December 2026, which gives you 20 days" \
        in words["before"]
    assert "Today is the last day of our work together." in words["on"]
    assert "Our work together ended on 15 December 2026." in words["after"]
    done = letters.compose("transition_plan", make_sender(), recipient,
                           _facts("after", True, False)).body
    assert "Every step has been completed." in done
    assert "I will keep you informed" not in done


def test_a_business_that_closed_is_not_wished_a_smooth_running() -> None:
    from dataclasses import replace

    facts = replace(_facts("after", True, False), client_closed=True)
    recipient = Recipient("Riverside Physiotherapy", "Jürgen Becker", "1 Road")
    farewell = letters.compose("farewell", make_sender(), recipient, facts).body
    check_in = letters.compose("check_in", make_sender(), recipient, facts).body
    assert "decided to move on" not in farewell and "has closed" in farewell
    assert "running well" not in check_in and "closed has been kind to you" in check_in


def test_the_owners_own_words_end_as_sentences() -> None:
    import dataclasses

    facts = dataclasses.replace(_facts("after", True, current_again=False),
                                feedback_summary="the reports came too late to act on",
                                improvement="I now send them on the first working day!")
    text = " ".join(poppler_text(letters.render_letter(
        "feedback_thanks", make_sender(), Recipient("Łukasz Nowak", "", "", is_person=True),
        facts)).split())
    assert "What I heard from you: the reports came too late to act on. " in text
    assert "first working day! " in text and "day!." not in text
    from goodbye_desktop.documents.markup import as_sentence

    assert [as_sentence(t) for t in ("山田さんの件", "Done.", "(see the plan)", "“Yes!”", "")] \
        == ["山田さんの件。", "Done.", "(see the plan).", "“Yes!”", ""]


@pytest.mark.parametrize(("ended_by", "says", "never"), [
    ("client", "you have decided to move on", "agree together"),
    ("mutual", "agree together that it is time to move on", "you have decided"),
    ("outside", "the changes at Øresund Ferries have brought our work together to an end",
     "decided"),
    ("", "you have decided to move on", "changes at"),
])
def test_a_farewell_says_who_ended_the_work(ended_by, says, never) -> None:
    from dataclasses import replace

    facts = replace(_facts("after", True, False), ended_by=ended_by)
    recipient = Recipient("Øresund Ferries", "Ingrid Holm", "1 Harbour Road")
    body = " ".join(letters.compose("farewell", make_sender(), recipient, facts).body.split())
    assert says in body and never not in body


def test_only_a_client_who_decided_is_told_the_interview_is_not_to_change_its_mind() -> None:
    from dataclasses import replace

    recipient = Recipient("Hartley Family Dental", "Dr Hartley", "1 Road")
    for ended_by, told in (("client", True), ("owner", False), ("mutual", False),
                           ("outside", False)):
        facts = replace(_facts("before", False, False), ended_by=ended_by)
        body = letters.compose("exit_interview_request", make_sender(), recipient, facts).body
        assert ("change your mind" in body) is told, ended_by
        assert "I would simply like to learn what worked for you" in body


def test_a_check_in_signs_off_once() -> None:
    text = " ".join(poppler_text(letters.render_letter(
        "check_in", make_sender(), Recipient("Bergström Snickeri AB", "Lars Berg", "1 Road"),
        _facts("after", True, False))).split())
    assert text.count("With best wishes for the months ahead,") == 1
    assert "Kind regards" not in text and "months ahead." not in text


def test_feedback_thanks_leaves_the_door_open_only_once_the_work_has_ended() -> None:
    recipient = Recipient("Café Müller", "Anna Müller", "1 Road")
    before = letters.compose("feedback_thanks", make_sender(), recipient,
                             _facts("before", False, False)).body
    after = letters.compose("feedback_thanks", make_sender(), recipient,
                            _facts("after", True, False)).body
    assert "door remains open" not in before and "Thank you again for taking the time" in before
    assert "door remains open" in after and "still ahead" not in after


def test_parting_ways_without_a_referral_promises_no_other_recommendation() -> None:
    from dataclasses import replace

    facts = replace(_facts("before", False, False), referral="", ended_by="owner")
    body = letters.compose("parting_ways", make_sender(),
                           Recipient("Hartley Family Dental", "", "1 Road"), facts).body
    assert "recommend" not in body


def test_parting_ways_after_the_last_day_tells_no_decision_as_news() -> None:
    from dataclasses import replace

    recipient = Recipient("Señora López", "", "1 Calle Mayor", is_person=True)
    before = " ".join(letters.compose("parting_ways", make_sender(), recipient, replace(
        _facts("before", False, False), ended_by="owner")).body.split())
    after = " ".join(letters.compose("parting_ways", make_sender(), recipient, replace(
        _facts("after", True, False), ended_by="owner")).body.split())
    assert "I have decided that" in before and "time for us to part ways" in before
    assert "I have decided" not in after and "As we discussed, I came to the view" in after
    assert "Our work together ended on 15 December 2026" in after


def test_the_signature_never_stands_alone_on_a_page() -> None:
    import io
    from dataclasses import replace

    from pypdf import PdfReader

    recipient = Recipient("Kestrel Drone Surveys", "Ingrid Holm", "1 Harbour Road")
    closing_alone = []
    two_pages = 0
    for sentences in range(20, 60):
        news = " ".join(f"Item {n} of the news, told at some length so the page fills." for n
                        in range(sentences))
        pdf = letters.render_letter("keep_in_touch", make_sender(), recipient,
                                    replace(_facts("after", True, False), news=news))
        pages = PdfReader(io.BytesIO(pdf)).pages
        if len(pages) < 2:
            continue
        two_pages += 1
        last = " ".join(pages[-1].extract_text().split())
        if "If there is ever anything I can help with" not in last:
            closing_alone.append(sentences)
    assert two_pages > 10 and closing_alone == []


def test_one_interview_time_is_offered_as_one() -> None:
    from dataclasses import replace

    recipient = Recipient("Chez Hélène Bistro", "Hélène Dubois", "1 Road")
    one = " ".join(letters.compose("exit_interview_request", make_sender(), recipient,
                                   _facts("before", False, False)).body.split())
    two = " ".join(letters.compose("exit_interview_request", make_sender(), recipient, replace(
        _facts("before", False, False), interview_times=(datetime(2027, 3, 8, 10, 0),
                                                         datetime(2027, 3, 9, 15, 0)))
    ).body.split())
    assert "Would this time suit you?" in one and "If it is not convenient" in one
    assert "one of these times" not in one and "none of them" not in one
    assert "Would one of these times suit you?" in two and "If none of them" in two


def test_feedback_thanks_to_a_client_who_came_back_says_no_goodbye() -> None:
    from dataclasses import replace

    recipient = Recipient("Ελένη Αντωνίου", "", "1 Road", is_person=True)
    back = letters.compose("feedback_thanks", make_sender(), recipient,
                           replace(_facts("after", True, True))).body
    assert "door remains open" not in back and "work still ahead of us" in back


def test_a_business_that_closed_is_not_greeted_through_its_people() -> None:
    from dataclasses import replace

    facts = replace(_facts("after", True, False), client_closed=True, ended_by="outside")
    recipient = Recipient("Bergström Snickeri AB", "Anders Berg", "1 Road")
    for kind in ("keep_in_touch", "feedback_thanks"):
        body = letters.compose(kind, make_sender(), recipient, facts).body
        assert "everyone at" not in body and "you and Bergström" not in body, kind


def test_the_owner_asking_the_questions_does_not_promise_a_free_voice() -> None:
    from dataclasses import replace

    sender = make_sender()
    recipient = Recipient("Bergström Snickeri AB", "Anders Berg", "1 Road")
    for interviewer in ("", sender.owner_name):
        body = " ".join(letters.compose("exit_interview_request", sender, recipient, replace(
            _facts("before", False, False), interviewer=interviewer)).body.split())
        assert "so that you can speak freely" not in body
        assert "I will ask the questions myself" in body
    named = letters.compose("exit_interview_request", sender, recipient,
                            _facts("before", False, False)).body
    assert "Sam Patel will ask the questions, so that you can speak freely" in " ".join(
        named.split())

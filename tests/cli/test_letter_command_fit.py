"""`goodbye-desktop letter`: the letter that fits, and what it lacks, said in one line.

A kind that does not suit the client's departure exits 2 naming the better kind (unless
--anyway); a letter missing a fact exits 2 naming the fact and the option that gives it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from letter_records import TODAY, business_profile, client_with_contact, departure_for
from pypdf import PdfReader

from goodbye_desktop import cli
from goodbye_desktop.core.departure import DepartureDraft, default_plan
from goodbye_desktop.store import departures
from goodbye_desktop.store.database import close_database, open_database

pytestmark = pytest.mark.frozen_at(TODAY)


def owner_ended(client_id: int) -> None:
    end = date(2026, 6, 30)
    departures.finish(DepartureDraft(
        client_id=client_id, client_name="", client_started_on=date(2021, 3, 1),
        ended_by="owner", reasons=["unprofitable"], kind="no_follow_through",
        decided_on=TODAY, effective_on=end, decision="let_go",
        steps=default_plan(end, TODAY)), TODAY)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "letters.sqlite"
    open_database(path)
    business_profile()
    departure_for(client_with_contact("Left Of Their Own Accord Ltd"), interview_times="")
    owner_ended(client_with_contact("Let Go Ltd"))
    client_with_contact("No Departure Ltd")
    back = client_with_contact("Ελένη Αντωνίου")
    departures.mark_returned(departure_for(back, end=date(2026, 5, 1)), TODAY)
    close_database()
    return path


def letter(db: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db), "letter", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("kind", "client", "words", "option"), [
    ("exit_interview_request", "Left Of Their Own Accord Ltd",
     "the proposed interview times", "--times"),
    ("feedback_thanks", "Left Of Their Own Accord Ltd", "what the client told you",
     "--feedback"),
    ("keep_in_touch", "No Departure Ltd", "the news to share", "--news"),
])
def test_a_missing_fact_is_named_with_its_option(db, capsys, tmp_path, kind, client, words,
                                                 option) -> None:
    code, out, err = letter(db, capsys, kind, "--client", client, "-o",
                            str(tmp_path / "x.pdf"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert words in err and f"({option})" in err
    assert not (tmp_path / "x.pdf").exists()


def test_improvement_and_referral_are_asked_for_when_the_template_needs_them(
        db, capsys, tmp_path) -> None:
    code, _, err = letter(db, capsys, "feedback_thanks", "--client",
                          "Left Of Their Own Accord Ltd", "--feedback", "Too slow.")
    assert code == 2 and "(--improvement)" in err and "--feedback" not in err
    open_database(db)
    records_template = ("Subject: Next steps\n\n{greeting},\n\nI recommend {referral}.")
    from goodbye_desktop.store.documents import save_template

    save_template("parting_ways", records_template)
    close_database()
    code, _, err = letter(db, capsys, "parting_ways", "--client", "Let Go Ltd")
    assert code == 2 and "the provider you recommend (--referral)" in err
    code, out, _ = letter(db, capsys, "parting_ways", "--client", "Let Go Ltd", "--referral",
                          "Bright Path Design", "-o", str(tmp_path / "p.pdf"))
    assert code == 0 and (tmp_path / "p.pdf").exists()


def test_times_given_on_the_command_line_print(db, capsys, tmp_path) -> None:
    out_file = tmp_path / "ask.pdf"
    code, _, err = letter(db, capsys, "exit_interview_request", "--client",
                          "Left Of Their Own Accord Ltd", "--times",
                          "2026-06-08T10:00; 2026-06-10 14:30", "-o", str(out_file))
    assert code == 0, err
    text = " ".join(page.extract_text() for page in PdfReader(out_file).pages)
    text = " ".join(text.split())
    assert "Monday 8 June 2026, 10:00" in text and "Wednesday 10 June 2026, 14:30" in text


def test_a_letter_that_does_not_fit_names_the_better_kind(db, capsys, tmp_path) -> None:
    code, _, err = letter(db, capsys, "farewell", "--client", "Let Go Ltd")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "parting-ways letter (parting_ways)" in err and "--anyway" in err
    code, _, err = letter(db, capsys, "parting_ways", "--client",
                          "Left Of Their Own Accord Ltd")
    assert code == 2 and "(farewell)" in err
    code, _, err = letter(db, capsys, "farewell", "--client", "Let Go Ltd", "--anyway",
                          "-o", str(tmp_path / "f.pdf"))
    assert code == 0 and (tmp_path / "f.pdf").exists()


def test_a_departure_letter_needs_a_departure(db, capsys) -> None:
    code, _, err = letter(db, capsys, "farewell", "--client", "No Departure Ltd", "--anyway")
    assert code == 2
    assert "No Departure Ltd has no departure" in err and "start a departure" in err
    assert "(keep_in_touch)" in err


def test_a_client_who_came_back_gets_a_keep_in_touch_note(db, capsys) -> None:
    code, _, err = letter(db, capsys, "farewell", "--client", "Ελένη Αντωνίου")
    assert code == 2
    assert "Ελένη Αντωνίου is a current client again" in err and "(keep_in_touch)" in err


def test_a_declined_interview_and_a_missing_consent_are_named(tmp_path, capsys) -> None:
    path = tmp_path / "asked.sqlite"
    open_database(path)
    business_profile()
    declined = departure_for(client_with_contact("Declined Ltd"))
    departures.update_departure(declined, interview_status="declined")
    quiet = client_with_contact("Quiet Ltd")
    owner_ended(quiet)  # no mailing consent, and the client's record does not keep it
    close_database()
    code, _, err = letter(path, capsys, "exit_interview_request", "--client", "Declined Ltd",
                          "-o", str(tmp_path / "a.pdf"))
    assert code == 2 and "Declined Ltd declined the exit interview" in err
    code, _, err = letter(path, capsys, "keep_in_touch", "--client", "Quiet Ltd", "--news",
                          "A new tool.", "-o", str(tmp_path / "b.pdf"))
    assert code == 2 and "Quiet Ltd has not agreed to stay in touch" in err
    assert not (tmp_path / "b.pdf").exists()
    code, _, _ = letter(path, capsys, "keep_in_touch", "--client", "Quiet Ltd", "--news",
                        "A new tool.", "--anyway", "-o", str(tmp_path / "b.pdf"))
    assert code == 0 and (tmp_path / "b.pdf").exists()


def test_interview_times_already_past_are_left_out_and_named(db, capsys, tmp_path) -> None:
    target = tmp_path / "ask.pdf"
    code, _, err = letter(db, capsys, "exit_interview_request", "--client",
                          "Left Of Their Own Accord Ltd", "--times",
                          "2026-05-11 10:00; 2026-05-20 15:00", "-o", str(target))
    assert code == 0, err
    assert "already past are left out of the letter (2026-05-11 10:00)" in err
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "20 May 2026" in text and "11 May 2026" not in text
    # Only times gone by: none is left to offer, so the letter is not written.
    code, _, err = letter(db, capsys, "exit_interview_request", "--client",
                          "Left Of Their Own Accord Ltd", "--times", "2026-05-01 10:00",
                          "-o", str(tmp_path / "none.pdf"))
    assert code == 2 and "--times" in err and not (tmp_path / "none.pdf").exists()

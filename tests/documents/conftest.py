"""Fixtures for the documents tests: a sender, a recipient with a hard name, the facts."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from doc_pdfcheck import make_sender, make_steps

from goodbye_desktop.documents.values import LetterFacts, Recipient, Sender


@pytest.fixture
def sender() -> Sender:
    return make_sender()


@pytest.fixture
def recipient() -> Recipient:
    return Recipient("Renée & <Sons> Ltd", "Zoë Łukasiewicz",
                     "Unit 4, Quay Street\nPenryn\nTR10 8AA")


@pytest.fixture
def facts() -> LetterFacts:
    return LetterFacts(
        today=date(2026, 11, 25),
        start_date=date(2023, 9, 1),
        end_date=date(2026, 12, 31),
        interview_times=(datetime(2026, 12, 8, 10, 0), datetime(2026, 12, 9, 15, 30)),
        interviewer="Sam Patel",
        transition_steps=("Finish the spring catalogue", "Hand over the design files"),
        plan_steps=make_steps(5),
        referral="Bright Path Design",
        news="The county business network runs a free packaging workshop on 14 January.",
        feedback_summary="You told me that turnaround was too slow in the busy season.",
        improvement="I have taken on an assistant for those weeks.",
    )

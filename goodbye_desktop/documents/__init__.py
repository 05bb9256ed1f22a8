"""Documents: plain values in, PDF bytes out (ReportLab only; no Qt, no database).

    from goodbye_desktop.documents import Sender, Recipient, LetterFacts, render_letter
    pdf = render_letter("farewell", sender, recipient, facts)

Importing the package is cheap: ReportLab (about 0.2 s) and the fonts are loaded on the
first rendering, through the lazy attributes below.
"""

from __future__ import annotations

import importlib
from typing import Any

# name -> module that defines it; resolved on first access (PEP 562).
_EXPORTS = {
    "Sender": "values", "Recipient": "values", "LetterFacts": "values", "PlanStep": "values",
    "LetterItem": "values",
    "LETTER_KINDS": "letters", "ComposedLetter": "letters", "compose": "letters",
    "render_letter": "letters", "farewell": "letters", "parting_ways": "letters",
    "exit_interview_request": "letters", "check_in": "letters", "keep_in_touch": "letters",
    "feedback_thanks": "letters",
    "transition_plan": "letters",
    "letters_batch": "batch", "envelopes": "batch", "address_labels": "batch",
    "LABEL_SHEETS": "batch", "ENVELOPE_SIZES": "batch",
    "placeholders_for": "templates", "check_template": "templates", "fill": "templates",
    "default_template": "templates",
    "format_date": "i18n", "default_page_size": "i18n",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value

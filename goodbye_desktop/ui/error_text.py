"""The app's errors in the owner's words: the one place the window words an error.

An error carries a code and plain values (`goodbye_desktop.errors`); its English template
lives in `goodbye_desktop.error_words`. Here the template goes through Qt's translation
(`QCoreApplication.translate("errors", template)`) and is filled with the values as the
owner's locale writes them: dates in the short format, amounts (a value named `…_cents`)
in the currency beside them. Words the window wrote itself (code "said") are shown as
they are; anything that is not one of the app's errors shows its own text.

Not only errors: anything worded by a code and its values (`error_words.Worded`: a
departure wizard page's issue, a letter's pre-flight problem, why a letter does not fit)
is shown through `error_text` too.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTime

from goodbye_desktop.error_words import ERROR_WORDS, PHRASES, SAID, Worded, fill, joiner
from goodbye_desktop.ui.formatting import money, qdate, short_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def error_text(exc: BaseException | Worded) -> str:
    """The words for `exc` (an error, or anything worded by code) to show in a dialog, a
    label or a status line."""
    if not isinstance(exc, Worded):
        return str(exc)
    return _worded(exc.code, exc.values)


def _worded(code: str, values: Mapping[str, Any]) -> str:
    if code == SAID:
        return str(values.get("text", ""))
    template = _tr(ERROR_WORDS.get(code, code))
    return fill(template, {name: _value(name, value, values) for name, value in values.items()})


def _value(name: str, value: Any, values: Mapping[str, Any]) -> Any:
    if name in PHRASES and isinstance(value, str):
        return _tr(PHRASES[name].get(value, value))
    if isinstance(value, Worded):
        return _worded(value.code, value.values)
    if isinstance(value, Exception):
        return str(value)
    if isinstance(value, tuple | list):
        return _tr(joiner(name, value)).join(str(_value("", item, values)) for item in value)
    if isinstance(value, datetime):
        moment = QDateTime(qdate(value.date()), QTime(value.hour, value.minute, value.second))
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        return short_date(value)
    if name.endswith("_cents") and isinstance(value, int) and not isinstance(value, bool):
        return money(value, str(values.get("currency", "")))
    return value

"""The promise ledger and the risk history in the owner's words (header and At-risk view).

The figures come from `core.promises.ledger` and `core.risk.Episode`; this module words
them through Qt's translation with the locale's numbers and dates.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from goodbye_desktop.core.promises import PromiseLedger
from goodbye_desktop.core.risk import Episode
from goodbye_desktop.ui.formatting import short_date


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("ledger", text, None, n)


def kept_percent(book: PromiseLedger) -> str:
    """"80 %", or a dash when no promise is settled yet."""
    percent = book.percent("kept")
    return "—" if percent is None else _tr("%1 %").replace("%1", QLocale().toString(percent))


def ledger_text(book: PromiseLedger) -> str:
    """Kept on time, late and broken as shares of the settled promises; overdue apart."""
    locale = QLocale()
    parts = []
    if book.settled:
        parts.append(_tr("kept on time %1 %, late %2 %, broken %3 % of %4")
                     .replace("%1", locale.toString(book.percent("kept")))
                     .replace("%2", locale.toString(book.percent("late")))
                     .replace("%3", locale.toString(book.percent("broken")))
                     .replace("%4", locale.toString(book.settled)))
    else:
        parts.append(_tr("no promise settled yet"))
    if book.overdue:
        parts.append(_tr("%n overdue", book.overdue))
    if book.open:
        parts.append(_tr("%n still ahead", book.open))
    return " · ".join(parts)


def ledger_note(book: PromiseLedger) -> str:
    """The rest of the ledger beside the kept share: late, broken, of how many; overdue."""
    locale = QLocale()
    parts = [_tr("late %1 %, broken %2 % of %3")
             .replace("%1", locale.toString(book.percent("late")))
             .replace("%2", locale.toString(book.percent("broken")))
             .replace("%3", locale.toString(book.settled))] if book.settled else []
    if book.overdue:
        parts.append(_tr("%n overdue", book.overdue))
    return " · ".join(parts)


def _days(n: int) -> str:
    return _tr("%n day", n) if n == 1 else _tr("%n days", n)


def episode_text(episode: Episode, today: date) -> str:
    """One time at risk: since when, the save tried, how it ended, the days in each stage."""
    stages = episode.stage_days(today)
    began = short_date(episode.began_on)
    if episode.save_on is None and episode.is_open and episode.began_on == today:
        text = _tr("At risk since today")
    elif episode.save_on is None:
        text = (_tr("At risk since %1 (%2)") if episode.is_open
                else _tr("At risk from %1 (%2)")).replace("%1", began).replace(
            "%2", _days(stages["at_risk"]))
    else:
        how = (_tr("a promise") if episode.save_kind == "promise"
               else _tr("“try to keep”"))
        text = (_tr("At risk from %1 (%2), then a save tried on %3 with %4 (%5)")
                .replace("%1", began).replace("%2", _days(stages["at_risk"]))
                .replace("%3", short_date(episode.save_on)).replace("%4", how)
                .replace("%5", _days(stages["saving"])))
    if episode.outcome == "recovered":
        text += _tr("; recovered on %1").replace("%1", short_date(episode.ended_on))
    elif episode.outcome == "lost":
        text += _tr("; lost on %1").replace("%1", short_date(episode.ended_on))
    return text

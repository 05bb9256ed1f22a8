"""Warning signs in the owner's words: translated titles, reasons and next steps.

`core.signs` decides which signs apply and hands over their figures; this module words
them through Qt's translation and formats their money and dates with the locale, so the
list's tooltips and the departure wizard's assessment read the same, in any language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from goodbye_desktop.ui.formatting import money, short_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("signs", text)


def title(key: str) -> str:
    """The sign's short name, as the list's column shows it."""
    return {
        "silence": _tr("Silence"), "acquisition": _tr("Acquisition"),
        "contact_turnover": _tr("Contact turnover"), "chronic_complaints": _tr("Complaints"),
        "costly": _tr("Costly"), "revenue_decline": _tr("Revenue decline"),
    }.get(key, key)


def titles() -> list[str]:
    return [title(key) for key in ("silence", "acquisition", "contact_turnover",
                                   "chronic_complaints", "costly", "revenue_decline")]


def reason(sign: Any, currency: str) -> str:
    """Why the sign is shown, from its figures; the English reason when the case is new."""
    v = sign.values
    if sign.case == "never":
        return _tr("No interaction recorded since the client started %1 days ago.").replace(
            "%1", str(v["days"]))
    if sign.case == "days":
        return (_tr("No interaction for %1 days (more than %2).")
                .replace("%1", str(v["days"])).replace("%2", str(v["limit"])))
    if sign.case == "usual_gap":
        return (_tr("No interaction for %1 days, more than twice the usual gap of %2 days.")
                .replace("%1", str(v["days"])).replace("%2", f"{v['usual_gap']:g}"))
    if sign.case == "acquired":
        text = (_tr("Acquired by %1 on %2: new owners review suppliers.") if v["acquirer"]
                else _tr("Acquired on %2: new owners review suppliers."))
        return text.replace("%1", v["acquirer"]).replace("%2", short_date(v["on"]))
    if sign.case == "none_left":
        return _tr("None of your contacts is still at the client.")
    if sign.case == "primary_left":
        return _tr("Your main contact left on %1.").replace("%1", short_date(v["on"]))
    if sign.case == "complaints":
        return (_tr("%1 complaints in the last %2 days.")
                .replace("%1", str(v["count"])).replace("%2", str(v["days"])))
    if sign.case == "below_target":
        return (_tr("Earns %1 an hour over 12 months, below your target of %2.")
                .replace("%1", money(v["rate_cents"], currency))
                .replace("%2", money(v["target_cents"], currency)))
    if sign.case == "declined":
        return _tr("The last 3 months brought %1 % of the 3 months before.").replace(
            "%1", str(v["share"]))
    return sign.reason


def next_step(sign: Any) -> str:
    """What to do about it."""
    if sign.case == "none_left":
        return _tr("Build a new contact, and a second one.")
    return {
        "silence": _tr("Schedule a meaningful check-in."),
        "acquisition": _tr("Meet the acquirer."),
        "contact_turnover": _tr("Build a second contact."),
        "chronic_complaints": _tr("Review the relationship."),
        "costly": _tr("Review the relationship: the scope or the price."),
        "revenue_decline": _tr("Schedule a meaningful check-in about their plans."),
    }.get(sign.key, sign.next_step)


def line(sign: Any, currency: str) -> str:
    """"Title: reason. Next step." on one line."""
    return f"{title(sign.key)}: {reason(sign, currency)} {next_step(sign)}"

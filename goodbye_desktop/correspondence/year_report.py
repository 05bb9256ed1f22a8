"""The year in review from the dashboard's figures: words, numbers and charts for the PDF.

What the report prints is worded here in English (the program's own words; the dates and
amounts follow the business profile's locale), from the same `Dashboard` the pane and
the command line show, with the same charts (`dashboard.charts_for`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from goodbye_desktop.core.figures import Dashboard
from goodbye_desktop.correspondence.dashboard import ChartWords, charts_for
from goodbye_desktop.documents import i18n
from goodbye_desktop.documents.report import Figure, Report, Table
from goodbye_desktop.documents.values import Sender
from goodbye_desktop.words import word

# The signs' titles as the client list shows them (the other codes are worded by words.py).
SIGN_WORDS = {"silence": "Silence", "acquisition": "Acquisition",
              "contact_turnover": "Contact turnover", "chronic_complaints": "Complaints",
              "costly": "Costly", "revenue_decline": "Revenue decline"}
TITLES = {"history": "Clients gained and lost, five years", "reasons": "Reasons for leaving",
          "kinds": "Kinds of departing client", "ended_by": "Who ended it",
          "concentration": "Top clients' share of revenue (12 months)",
          "pareto": "Where the time went: top clients by minutes (12 months)"}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def _word(group: str, code: str) -> str:
    if group == "sign":
        return SIGN_WORDS.get(code, code)
    return word(group, code) if code else "–"


def chart_words() -> ChartWords:
    return ChartWords(titles=TITLES, gained="Gained", lost="Lost", year="Year", count="Count",
                      share_head="Share", minutes_head="Minutes", code=_word, percent=_pct,
                      minutes=lambda m: f"{m:,} min")


def report_for(d: Dashboard, sender: Sender, currency: str) -> bytes:
    """The year in review as PDF bytes."""
    from goodbye_desktop.documents.report import render

    locale = sender.locale

    def money(cents: int | None) -> str:
        return "–" if cents is None else i18n.format_money(Decimal(cents) / 100, locale,
                                                           currency)

    def day(value: date | None) -> str:
        return "–" if value is None else i18n.format_date(value, locale)

    c, dep, conc, pr, prev = d.counts, d.departures, d.concentration, d.proposals, \
        d.previous_proposals
    figures = [
        Figure(f"Active clients on {day(c.start)}", str(c.active_start)),
        Figure(f"Active clients on {day(c.end)}", str(c.active_end)),
        Figure("Clients gained / lost / net", f"{c.gained} / {c.lost} / {c.net:+d}"),
        Figure("Logo churn", _pct(c.logo_churn)),
        Figure("Retention", _pct(c.retention), f"{d.retention_goal_pct} %"),
        Figure("Clients won back", str(d.reactivated), str(d.reactivation_goal)),
        Figure("Median time away", "–" if d.median_months_away is None
               else f"{d.median_months_away} months"),
        Figure("Revenue lost with the departures (12 months each)",
               money(dep.revenue_lost_cents)),
        Figure("Avoidable / unavoidable departures", f"{dep.avoidable} / {dep.unavoidable}"),
        Figure("Median tenure of departed clients", "–" if dep.median_tenure_months is None
               else i18n.format_months(dep.median_tenure_months, locale)),
        Figure("Top client's share of revenue", _pct(conc.top1_share)),
        Figure("Top 3 clients' share of revenue", _pct(conc.top3_share)),
        Figure("Concentration (HHI, over 2,500 is high)", "–" if conc.hhi is None
               else f"{conc.hhi:,}"),
        Figure("Share of time taken by the top 20 % of clients", _pct(d.pareto.top_share)),
        Figure("Proposals sent / won / lost", f"{pr.sent} / {pr.won} / {pr.lost}",
               f"{d.year - 1}: {prev.sent} / {prev.won} / {prev.lost}"),
        Figure("Win rate", _pct(pr.win_rate), f"{d.year - 1}: {_pct(prev.win_rate)}"),
        Figure("Average won proposal of a new client", money(pr.avg_new_client_cents),
               f"{d.year - 1}: {money(prev.avg_new_client_cents)}"),
    ]
    note = ""
    if d.clients_in_file == 0:
        note, figures = "There are no clients in the records yet.", []
    elif not (c.active_start or c.active_end or c.gained or c.lost):
        note = f"No client was active in {d.year}."
    tables = [
        Table("Departures", ("Client", "Last day", "Reasons", "Lessons learned"),
              [(x.name, day(x.last_day),
                ", ".join(_word("reason", r) for r in x.reasons) or "–", x.lessons or "–")
               for x in d.lost], f"No client left in {d.year}.", (0.28, 0.17, 0.25, 0.30)),
        Table("Clients won back", ("Client", "Left", "Came back"),
              [(r.name, day(r.last_day), day(r.returned_on)) for r in d.returns],
              f"No client came back in {d.year}.", (0.5, 0.25, 0.25)),
        Table("Clients at risk today", ("Client", "Warning signs"),
              [(a.name, ", ".join(_word("sign", s) for s in a.signs)) for a in d.at_risk],
              "No current client shows a warning sign.", (0.5, 0.5)),
        Table("Revenue concentration (12 months)", ("Client", "Revenue", "Share"),
              [(name, money(cents), _pct(share)) for _, name, cents, share in conc.top(10)],
              "No revenue was recorded in these twelve months.", (0.5, 0.25, 0.25)),
    ]
    charts = [c.chart for c in charts_for(d, chart_words())]
    report = Report(
        title=f"{d.year} in review",
        subtitle=(f"From {day(c.start)} to today, {day(d.today)}" if d.as_of == d.today
                  else f"From {day(c.start)} to {day(d.as_of)}, written on {day(d.today)}"),
        figures_title="The year in figures", figures=figures,
        charts_title="Charts", charts=charts, tables=tables, note=note,
        goal_head="Goal or last year")
    return render(report, sender, d.today)


def report_pdf(year: int | None = None, *, db=None, figures: Dashboard | None = None
               ) -> tuple[bytes, Dashboard]:
    """The year in review of `year` (default: this one) from the open database, or from
    `db` (a reading connection of its own, off the GUI thread), or of `figures` already
    worked out (the pane's)."""
    from goodbye_desktop.correspondence.dashboard import dashboard
    from goodbye_desktop.correspondence.values_from_records import sender_from_profile
    from goodbye_desktop.store.dashboard import Reader

    if figures is None:
        figures = dashboard(year, db=db, limit=50, daily=db is None)
    profile = Reader(db).profile()
    return report_for(figures, sender_from_profile(profile), profile.get("currency", "")), \
        figures


def save_pdf(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (a temporary name, synced, then a rename),
    0600, and never over the database or its backups (safe_files)."""
    from goodbye_desktop.safe_files import write_atomic

    write_atomic(path, data)

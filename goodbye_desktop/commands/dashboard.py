"""`goodbye-desktop dashboard [--year Y] [--json]`: the dashboard's figures for a year.

The same code as the window's Dashboard tab (`correspondence.dashboard`): the terminal
gets a short summary in sentences and figures, `--json` every figure under the keys the
README lists (shares as fractions from 0 to 1, money in integer cents, ISO dates).
"""

from __future__ import annotations

import argparse
import sys

from goodbye_desktop import clock
from goodbye_desktop.commands.terminal import safe, write_json
from goodbye_desktop.core.figures import Dashboard
from goodbye_desktop.errors import ValidationError
from goodbye_desktop.formatting import money_cents, tenure_short
from goodbye_desktop.words import word

TOP_SHOWN = 5


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "dashboard",
        help="the year's figures: churn, retention, concentration, departures, win-backs",
        description="Print the dashboard's figures for a year (default: the current one): "
        "clients gained and lost, logo churn and retention against your goal, five years "
        "side by side, revenue concentration, the Pareto of effort, departures by reason, "
        "kind and who ended it, win-backs, proposals, at-risk clients and promises due.",
    )
    parser.add_argument("--year", metavar="Y", type=int, help="the year (default: this year)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object (the keys are listed in the README)")
    parser.set_defaults(run=run)


def checked_year(year: int | None) -> int:
    """The year asked for, or this year; a year still ahead has no figures yet."""
    this_year = clock.today().year
    if year is None:
        return this_year
    if not 1900 <= year <= this_year:
        raise ValidationError("cli.year_range", field="year", latest=this_year, given=year)
    return year


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.correspondence.dashboard import dashboard
    from goodbye_desktop.store.queries import profile_currency, profile_locale

    figures = dashboard(checked_year(args.year))
    if args.json:
        write_json(figures.as_json())
    else:
        sys.stdout.write(as_text(figures, profile_locale(), profile_currency()))
    return 0


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def as_text(d: Dashboard, locale: str = "en_GB", currency: str = "") -> str:
    """The summary the terminal shows: one figure a line, sentences where there is none;
    amounts in the business profile's locale and currency, as the window writes them."""

    def _money(cents: int | None) -> str:
        return "–" if cents is None else money_cents(cents, locale, currency)

    c = d.counts
    if d.clients_in_file == 0:
        return "There are no clients yet, so there are no figures to show.\n"
    lines = [f"Dashboard for {d.year}, up to {d.as_of.isoformat()}", ""]
    if c.active_start == 0 and c.active_end == 0 and c.gained == 0 and c.lost == 0:
        lines.append(f"No client was active in {d.year}.")
    lines += [
        f"Active clients: {c.active_start} on 1 January, {c.active_end} on "
        f"{d.as_of.isoformat()}",
        f"Gained {c.gained}, lost {c.lost}, net {c.net:+d}",
        f"Logo churn: {_pct(c.logo_churn)}",
        f"Retention: {_pct(c.retention)} (goal {d.retention_goal_pct} %)",
        f"Won back: {d.reactivated} (goal {d.reactivation_goal}); median time away: "
        + ("–" if d.median_months_away is None else f"{d.median_months_away} months"),
        "",
        "Year   Gained  Lost  Net  Churn    Retention",
    ]
    lines += [f"{y.year}  {y.gained:6d} {y.lost:5d} {y.net:+4d}  {_pct(y.logo_churn):>7}"
              f"  {_pct(y.retention):>9}" for y in d.history]
    dep = d.departures
    lines += ["", f"Revenue lost with the departures: {_money(dep.revenue_lost_cents)}",
              f"Avoidable: {dep.avoidable}, unavoidable: {dep.unavoidable}; median tenure: "
              + ("–" if dep.median_tenure_months is None
                 else tenure_short(dep.median_tenure_months))]
    for title, group, table in (("Reasons", "reason", dep.reasons),
                                ("Kinds", "kind", dep.kinds),
                                ("Ended by", "ended_by", dep.ended_by)):
        shown = ", ".join(f"{word(group, code)} {n}" for code, n in table.items() if n)
        lines.append(f"{title}: {shown or '–'}")
    conc = d.concentration
    lines += ["", "Revenue concentration (12 months): "
              + (f"top client {_pct(conc.top1_share)}, top 3 {_pct(conc.top3_share)}, "
                 f"HHI {conc.hhi}" if conc.hhi is not None else "no revenue recorded")]
    lines += [f"  {safe(name)}  {_pct(share)}" for _, name, _, share in conc.top(TOP_SHOWN)]
    p = d.pareto
    lines.append("Effort: " + (f"the top {len(p.clients)} of {p.clients_with_minutes} clients "
                               f"take {_pct(p.top_share)} of the time" if p.clients
                               else "no time recorded"))
    pr, prev = d.proposals, d.previous_proposals
    lines += ["", f"Proposals: {pr.sent} sent, {pr.won} won, {pr.lost} lost, win rate "
              f"{_pct(pr.win_rate)}, new clients' average {_money(pr.avg_new_client_cents)}"
              f" (last year: {prev.sent} sent, win rate {_pct(prev.win_rate)})",
              f"At risk: {len(d.at_risk)} clients; promises: {d.promises.get('overdue', 0)} "
              f"overdue, {d.promises.get('due_today', 0)} due today, "
              f"{d.promises.get('next_7_days', 0)} in the next 7 days", ""]
    return "\n".join(lines)

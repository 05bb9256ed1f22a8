"""`goodbye-desktop letter KIND --client NAME [-o FILE]`: one letter to a client, as PDF.

The same code as the app (correspondence.produce): the owner's template, the client's
records and its latest departure; the PDF is kept and logged on the client's timeline.
Only the parser is built at import time: the rendering modules load when the command runs,
so `goodbye-desktop --help` and the other commands stay fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The kinds from the one vocabulary: plain constants, so building the parser stays light.
from goodbye_desktop.vocabulary import LETTER_KINDS as KINDS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "letter",
        help="write one letter to a client as a PDF file",
        description="Write a letter to a client as a PDF, from your letter template and the "
        "client's records (its latest departure gives the end date, the interview times and "
        "the transition plan). The letter is kept and logged on the client's timeline, just "
        "as when it is printed from the app.",
    )
    parser.add_argument("kind", choices=KINDS, metavar="KIND",
                        help="the kind of letter: " + ", ".join(KINDS))
    parser.add_argument("--client", required=True, metavar="NAME",
                        help="the client's name, exactly or a search that finds only one client")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="where to write the PDF (default: '<client name>-<kind>.pdf' "
                        "in the current folder)")
    parser.add_argument("--departure", type=int, metavar="ID",
                        help="the departure to take the facts from (default: the latest)")
    parser.add_argument("--news", metavar="TEXT",
                        help="something of interest to the client (keep-in-touch note)")
    parser.add_argument("--feedback", metavar="TEXT",
                        help="what the client told you (feedback thanks)")
    parser.add_argument("--improvement", metavar="TEXT",
                        help="what you are changing because of it (feedback thanks)")
    parser.add_argument("--referral", metavar="TEXT",
                        help="another provider you recommend (parting ways)")
    parser.add_argument("--times", metavar="TIMES",
                        help="the proposed interview times, separated by ';' "
                        "(e.g. '2026-12-08T10:00; 2026-12-10 14:00'); they replace the "
                        "departure's (exit interview request)")
    parser.add_argument("--anyway", action="store_true",
                        help="write the letter even when it does not fit the client's "
                        "situation (a farewell to a client you let go, ...)")
    parser.set_defaults(run=run)


def find_client(name: str) -> int:
    """The one client called `name`, or found by it as a search; GoodbyeError otherwise."""
    from goodbye_desktop.error_words import Words
    from goodbye_desktop.errors import GoodbyeError, NotFoundError
    from goodbye_desktop.store.folding import fold
    from goodbye_desktop.store.queries import ClientFilter, client_list

    if not name.strip():
        raise GoodbyeError("cli.client_name_missing")
    rows = client_list(ClientFilter(search=name, include_archived=True))
    for same in (lambda r: r.name == name, lambda r: fold(r.name) == fold(name)):
        matches = [r for r in rows if same(r)]
        if len(matches) == 1:
            return matches[0].id
        if len(matches) > 1:
            rows = matches
            break
    else:
        if len(rows) == 1:
            return rows[0].id
    if not rows:
        raise NotFoundError("cli.no_client_matches", name=name)
    shown = tuple(Words("cli.client_and_id", name=r.name, client_id=r.id) for r in rows[:10])
    more = Words("list.and_more", count=len(rows) - 10) if len(rows) > 10 else ""
    raise GoodbyeError("cli.clients_match", count=len(rows), name=name, shown=shown, more=more)


def run(args: argparse.Namespace) -> int:
    from goodbye_desktop.commands.terminal import safe as escape_for_terminal
    from goodbye_desktop.correspondence import fit, preflight
    from goodbye_desktop.correspondence.produce import inputs_for, keep, produce, template_for
    from goodbye_desktop.error_words import Words, say
    from goodbye_desktop.errors import GoodbyeError, ValidationError
    from goodbye_desktop.safe_files import (
        check_output_path,
        safe_file_name,
        write_atomic_or_fail,
    )

    if args.output:
        # Refused before anything is made: never a PDF over the database or its backups.
        check_output_path(args.output)
    client_id = find_client(args.client)
    extras = {"news": args.news, "feedback_summary": args.feedback,
              "improvement": args.improvement, "referral": args.referral,
              "interview_times": args.times}
    extras = {k: v for k, v in extras.items() if v}
    inputs = inputs_for(args.kind, client_id, departure_id=args.departure, extras=extras)
    result = fit.fit(args.kind, inputs.situation)
    if not result.fits and not (args.anyway and result.offered):
        # The fit and the pre-flight name their words by code; the error words them.
        raise GoodbyeError("cli.letter_unfit_anyway" if result.offered else "cli.letter_unfit",
                           reason=fit.why(result, inputs.recipient.client_name))
    problems = preflight.check(args.kind, inputs, template_for(args.kind))
    summary = preflight.one_line_summary(problems)
    if summary is not None:
        raise GoodbyeError("cli.letter_preflight", summary=summary)
    for problem in problems:
        print(f"goodbye-desktop: note: {say(problem)}", file=sys.stderr)
    try:
        produced = produce(args.kind, client_id, departure_id=args.departure, extras=extras)
    except ValidationError as exc:
        hint = {"news": Words("cli.hint_news"), "feedback_summary": Words("cli.hint_feedback"),
                "referral": Words("cli.hint_referral"), "end_date": Words("cli.hint_end_date"),
                "interview_times": Words("cli.hint_times"),
                }.get(exc.field or "", "")
        raise GoodbyeError("cli.letter_missing", problem=str(exc).rstrip("."),
                           hint=hint) from exc
    output = args.output or Path(safe_file_name(produced.client_name, f"-{args.kind}.pdf",
                                                fallback="letter"))
    check_output_path(output)
    write_atomic_or_fail(output, produced.pdf, "letter")
    keep(produced)
    print(escape_for_terminal(f"Wrote {output} ({produced.title}); kept on the client's "
                              "timeline."), file=sys.stdout)
    return 0

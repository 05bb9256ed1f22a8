"""Build a database at scale for the benchmarks: 100,000 clients, a million interactions,
1.2 million revenue rows, 10,000 departures.

    python benchmarks/generate.py --clients 100000 --interactions 1000000 \\
        --out benchmarks/data/100k.sqlite

The schema comes from `open_database` (so the file is exactly what the app makes); the
rows go in with raw sqlite3 `executemany` inside one transaction, which is what makes a
million rows take seconds. Names mix scripts (Latin with accents, Greek, Cyrillic, Arabic,
Hebrew, CJK, Korean, Devanagari) the way the demo data does, so the search and the sort
meet the same text as in real use. The client's derived columns are filled as the store
keeps them: search text and sort name folded by `store.folding.fold`, last contact and the
12-month revenue by one set-based UPDATE each.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from goodbye_desktop import clock
from goodbye_desktop.core.windows import last_12_months
from goodbye_desktop.store.database import close_database, open_database
from goodbye_desktop.store.folding import fold

# Name pools per script (first names, family names, trades), with how often each occurs.
SCRIPTS = (
    (70, "Anna Łukasz Małgorzata Zoë Renée José Lucía Chloé François Björn Søren Jürgen Siobhán "
         "Aoife Tomás Ana Pedro Eva Petr Mateo Giulia Ahmet Zeynep Ngozi Chinedu Priya Rahul "
         "Emma David Sarah James Lucy Helen Mark Rachel Grace Omar Leila Hannah Nora Claire "
         "Ingrid Oksana Kenji Yuki Olga Marta Marco María Marie Markus Martin Maren Mariam",
         "Kowalczyk Nowak Wiśniewska Papadopoulou Müller Becker Álvarez Fernández Dubois Lefèvre "
         "Lindqvist Halvorsen Dahl Goldberg Adeyemi Okafor Kovalenko Rossi Bianchi Yılmaz Kaya "
         "Clarke Thompson O'Neill Whitfield Hartley Ferreira Gonçalves Dvořák Novák Sharma "
         "Carter Brennan Liu Haddad Nasser Evans Svensson Fontaine Marsh Martens Marino "
         "Markovic Marquez Marlow Marchetti Łukasiewicz",
         "Bakery Studio Logistics Consulting Architects Dental Veterinary Books Print Café "
         "Bistro Florist Solicitors Accounting Realty Cycles Builders Organics Fotografie "
         "Lighting Childcare Marine Market Media Motors Music Garden Partners GmbH Ltd ApS AB"),
    (4, "Γιώργος Ελένη Μαρία Νίκος", "Παπαδόπουλος Αντωνίου Γεωργίου Οικονόμου",
        "Ταβέρνα Αρτοποιείο Γραφείο"),
    (6, "Дмитрий Иван Ольга Мария Марина", "Соколов Кузнецов Петрова Смирнова Морозов",
        "Книги Пекарня Студия Логистика"),
    (4, "محمد فاطمة مريم علي", "العلي بن علي الحسن المصري", "مكتبة مخبز استوديو"),
    (2, "דוד שרה מרים", "לוי כהן מזרחי", "מאפייה סטודיו"),
    (5, "花子 美咲 健二 真理", "山田 田中 渡辺 佐藤", "デザイン事務所 商店 書店"),
    (4, "伟 芳 敏 丽", "王 李 张 刘", "茶艺馆 设计室 书店"),
    (3, "민준 서연 지우", "김 박 이 최", "플라워 스튜디오 베이커리"),
    (2, "अनीता राहुल मारिया", "शर्मा वर्मा गुप्ता", "मसाला स्टूडियो"),
)
_POOLS = [(weight, first.split(), last.split(), trades.split())
          for weight, first, last, trades in SCRIPTS]
TAGS = ("branding", "web", "print", "packaging", "signage", "social", "retainer", "one-off",
        "referral", "local", "hospitality", "retail", "healthcare", "non-profit", "events",
        "e-commerce", "photography")
# Every departing, departed and returned client has its departure (10 % of the clients,
# 10,000 at 100,000), so the dashboard meets records as the app writes them.
STATUSES = (("active", 80), ("prospect", 10), ("departing", 2), ("departed", 5),
            ("returned", 3))
KINDS = (("email", 45, 5, 20), ("call", 20, 10, 45), ("meeting", 12, 30, 120),
         ("support", 13, 15, 90), ("note", 10, 2, 10))


def _ascii(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isascii() and ch.isalnum())


def _client_name(rng: random.Random) -> tuple[str, bool]:
    _, first, last, trades = rng.choices(_POOLS, [pool[0] for pool in _POOLS])[0]
    if rng.random() < 0.3:
        return f"{rng.choice(first)} {rng.choice(last)}", True
    if rng.random() < 0.6:
        return f"{rng.choice(last)} {rng.choice(trades)}", False
    return f"{rng.choice(last)} & {rng.choice(last)} {rng.choice(trades)}", False


def _person(rng: random.Random) -> str:
    _, first, last, _ = rng.choices(_POOLS, [pool[0] for pool in _POOLS])[0]
    return f"{rng.choice(first)} {rng.choice(last)}"


def _months_before(last: date) -> list[str]:
    index = last.year * 12 + last.month - 1
    return [date((index - n) // 12, (index - n) % 12 + 1, 1).isoformat() for n in range(11, -1, -1)]


def _departures(rng: random.Random, client_rows: list[tuple], begin: date, today: date,
                wanted: int) -> tuple[list[tuple], list[tuple]]:
    """Departure rows for the departing, returned and departed clients, `wanted` in all.

    Departing clients leave ahead of today, returned ones left and came back (won back),
    departed ones left on their end date; ids are given here so the reasons can refer to them.
    """
    ended_by = ("client", "client", "owner", "mutual", "outside")
    kinds = ("fulfilled", "scattered", "no_follow_through", "")
    reasons = ("price", "results", "service", "fit", "needs_fulfilled", "budget",
               "acquisition", "contact_turnover", "competitor", "out_of_business",
               "unprofitable", "conduct", "other")
    stamp = datetime.combine(today, datetime.min.time()).isoformat(sep=" ")
    rows, reason_rows = [], []
    by_status: dict[str, list[tuple]] = {"departing": [], "returned": [], "departed": []}
    for row in client_rows:
        if row[3] in by_status:
            by_status[row[3]].append(row)
    # Clients who left once and came back, as many as it takes to reach `wanted`.
    by_status["active"] = [row for row in client_rows if row[3] == "active"]
    for status in ("departing", "returned", "departed", "active"):
        for row in by_status[status]:
            if len(rows) >= wanted:
                break
            started = date.fromisoformat(row[4])
            returned = None
            if status == "departing":
                last = today + timedelta(days=rng.randint(1, 60))
                state = "decided"
            elif status == "departed":
                last, state = date.fromisoformat(row[5]), "decided"
            else:  # returned, or active again after a leaving
                away = max((today - started).days - 2, 2)
                last = started + timedelta(days=rng.randrange(1, away))
                returned = last + timedelta(days=rng.randint(1, max((today - last).days, 1)))
                state = "won_back"
            did = len(rows) + 1
            who = rng.choice(ended_by)
            rows.append((did, row[0], state, who, "closed" if who == "outside" else "",
                         rng.choice(kinds), (last - timedelta(days=30)).isoformat(),
                         last.isoformat(), returned.isoformat() if returned else None,
                         stamp, stamp))
            for reason in rng.sample(reasons, rng.randint(1, 2)):
                reason_rows.append((did, reason))
    return rows, reason_rows


def generate(out: Path, clients: int, interactions: int, seed: int, today: date,
             departures: int = 10_000) -> dict:
    """Write the data set to `out` (which must not exist yet); return row counts."""
    rng = random.Random(seed)
    open_database(out)  # creates the schema, exactly as the app does
    close_database()

    conn = sqlite3.connect(out, isolation_level=None)
    # A throwaway file: no journal while loading, WAL again once it is done (as the app has).
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -256000")
    conn.execute("BEGIN")

    begin = today - timedelta(days=10 * 365)
    begin_at = datetime.combine(begin, datetime.min.time())
    span = (today - begin).days
    window = last_12_months(today).first_month
    months = []
    month = window
    for _ in range(12):
        months.append(month.isoformat())
        month = (month + timedelta(days=32)).replace(day=1)
    status_names = [s for s, _ in STATUSES]
    status_weights = [w for _, w in STATUSES]
    kind_names = [k[0] for k in KINDS]
    kind_weights = [k[1] for k in KINDS]
    kind_minutes = {k[0]: (k[2], k[3]) for k in KINDS}

    client_rows, contact_rows, interaction_rows, revenue_rows = [], [], [], []
    spans: list[tuple[int, int]] = []  # (first day offset, last day offset) per client
    now = datetime.combine(today, datetime.min.time()).isoformat(sep=" ")
    for client_id in range(1, clients + 1):
        name, is_person = _client_name(rng)
        status = rng.choices(status_names, status_weights)[0]
        start = rng.randrange(span - 30)
        started = begin + timedelta(days=start)
        ended = None
        end = span
        if status == "departed":
            end = rng.randrange(start + 1, span)
            ended = begin + timedelta(days=end)
        tags = ", ".join(rng.sample(TAGS, rng.randint(0, 3)))
        domain = (_ascii(name)[:20] or f"client{client_id}") + ".example"
        parts = [name, tags]
        for position in range(rng.randint(1, 4) if not is_person else 1):
            person = name if is_person else _person(rng)
            email = f"{_ascii(person.split()[0]) or 'info'}@{domain}"
            left = rng.random() < 0.1
            contact_rows.append((client_id, person, email, int(position == 0),
                                 (begin + timedelta(days=rng.randrange(start, span))).isoformat()
                                 if left else None))
            parts.extend((person, email))
        search_text = "\n".join(fold(part) for part in parts if part)
        client_rows.append((
            client_id, name, int(is_person), status,
            started.isoformat() if status != "prospect" else None,
            ended.isoformat() if ended else None, tags, int(rng.random() < 0.03),
            search_text, fold(name), now, now,
        ))
        spans.append((start, end))
        # Twelve months each: the last twelve, or the twelve before a departed client left.
        for month_start in (months if ended is None else _months_before(ended)):
            revenue_rows.append((client_id, month_start, rng.randint(50, 3000) * 100))

    # A few clients get many interactions and most get some, as in a real practice.
    weights = [rng.paretovariate(1.5) for _ in range(clients)]
    total = sum(weights)
    for index, weight in enumerate(weights):
        client_id = index + 1
        count = round(interactions * weight / total)
        start, end = spans[index]
        for _ in range(count):
            kind = rng.choices(kind_names, kind_weights)[0]
            low, high = kind_minutes[kind]
            day = begin_at + timedelta(days=rng.randint(start, end),
                                    minutes=rng.randint(8 * 60, 18 * 60))
            complaint = kind != "note" and rng.random() < 0.02
            interaction_rows.append((client_id, day.isoformat(sep=" "), kind,
                                     "in" if rng.random() < 0.5 else "out",
                                     rng.randint(low, high), "", int(complaint)))
    # Sorted by client, like data entered over years and then read by the covering index.
    interaction_rows.sort()

    conn.executemany(
        "INSERT INTO client (id, name, is_person, status, started_on, ended_on, tags, archived,"
        " search_text, sort_name, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        client_rows)
    conn.executemany(
        'INSERT INTO contact (client_id, name, email, "primary", left_on) VALUES (?,?,?,?,?)',
        contact_rows)
    conn.executemany(
        "INSERT INTO interaction (client_id, occurred_at, kind, direction, minutes, summary,"
        " complaint) VALUES (?,?,?,?,?,?,?)", interaction_rows)
    conn.executemany("INSERT INTO revenue (client_id, month, amount_cents) VALUES (?,?,?)",
                     revenue_rows)
    departure_rows, reason_rows = _departures(rng, client_rows, begin, today, departures)
    conn.executemany(
        "INSERT INTO departure (id, client_id, state, ended_by, outside_event, kind, decided_on,"
        " effective_on, returned_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        departure_rows)
    conn.executemany("INSERT INTO departure_reason (departure_id, reason) VALUES (?,?)",
                     reason_rows)
    # Proposals: one for a fifth of the clients, sent over the last five years.
    proposal_rows = []
    for row in client_rows[::5]:
        sent = today - timedelta(days=rng.randrange(5 * 365))
        outcome = rng.choices(("won", "lost", "pending"), (4, 4, 1))[0]
        decided = sent + timedelta(days=rng.randint(3, 40)) if outcome != "pending" else None
        proposal_rows.append((row[0], "Proposal", sent.isoformat(), rng.randint(5, 200) * 10000,
                              outcome, decided.isoformat() if decided and decided <= today
                              else None))
    conn.executemany("INSERT INTO proposal (client_id, title, sent_on, amount_cents, outcome,"
                     " decided_on) VALUES (?,?,?,?,?,?)", proposal_rows)
    promise_rows = _promise_rows(rng, client_rows, today)
    conn.executemany("INSERT INTO promise (client_id, description, due_at, channel, done_at,"
                     " cancelled_at) VALUES (?,?,?,?,?,?)", promise_rows)
    # The derived columns, set-based, as records.refresh_client computes them one by one.
    conn.execute("UPDATE client SET last_contact_at = (SELECT max(occurred_at) FROM interaction"
                 " i WHERE i.client_id = client.id)")
    conn.execute("UPDATE client SET revenue_12m_cents = coalesce((SELECT sum(amount_cents) FROM"
                 " revenue r WHERE r.client_id = client.id AND r.month >= ?), 0)",
                 (window.isoformat(),))
    conn.execute("INSERT INTO app_meta (key, value) VALUES ('revenue_window', ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (window.isoformat(),))
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    return {"clients": len(client_rows), "contacts": len(contact_rows),
            "interactions": len(interaction_rows), "revenue": len(revenue_rows),
            "departures": len(departure_rows), "proposals": len(proposal_rows),
            "promises": len(promise_rows)}


PROMISE_WORDS = ("Email the figures", "Call back about the quote", "Send the draft",
                 "Post the samples", "Check in after the launch", "Meet about next year")


def _promise_rows(rng: random.Random, client_rows: list[tuple], today: date) -> list[tuple]:
    """About one promise per current client over two years and a month ahead: the past
    ones nearly all kept (some late, a few cancelled), one in a hundred left open."""
    rows = []
    now = datetime.combine(today, datetime.min.time()) + timedelta(hours=12)
    for client in client_rows:
        if client[3] not in ("active", "departing", "returned"):
            continue
        for _ in range(rng.choice((0, 1, 1, 2))):
            due = now + timedelta(days=rng.randint(-730, 30), hours=rng.randint(-3, 5))
            done = cancelled = None
            if due < now:
                luck = rng.random()
                if luck < 0.80:
                    done = due - timedelta(hours=rng.randint(0, 48))
                elif luck < 0.95:
                    done = due + timedelta(hours=rng.randint(1, 96))
                elif luck < 0.99:
                    cancelled = due - timedelta(hours=1)
            rows.append((client[0], rng.choice(PROMISE_WORDS), due.isoformat(sep=" "),
                         rng.choice(("email", "call", "meeting", "letter")),
                         done.isoformat(sep=" ") if done else None,
                         cancelled.isoformat(sep=" ") if cancelled else None))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, required=True, help="the database file to create")
    parser.add_argument("--departures", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--replace", action="store_true", help="overwrite an existing file")
    args = parser.parse_args(argv)

    if args.out.exists():
        if not args.replace:
            print(f"generate: {args.out} exists; pass --replace to overwrite it",
                  file=sys.stderr)
            return 2
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.out}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    counts = generate(args.out, args.clients, args.interactions, args.seed, clock.today(),
                      args.departures)
    elapsed = time.perf_counter() - started
    size = args.out.stat().st_size / 1e6
    print(", ".join(f"{n:,} {what}" for what, n in counts.items())
          + f" -> {args.out} ({size:.0f} MB) in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

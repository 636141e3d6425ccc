#!/usr/bin/env python3
"""Ticket search and ticket page at volume (issue 19): p50/p95 of GET /api/tickets/search for typical
queries, of a saved view's count (GET /api/tickets/views) and of the ticket page (GET /api/tickets/{number}
and GET /api/tickets/{number}/conversation).

Beside a running application whose embedded PostgreSQL listens on a known port, e.g. (from the
repository's root, after `mvn -B -o compile dependency:build-classpath -Dmdep.includeScope=runtime
-Dmdep.outputFile=target/benchmark-classpath.txt -pl backend -am -Dskip.npm`; the mail and HTTP ports
moved off the defaults so that it runs beside another instance)

    java -Xmx1g -cp "backend/target/classes:$(cat backend/target/benchmark-classpath.txt)" \
        it.sportello.SportelloApplication --server.port=18190 --sportello.embedded-postgres.port=25432 \
        --sportello.embedded-postgres.data-directory=/work/bench19-db \
        --sportello.mail.embedded-server.smtp-port=13025 --sportello.mail.embedded-server.imap-port=13143 \
        --sportello.mail.polling.enabled=false --camunda.bpm.job-execution.enabled=false

    python3 docs/benchmarks/ticket_search.py --url http://localhost:18190 --db-port 25432 --tickets 2500000

It loads the data with ticket_search_data.sql through psql (Debian's postgresql-client; --no-load
measures what is there), then times each query --calls times after --warmup calls, one client, and
prints a Markdown table (also written to --out). Standard library only. `EXPLAIN ANALYZE` of the same
queries as the application sends them: ticket_search_explain.sql.
"""
import argparse
import http.cookiejar
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def psql(args, sql=None, file=None, variables=None):
    command = ["psql", "-h", "localhost", "-p", str(args.db_port), "-U", "postgres", "-d", "postgres",
               "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"]
    for name, value in (variables or {}).items():
        command += ["-v", f"{name}={value}"]
    command += ["-f", file] if file else ["-c", sql]
    return subprocess.run(command, check=True, capture_output=file is None, text=True).stdout


SESSIONS = {}


def session(args, user):
    """A logged-in session (cookie), as the web application has: no password hashing per call."""
    if user not in SESSIONS:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.open(args.url + "/api/session").read()
        SESSIONS[user] = (opener, jar)
        status, _, _ = call(args, "/api/session", user, "POST", {"username": user, "password": "demo"})
        assert status < 300, f"login of {user}: {status}"
    return SESSIONS[user]


def call(args, path, user="operator1", method="GET", body=None):
    opener, jar = session(args, user)
    request = urllib.request.Request(args.url + path, method=method)
    for cookie in jar:
        if cookie.name == "SPORTELLO-XSRF-TOKEN":
            request.add_header("X-XSRF-TOKEN", urllib.parse.unquote(cookie.value))
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    started = time.perf_counter()
    try:
        with opener.open(request, data=data, timeout=60) as response:
            payload = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        payload = error.read()
        status = error.code
    elapsed = (time.perf_counter() - started) * 1000
    return status, (json.loads(payload) if payload else None), elapsed


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def measure(args, label, paths, user="operator1"):
    """paths: a function giving the next path (varied inputs), called warmup + calls times."""
    for _ in range(args.warmup):
        call(args, paths(), user)
    times, matched, errors = [], [], 0
    for _ in range(args.calls):
        status, body, elapsed = call(args, paths(), user)
        if status != 200:
            errors += 1
            continue
        times.append(elapsed)
        if isinstance(body, dict) and "total" in body:
            matched.append(f"{body['total']:,}{'' if body['totalExact'] else '+'}")
    row = {
        "query": label,
        "matched": matched[len(matched) // 2] if matched else "",
        "p50": statistics.median(times) if times else None,
        "p95": percentile(times, 95) if times else None,
        "max": max(times) if times else None,
        "errors": errors,
    }
    print(f"  {label}: p50 {row['p50']:.1f} ms, p95 {row['p95']:.1f} ms ({row['matched']})", file=sys.stderr)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--db-port", type=int, default=25432)
    parser.add_argument("--tickets", type=int, default=2_500_000)
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--out", default="target/benchmark/ticket-search.md")
    args = parser.parse_args()
    rnd = random.Random(19)

    if not args.no_load:
        started = time.time()
        print(f"loading {args.tickets:,} tickets", file=sys.stderr)
        psql(args, file=os.path.join(HERE, "ticket_search_data.sql"), variables={"tickets": args.tickets})
        print(f"loaded in {time.time() - started:.0f} s", file=sys.stderr)
        load_seconds = time.time() - started
    else:
        load_seconds = None

    counts = psql(args, "select count(*), count(*) filter (where status <> 'CLOSED') from sportello.ticket").strip()
    total, open_count = (int(x) for x in counts.split("|"))
    numbers = psql(args, "select number from sportello.ticket tablesample system (0.1) limit 500").split()
    codes = psql(args, "select fiscal_code from sportello.contact tablesample system (1)"
                       " where fiscal_code is not null limit 500").split()
    month_start = psql(args, "select to_char(date_trunc('month', now() at time zone 'Europe/Rome')"
                             " - interval '1 month', 'YYYY-MM-DD')").strip()
    month_end = psql(args, "select to_char(date_trunc('month', now() at time zone 'Europe/Rome')"
                           " - interval '1 day', 'YYYY-MM-DD')").strip()
    words = ["residenza", "rimborso", "pagoPA", "mensa", "ZTL", "rateizzazione", "buca", "SPID"]
    # typos: words no ticket has (the planner takes them for common words)
    unknown = ["rimbrosso", "residneza", "mensaa", "pagopaa", "rateizazzione"]
    # a rare word: the data's subjects and descriptions come from a fixed vocabulary, so 30 tickets
    # about a broken lift ("ascensore") are copied once from random ones (straight in the table,
    # as the load does; a later run finds them and adds none)
    psql(args, "insert into sportello.ticket (number, type, channel, status, requester_id, subject,"
               " description, language, priority, queue, current_level, sla_policy, received_at,"
               " take_in_charge_due_at, resolution_due_at, created_by, created_at, updated_at)"
               " select 'RS-BENCH-' || lpad(i::text, 3, '0'), t.type, t.channel, t.status, t.requester_id,"
               " 'Ascensore del municipio guasto', t.description, t.language, t.priority, t.queue,"
               " t.current_level, t.sla_policy, t.received_at, t.take_in_charge_due_at,"
               " t.resolution_due_at, t.created_by, t.created_at, t.updated_at"
               " from (select t.*, row_number() over () i from sportello.ticket t"
               " tablesample system (0.1) limit 30) t"
               " where not exists (select 1 from sportello.ticket where number like 'RS-BENCH-%')")
    rare = ["ascensore", "ascensori", "ascensore guasto"]

    # a personal view, to time its count with the built-in ones
    call(args, "/api/tickets/views", "operator1", "POST",
         {"name": "Benchmark: pagamenti aperti", "filters": {"queue": "payments", "open": "true"}})

    q = urllib.parse.quote
    rows = [
        measure(args, "number (exact)", lambda: "/api/tickets/search?number=" + rnd.choice(numbers)),
        measure(args, "fiscal code", lambda: "/api/tickets/search?fiscalCode=" + rnd.choice(codes)),
        measure(args, "free text, one word (`q=residenza` … 8 words in turn)",
                lambda: "/api/tickets/search?q=" + q(rnd.choice(words))),
        measure(args, "free text, two words (`q=rimborso IMU`)", lambda: "/api/tickets/search?q=" + q("rimborso IMU")),
        measure(args, "free text, a word no ticket has (`q=rimbrosso`, a typo)",
                lambda: "/api/tickets/search?q=" + q(rnd.choice(unknown))),
        measure(args, "free text, a rare word (`q=ascensore`, 30 tickets, 3 forms in turn)",
                lambda: "/api/tickets/search?q=" + q(rnd.choice(rare))),
        measure(args, "requester name part (`requester=esposito`)", lambda: "/api/tickets/search?requester=esposito"),
        measure(args, "requester name part no one has (`requester=espositto`)",
                lambda: "/api/tickets/search?requester=espositto"),
        measure(args, f"status + queue + period (`status=CLOSED&queue=payments`, {month_start}…{month_end})",
                lambda: f"/api/tickets/search?status=CLOSED&queue=payments&receivedFrom={month_start}&receivedTo={month_end}"),
        measure(args, "open + queue, sorted by due date", lambda: "/api/tickets/search?open=true&queue=payments&sort=due"),
        measure(args, "no filter, sorted by priority", lambda: "/api/tickets/search?sort=-priority"),
        measure(args, "no filter, page 40 (offset 1,000)", lambda: "/api/tickets/search?page=40"),
        measure(args, "built-in view `mine` (open, taken by operator1)", lambda: "/api/tickets/search?open=true&mine=true"),
        measure(args, "views with counts (4 built-in + 1 personal)", lambda: "/api/tickets/views"),
        measure(args, "ticket page `GET /api/tickets/{number}`", lambda: "/api/tickets/" + rnd.choice(numbers)),
        measure(args, "ticket page's conversation `GET /api/tickets/{number}/conversation`",
                lambda: "/api/tickets/" + rnd.choice(numbers) + "/conversation"),
    ]

    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    lines = [
        f"Tickets in the database: {total:,} ({open_count:,} not closed)."
        + (f" Load with generate_series: {load_seconds:.0f} s." if load_seconds else ""),
        f"`uptime` after the run: {load}",
        "",
        "Matched: a count with `+` is \"at least\" (`totalExact: false`): counts stop at 10,000, at 200"
        " with free text (`q`) or a part of the requester's name (`requester`).",
        "",
        "| query | matched | p50 | p95 | max | errors |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(f"| {row['query']} | {row['matched']} | {row['p50']:.1f} ms | {row['p95']:.1f} ms"
                     f" | {row['max']:.1f} ms | {row['errors']} |")
    text = "\n".join(lines)
    print(text)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as out:
        out.write(text + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The citizen's personal area at volume (issue 20): p50/p95 of its first page for a citizen with 200
past contacts among millions of tickets: GET /api/citizen/session, GET /api/citizen/requests?page=0
&size=10 and GET /api/citizen/contacts?page=0&size=10, the three calls the page makes.

The citizen is a demo citizen of the demo identity provider (default profile; --fiscal-code, by
default Giuseppe Verdi, VRDGPP75C12F205X): the script logs in as a browser does (the area's SPID
button, the provider's page, "SPID livello 2", back to the area with a session cookie). If the
citizen has fewer than --contacts tickets, it adds them by SQL through psql: their contact, the
tickets (copied from random ones of the database, so they look like the rest, received over the last
two years) and one interaction per ticket. Then it times each call --calls times after --warmup.

Beside a running application with the benchmark database of ticket_search.py (2.5 M tickets):

    python3 docs/benchmarks/citizen_area.py --url http://localhost:18190 --db-port 25432

Standard library only (psql from Debian's postgresql-client for the data).
"""
import argparse
import html
import json
import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request


def psql(args, sql):
    command = ["psql", "-h", "localhost", "-p", str(args.db_port), "-U", "postgres", "-d", "postgres",
               "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def load(args):
    code = args.fiscal_code
    have = int(psql(args, "select count(*) from sportello.ticket t join sportello.contact c"
                          f" on c.id = t.requester_id where c.fiscal_code = '{code}'") or 0)
    missing = args.contacts - have
    if missing <= 0:
        print(f"{code} already has {have} tickets", file=sys.stderr)
        return
    started = time.time()
    psql(args, f"""
        insert into sportello.contact (kind, name, fiscal_code, created_at, updated_at)
        values ('PERSON', 'Giuseppe Verdi', '{code}', now(), now())
        on conflict (fiscal_code) where fiscal_code is not null do nothing;
        with me as (select id from sportello.contact where fiscal_code = '{code}'),
        bounds as (select min(id) as low, greatest(1, max(id) - min(id)) as span from sportello.ticket),
        source as (
            -- spread over the table by primary key (cheap on millions of rows, works on a few)
            select t.*, g as i
            from generate_series(1, {missing}) g, bounds b,
                 lateral (select * from sportello.ticket
                          where id >= b.low + (g::bigint * 7919) % b.span
                            and number not like 'RS-AREA-%'
                          order by id limit 1) t),
        added as (
            insert into sportello.ticket (number, type, channel, status, requester_id, subject,
                description, language, priority, queue, current_level, sla_policy, received_at,
                take_in_charge_due_at, resolution_due_at, created_by, created_at, updated_at)
            select 'RS-AREA-' || lpad(({have} + s.i)::text, 4, '0'), s.type, s.channel, s.status,
                (select id from me), s.subject, s.description, s.language, s.priority, s.queue,
                s.current_level, s.sla_policy, now() - (s.i || ' days')::interval * 3,
                s.take_in_charge_due_at, s.resolution_due_at, s.created_by, s.created_at, s.updated_at
            from source s
            returning id, number, channel, subject, received_at, requester_id)
        insert into sportello.interaction (contact_id, ticket_id, ticket_number, channel, direction,
            kind, summary, occurred_at, recorded_by)
        select requester_id, id, number, channel, 'INBOUND', 'REQUEST', subject, received_at, 'benchmark'
        from added;
        analyze sportello.ticket; analyze sportello.interaction;""")
    now = int(psql(args, "select count(*) from sportello.ticket t join sportello.contact c"
                         f" on c.id = t.requester_id where c.fiscal_code = '{code}'") or 0)
    print(f"{code} has {now} tickets (added {now - have} with their interactions in"
          f" {time.time() - started:.0f} s)", file=sys.stderr)
    if now < args.contacts:
        sys.exit(f"could not add enough tickets for {code}")


def login(args):
    """The browser's way: the area's login link, the provider's page, SPID level 2, back."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(args.url + "/citizen/oauth2/authorization/citizen", timeout=60) as response:
        page = response.read().decode()
    section = page[page.index(args.fiscal_code):]
    link = re.search(r'<a href="([^"]+)">SPID livello 2</a>', section)
    assert link, f"no SPID level 2 link for {args.fiscal_code} on the provider's page"
    try:
        with opener.open(html.unescape(link.group(1)), timeout=60) as response:
            response.read()
    except urllib.error.HTTPError as error:
        # the login ends on the area's page: an instance started without the built web application
        # answers 404 there, with the session already made (checked next)
        if error.code != 404:
            raise
    status, body, _ = call(opener, args.url + "/api/citizen/session")
    assert status == 200 and body and body.get("citizen"), f"not logged in: {status} {body}"
    return opener


def call(opener, url):
    request = urllib.request.Request(url, headers={"Accept": "application/json", "X-Requested-With": "XMLHttpRequest"})
    started = time.perf_counter()
    try:
        with opener.open(request, timeout=60) as response:
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--db-port", type=int, default=25432)
    parser.add_argument("--fiscal-code", default="VRDGPP75C12F205X")
    parser.add_argument("--contacts", type=int, default=200)
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--out", default="target/benchmark/citizen-area.md")
    args = parser.parse_args()
    if not args.no_load:
        load(args)
    tickets = psql(args, "select count(*) from sportello.ticket")
    opener = login(args)
    paths = ["/api/citizen/session", "/api/citizen/requests?page=0&size=10", "/api/citizen/contacts?page=0&size=10"]
    page_times = []
    for _ in range(args.warmup):
        for path in paths:
            call(opener, args.url + path)
    per_path = {path: [] for path in paths}
    errors = 0
    totals = {}
    for _ in range(args.calls):
        page = 0.0
        for path in paths:
            status, body, elapsed = call(opener, args.url + path)
            if status != 200:
                errors += 1
                continue
            per_path[path].append(elapsed)
            page += elapsed
            if isinstance(body, dict) and "totalElements" in body:
                totals[path] = body["totalElements"]
        page_times.append(page)
    load_avg = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    lines = [f"Tickets in the database: {int(tickets):,}; the citizen {args.fiscal_code}: "
             + ", ".join(f"{path.split('?')[0]} total {total}" for path, total in totals.items()),
             f"`uptime` after the run: {load_avg}", "",
             "| call | p50 ms | p95 ms | max ms |", "|---|---:|---:|---:|"]
    for path, times in per_path.items():
        if times:
            lines.append(f"| `GET {path}` | {statistics.median(times):.1f} | {percentile(times, 95):.1f} | {max(times):.1f} |")
    if page_times:
        lines.append(f"| the first page (the three, one after the other) | {statistics.median(page_times):.1f} |"
                     f" {percentile(page_times, 95):.1f} | {max(page_times):.1f} |")
    lines.append(f"\nErrors: {errors}")
    report = "\n".join(lines) + "\n"
    print(report)
    try:
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
        with open(args.out, "w") as out:
            out.write(report)
    except OSError:
        pass
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The access export of a data subject at volume (issue 25 item 3): the time from
POST /api/data-subjects/{fiscalCode}/export to its job being DONE, for a person with 200 contacts
(one with the fiscal code, 199 duplicates merged into it) among 2.5 M tickets.

Beside a running application whose embedded PostgreSQL listens on a known port, started as for
ticket_search.py but WITH the job executor (the export is a job of the data-subject-request
procedure), e.g. from the repository's root:

    java -Xmx1g -cp "backend/target/classes:$(cat backend/target/benchmark-classpath.txt)" \
        it.sportello.SportelloApplication --server.port=18190 --sportello.embedded-postgres.port=25432 \
        --sportello.embedded-postgres.data-directory=/work/bench19-db \
        --sportello.mail.embedded-server.smtp-port=13025 --sportello.mail.embedded-server.imap-port=13143 \
        --sportello.mail.polling.enabled=false

    python3 docs/benchmarks/dsr_export.py --url http://localhost:18190 --db-port 25432 --tickets 2500000

It loads the tickets with ticket_search_data.sql when fewer than --tickets are there (--no-load:
measure what is there), then creates the person by SQL if absent (200 contacts, --per-contact
tickets each with 3 steps and one interaction), starts --runs exports one after the other and
polls each until DONE, and prints a Markdown table (also written to --out): the person's volume,
the export's time (median and each run), the archive's size. Standard library only; logs in as the
demo user dpo.
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ticket_search import HERE, call, psql  # noqa: E402  (same session and psql helpers)

FISCAL_CODE = "BNCDSR80A01H501Z"

PERSON_SQL = """
set search_path = sportello;
do $$
declare
  main_id bigint;
begin
  if exists (select 1 from contact where fiscal_code = '{code}') then
    return;
  end if;
  insert into contact (kind, name, fiscal_code, email, phone, created_at, updated_at)
  values ('CITIZEN', 'Bianca Dsr', '{code}', 'bianca.dsr@example.it', '+393330000200', now(), now())
  returning id into main_id;
  insert into contact (kind, name, email, phone, merged_into_id, merged_at, merged_by, created_at, updated_at)
  select 'CITIZEN', 'Bianca Dsr', 'bianca.dsr+' || i || '@example.it', '+39333' || lpad(i::text, 7, '0'),
         main_id, now(), 'benchmark', now(), now()
  from generate_series(1, 199) i;
  -- {per_contact} tickets per contact, closed, with 3 steps and one interaction each
  insert into ticket (number, type, channel, status, requester_id, subject, description, language,
                      priority, queue, current_level, received_at, closed_at, created_by, created_at, updated_at)
  select 'RS-DSR-' || lpad(c.rn::text, 3, '0') || '-' || lpad(k::text, 3, '0'), 'RI', 'EMAIL', 'CLOSED', c.id,
         'Richiesta di prova ' || k, 'Descrizione della richiesta di prova per il benchmark.', 'it',
         3, 'general', 1, now() - interval '100 days', now() - interval '90 days', 'benchmark',
         now() - interval '100 days', now() - interval '90 days'
  from (select id, row_number() over (order by id) rn from contact
        where id = main_id or merged_into_id = main_id) c, generate_series(1, {per_contact}) k;
  insert into ticket_event (ticket_id, occurred_at, kind, actor, level, queue)
  select t.id, t.received_at + (s || ' hours')::interval, 'CLASSIFIED', 'benchmark', 1, 'general'
  from ticket t, generate_series(1, 3) s where t.number like 'RS-DSR-%';
  insert into interaction (contact_id, ticket_id, ticket_number, channel, direction, kind, summary, occurred_at)
  select t.requester_id, t.id, t.number, 'EMAIL', 'IN', 'MESSAGE', 'Messaggio di prova', t.received_at
  from ticket t where t.number like 'RS-DSR-%';
end $$;
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--db-port", type=int, default=25432)
    parser.add_argument("--tickets", type=int, default=2_500_000)
    parser.add_argument("--per-contact", type=int, default=5)
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--out", default="target/benchmark/dsr-export.md")
    args = parser.parse_args()

    have = int(psql(args, "select count(*) from sportello.ticket").strip())
    if not args.no_load and have < args.tickets:
        psql(args, file=os.path.join(HERE, "ticket_search_data.sql"), variables={"tickets": args.tickets - have})
    psql(args, PERSON_SQL.format(code=FISCAL_CODE, per_contact=args.per_contact))
    volume = psql(args, "select (select count(*) from sportello.ticket),"
                        " (select count(*) from sportello.contact where fiscal_code = '" + FISCAL_CODE + "'"
                        "  or merged_into_id = (select id from sportello.contact where fiscal_code = '"
                        + FISCAL_CODE + "')),"
                        " (select count(*) from sportello.ticket where number like 'RS-DSR-%')").strip().split("|")

    times, sizes = [], []
    for run in range(args.runs):
        started = time.perf_counter()
        status, body, _ = call(args, f"/api/data-subjects/{FISCAL_CODE}/export", "dpo", "POST")
        assert status == 202, f"export: {status} {body}"
        job = body
        while job["state"] not in ("DONE", "FAILED"):
            if time.perf_counter() - started > args.timeout:
                raise SystemExit(f"export {job['id']} not done after {args.timeout} s: {job}")
            time.sleep(0.5)
            status, job, _ = call(args, job["links"]["self"], "dpo")
        elapsed = time.perf_counter() - started
        assert job["state"] == "DONE", job
        times.append(elapsed)
        sizes.append(job["archiveSize"])
        print(f"run {run + 1}: {elapsed:.1f} s, {job['archiveSize']} bytes", file=sys.stderr)

    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"] * 3
    table = "\n".join([
        f"Access export of one person ({volume[1]} contacts, {volume[2]} tickets) among {int(volume[0]):,} tickets;"
        f" load average {' / '.join(load)}",
        "",
        "| measure | value |",
        "|---|---|",
        f"| export, request to DONE (median of {len(times)}) | {statistics.median(times):.1f} s |",
        f"| each run | {', '.join(f'{t:.1f} s' for t in times)} |",
        f"| archive | {sizes[-1]:,} bytes |",
    ])
    print(table)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as out:
        out.write(table + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Restore time of a Sportello database (issue 25 item 7): base backup + archived WAL -> a new data
directory, timed. Standard library only; it drives PostgreSQL's own programs.

What it does, on a copy of the benchmark's database (never on the original):
  1. starts the benchmark's cluster (stopped; e.g. target/benchmark/postgres after `docs/benchmarks/run`,
     2.5 M tickets) with WAL archiving into <work>/wal (archive_command, archive_timeout=15 min);
  2. takes a base backup with the SQL-level API (pg_backup_start, a copy of the data directory,
     pg_backup_stop -> backup_label) in one psql session: zonky's binaries have no pg_basebackup, and
     Debian's pg_basebackup 15 cannot back up a PostgreSQL 17 server; with a matching pg_basebackup,
     --pg-basebackup uses it instead;
  3. writes --rows more rows (a table of its own) and switches the WAL, so that recovery has WAL to replay;
  4. stops that server (the "lost" production), then times the restore: copy of the base backup into a
     fresh data directory, recovery.signal + restore_command, start, WAL replay until the server leaves
     recovery, and checks that the rows of step 3 are there;
  5. with --app-jar, starts the application on the restored database and times until
     /actuator/health/readiness answers UP (Flyway validates, the engine starts, the search index is
     rebuilt from the database in the background).

    python3 docs/benchmarks/restore_time.py --source target/benchmark/postgres \
        --pg-bin /tmp/embedded-pg/PG-<hash>/bin --work /var/tmp/restore-bench [--app-jar backend/target/sportello.jar]

Run it as the operating-system user that owns the data directory (PostgreSQL refuses root; e.g.
`runuser -u postgres -- python3 ...`). Prints a Markdown table (also written to <work>/restore-time.md).
Needs psql (any version >= 12).
Not run at scale in this session: see README-NOTES-archive.md.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

SKIPPED = {"postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot", "pg_stat_tmp",
           "pg_snapshots", "pg_serial", "pg_notify", "pg_dynshmem", "pg_subtrans"}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def pg_ctl(args, pg_bin, data, port, options=""):
    opts = f"-p {port} -c listen_addresses=localhost {options}".strip()
    run([os.path.join(args.pg_bin, "pg_ctl"), "-D", data, "-w", "-t", "86400", "-l",
         os.path.join(args.work, f"{os.path.basename(data)}.log"), "-o", opts, "start"])


def stop(pg_bin, data):
    run([os.path.join(pg_bin, "pg_ctl"), "-D", data, "-w", "-t", "3600", "-m", "fast", "stop"])


def psql(port, sql):
    return run(["psql", "-h", "localhost", "-p", str(port), "-U", "postgres", "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-At", "-c", sql]).stdout.strip()


def copy_data_directory(source, target):
    os.makedirs(target, exist_ok=True)
    os.chmod(target, 0o700)  # PostgreSQL refuses a data directory that others may read
    for name in os.listdir(source):
        s, t = os.path.join(source, name), os.path.join(target, name)
        if name in SKIPPED:
            if os.path.isdir(s):
                os.makedirs(t, exist_ok=True)
            continue
        if os.path.isdir(s):
            shutil.copytree(s, t, ignore_dangling_symlinks=True,
                            copy_function=lambda a, b: _copy_if_exists(a, b))
        else:
            _copy_if_exists(s, t)


def _copy_if_exists(a, b):
    try:
        shutil.copy2(a, b)
    except FileNotFoundError:
        pass  # a temporary file gone while copying: the WAL replay covers it


def size_of(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--source", required=True, help="data directory of the benchmark's cluster (stopped)")
    p.add_argument("--pg-bin", required=True, help="directory with pg_ctl and postgres of the same major version")
    p.add_argument("--work", required=True, help="scratch directory (needs about 3 x the database's size)")
    p.add_argument("--port", type=int, default=25499)
    p.add_argument("--rows", type=int, default=100000, help="rows written after the base backup")
    p.add_argument("--app-jar", help="start the application on the restored database and time readiness")
    p.add_argument("--app-port", type=int, default=18199)
    args = p.parse_args()

    os.makedirs(args.work, exist_ok=True)
    production = os.path.join(args.work, "production")
    backup = os.path.join(args.work, "base-backup")
    restored = os.path.join(args.work, "restored")
    wal = os.path.join(args.work, "wal")
    for d in (production, backup, restored, wal):
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(wal)
    results = []

    t = time.monotonic()
    copy_data_directory(args.source, production)
    os.makedirs(os.path.join(production, "pg_wal"), exist_ok=True)
    # the source's own WAL is needed to start it: copy it too for this working copy
    shutil.rmtree(os.path.join(production, "pg_wal"))
    shutil.copytree(os.path.join(args.source, "pg_wal"), os.path.join(production, "pg_wal"))
    results.append(("working copy of the source", time.monotonic() - t))

    archiving = (f"-c wal_level=replica -c archive_mode=on -c archive_timeout=900 "
                 f"-c archive_command='test ! -f {wal}/%f && cp %p {wal}/%f'")
    pg_ctl(args, args.pg_bin, production, args.port, archiving)
    db_size = int(psql(args.port, "select sum(pg_database_size(datname)) from pg_database"))
    tickets = psql(args.port, "select count(*) from sportello.ticket")

    t = time.monotonic()
    script = os.path.join(args.work, "backup.sql")
    label = os.path.join(args.work, "backup_label")
    with open(script, "w") as f:
        f.write("select pg_backup_start('restore-benchmark', true);\n")
        f.write(f"\\! python3 -c 'import sys; sys.path.insert(0, {json.dumps(os.path.dirname(os.path.abspath(__file__)))}); "
                f"import restore_time as r; r.copy_data_directory({json.dumps(production)}, {json.dumps(backup)})'\n")
        f.write(f"\\o {label}\nselect labelfile from pg_backup_stop(true);\n\\o\n")
    run(["psql", "-h", "localhost", "-p", str(args.port), "-U", "postgres", "-d", "postgres",
         "-v", "ON_ERROR_STOP=1", "-At", "-f", script])
    shutil.copy(label, os.path.join(backup, "backup_label"))
    results.append(("base backup (SQL API + file copy)", time.monotonic() - t))

    psql(args.port, "create table if not exists public.restore_probe (id bigint primary key, at timestamptz)")
    psql(args.port, f"insert into public.restore_probe select g, now() from generate_series(1, {args.rows}) g "
                    "on conflict do nothing")
    segment = psql(args.port, "select pg_walfile_name(pg_switch_wal())")
    deadline = time.monotonic() + 600
    while not os.path.exists(os.path.join(wal, segment)):
        if time.monotonic() > deadline:
            sys.exit(f"WAL segment {segment} not archived after 10 minutes")
        time.sleep(1)
    stop(args.pg_bin, production)

    t0 = time.monotonic()
    copy_data_directory(backup, restored)
    t1 = time.monotonic()
    results.append(("restore: copy of the base backup", t1 - t0))
    open(os.path.join(restored, "recovery.signal"), "w").close()
    pg_ctl(args, args.pg_bin, restored, args.port, f"-c archive_mode=off -c restore_command='cp {wal}/%f %p'")
    while psql(args.port, "select pg_is_in_recovery()") == "t":
        time.sleep(0.5)
    t2 = time.monotonic()
    results.append(("restore: start and WAL replay", t2 - t1))
    probe = psql(args.port, "select count(*) from public.restore_probe")
    if int(probe) < args.rows:
        sys.exit(f"restored database lacks the rows written after the base backup ({probe} < {args.rows})")
    results.append(("restore: database total", t2 - t0))

    if args.app_jar:
        t = time.monotonic()
        app = subprocess.Popen(
            ["java", "-jar", args.app_jar, f"--server.port={args.app_port}",
             f"--spring.datasource.url=jdbc:postgresql://localhost:{args.port}/postgres",
             "--spring.datasource.username=postgres", "--spring.profiles.active=prod",
             "--camunda.bpm.job-execution.enabled=false"],
            stdout=open(os.path.join(args.work, "application.log"), "w"), stderr=subprocess.STDOUT)
        try:
            url = f"http://localhost:{args.app_port}/actuator/health/readiness"
            while True:
                try:
                    with urllib.request.urlopen(url, timeout=5) as r:
                        if json.load(r).get("status") == "UP":
                            break
                except OSError:
                    pass
                if app.poll() is not None:
                    sys.exit("the application stopped: see application.log")
                time.sleep(1)
            results.append(("application ready on the restored database", time.monotonic() - t))
            results.append(("RTO figure (database + application)", time.monotonic() - t0))
        finally:
            app.terminate()
            app.wait(120)
    stop(args.pg_bin, restored)

    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else []
    lines = [f"Database {db_size / 2**30:.1f} GiB, {tickets} tickets; base backup {size_of(backup) / 2**30:.1f} GiB; "
             f"load average {' '.join(load)} (shared machine)", "", "| step | seconds |", "|---|---|"]
    lines += [f"| {name} | {seconds:.1f} |" for name, seconds in results]
    text = "\n".join(lines)
    print(text)
    with open(os.path.join(args.work, "restore-time.md"), "w") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()

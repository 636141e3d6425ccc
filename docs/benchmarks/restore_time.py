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
  5. with --app-cmd (or --app-jar), starts the application on the restored database as an external
     PostgreSQL (the production profile: the cluster is the one pg_ctl started, owned by postgres),
     times until /actuator/health/readiness answers UP (Flyway validates, the engine starts), then
     until /actuator/health/search-index answers UP: the search index compared with the database and
     rebuilt from it (a fresh, empty index: the embedded search node with a new data directory,
     unless --search-url names an engine). The application gets its settings in the environment
     (SPRING_APPLICATION_JSON: datasource, port, prod profile, search, job executor off).

    python3 docs/benchmarks/restore_time.py --source target/benchmark/postgres \
        --pg-bin /tmp/embedded-pg/PG-<hash>/bin --work /var/tmp/restore-bench \
        [--app-cmd "java -Xmx1g -cp backend/target/classes:$(cat backend/target/benchmark-classpath.txt) \
                    it.sportello.SportelloApplication"  |  --app-jar backend/target/sportello.jar]

Run it as the operating-system user that owns the data directory (PostgreSQL refuses root; e.g.
`runuser -u postgres -- python3 ...`), or as root with --pg-user postgres: PostgreSQL's programs then
run as that user and the copies are given to it, while the application runs as root (so that it reads
the jars in root's Maven repository that benchmark-classpath.txt names). Prints a Markdown table (also written to <work>/restore-time.md).
Needs psql (any version >= 12).
The application's command runs as the same user as the script (the cluster's owner): it must be
able to read the classes or the jar. The figures of the database part are in docs/data-protection.md.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

SKIPPED = {"postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot", "pg_stat_tmp",
           "pg_snapshots", "pg_serial", "pg_notify", "pg_dynshmem", "pg_subtrans"}


PG_USER = None  # --pg-user: PostgreSQL's programs run as this user (the script as root)


def run(cmd, **kw):
    try:
        return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)
    except subprocess.CalledProcessError as e:
        sys.exit(f"{' '.join(cmd)} failed ({e.returncode}):\n{e.stdout}\n{e.stderr}")


def as_pg_user(cmd):
    return ["runuser", "-u", PG_USER, "--"] + cmd if PG_USER else cmd


def give_to_pg_user(path):
    if PG_USER:
        run(["chown", "-R", f"{PG_USER}:", path])


def pg_ctl(args, pg_bin, data, port, options=""):
    opts = f"-p {port} -c listen_addresses=localhost {options}".strip()
    run(as_pg_user([os.path.join(args.pg_bin, "pg_ctl"), "-D", data, "-w", "-t", "86400", "-l",
                    os.path.join(args.work, f"{os.path.basename(data)}.log"), "-o", opts, "start"]))


def stop(pg_bin, data):
    run(as_pg_user([os.path.join(pg_bin, "pg_ctl"), "-D", data, "-w", "-t", "3600", "-m", "fast", "stop"]))


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


def application_environment(args):
    """The application's settings for the restored cluster, in SPRING_APPLICATION_JSON."""
    settings = {
        "spring.profiles.active": "prod",
        "spring.datasource.url": f"jdbc:postgresql://localhost:{args.port}/{args.db_name}",
        "spring.datasource.username": args.db_user,
        "spring.datasource.password": args.db_password,
        "server.port": args.app_port,
        # timers and jobs due during the outage would run at once: measured without them
        "camunda.bpm.job-execution.enabled": False,
        "sportello.mail.polling.enabled": False,
        "sportello.scheduling.enabled": False,
        "sportello.admin.password": "Restore-Bench-2026!",
        "camunda.bpm.admin-user.password": "Restore-Bench-2026!",
    }
    if getattr(args, "demo_migrations", False):
        settings["spring.flyway.locations"] = "classpath:db/migration,classpath:db/demo"
    if args.search_url:
        settings["sportello.search.url"] = args.search_url
    else:
        search = os.path.join(args.work, "search")
        shutil.rmtree(search, ignore_errors=True)
        settings["sportello.search.embedded.enabled"] = True
        settings["sportello.search.embedded.data-directory"] = search
    env = dict(os.environ)
    env["SPRING_APPLICATION_JSON"] = json.dumps(settings)
    return env


def wait_up(app, url, timeout):
    """Polls a health path until it answers UP; stops when the application stops or time is up."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if json.load(r).get("status") == "UP":
                    return
        except OSError:
            pass  # not listening yet, or 503 while not ready
        if app.poll() is not None:
            sys.exit(f"the application stopped (exit {app.returncode}): see application.log")
        if time.monotonic() > deadline:
            sys.exit(f"{url} not UP after {timeout} s: see application.log")
        time.sleep(1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--source", required=True, help="data directory of the benchmark's cluster (stopped)")
    p.add_argument("--pg-bin", required=True, help="directory with pg_ctl and postgres of the same major version")
    p.add_argument("--work", required=True, help="scratch directory (needs about 3 x the database's size)")
    p.add_argument("--port", type=int, default=25499)
    p.add_argument("--rows", type=int, default=100000, help="rows written after the base backup")
    p.add_argument("--app-jar", help="start the application (java -jar JAR) on the restored database")
    p.add_argument("--app-cmd", help="the command that starts the application (run by the shell), e.g."
                   " 'java -cp backend/target/classes:... it.sportello.SportelloApplication'")
    p.add_argument("--app-port", type=int, default=18199)
    p.add_argument("--db-name", default="postgres", help="the database the application uses")
    p.add_argument("--db-user", default="postgres")
    p.add_argument("--db-password", default="")
    p.add_argument("--search-url", help="an external search engine; default: the embedded node, fresh")
    p.add_argument("--app-timeout", type=int, default=7200, help="seconds to wait for each readiness")
    p.add_argument("--pg-user", help="run as root: PostgreSQL's programs run as this user (runuser), the"
                   " copies are given to it, the application runs as root (it reads root's Maven jars)")
    args = p.parse_args()
    global PG_USER
    PG_USER = args.pg_user

    os.makedirs(args.work, exist_ok=True)
    production = os.path.join(args.work, "production")
    backup = os.path.join(args.work, "base-backup")
    restored = os.path.join(args.work, "restored")
    wal = os.path.join(args.work, "wal")
    for d in (production, backup, restored, wal):
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(wal)
    give_to_pg_user(args.work)
    results = []

    t = time.monotonic()
    copy_data_directory(args.source, production)
    os.makedirs(os.path.join(production, "pg_wal"), exist_ok=True)
    # the source's own WAL is needed to start it: copy it too for this working copy
    shutil.rmtree(os.path.join(production, "pg_wal"))
    shutil.copytree(os.path.join(args.source, "pg_wal"), os.path.join(production, "pg_wal"))
    for stale in ("postmaster.pid", "recovery.signal", "standby.signal"):
        if os.path.exists(os.path.join(production, stale)):
            os.remove(os.path.join(production, stale))
    give_to_pg_user(production)
    results.append(("working copy of the source", time.monotonic() - t))

    archiving = (f"-c wal_level=replica -c archive_mode=on -c archive_timeout=900 "
                 f"-c archive_command='test ! -f {wal}/%f && cp %p {wal}/%f'")
    pg_ctl(args, args.pg_bin, production, args.port, archiving)
    db_size = int(psql(args.port, "select sum(pg_database_size(datname)) from pg_database"))
    tickets = psql(args.port, "select count(*) from sportello.ticket")
    # a database built by the demo (the benchmark's) also holds the demo's migrations: the production
    # profile must find them, or Flyway's validation stops the start
    args.demo_migrations = psql(args.port, "select count(*) from sportello.flyway_schema_history"
                                           " where script like '%demo%' or description like 'demo%'") != "0"

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
    give_to_pg_user(backup)
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
    give_to_pg_user(restored)
    t1 = time.monotonic()
    results.append(("restore: copy of the base backup", t1 - t0))
    open(os.path.join(restored, "recovery.signal"), "w").close()
    give_to_pg_user(os.path.join(restored, "recovery.signal"))
    pg_ctl(args, args.pg_bin, restored, args.port, f"-c archive_mode=off -c restore_command='cp {wal}/%f %p'")
    while psql(args.port, "select pg_is_in_recovery()") == "t":
        time.sleep(0.5)
    t2 = time.monotonic()
    results.append(("restore: start and WAL replay", t2 - t1))
    probe = psql(args.port, "select count(*) from public.restore_probe")
    if int(probe) < args.rows:
        sys.exit(f"restored database lacks the rows written after the base backup ({probe} < {args.rows})")
    results.append(("restore: database total", t2 - t0))

    try:
        command = args.app_cmd or (f"java -jar {shlex.quote(args.app_jar)}" if args.app_jar else None)
        if command:
            t = time.monotonic()
            app = subprocess.Popen(command, shell=True, env=application_environment(args),
                                   stdout=open(os.path.join(args.work, "application.log"), "w"),
                                   stderr=subprocess.STDOUT, start_new_session=True)
            try:
                base = f"http://localhost:{args.app_port}/actuator/health"
                wait_up(app, f"{base}/readiness", args.app_timeout)
                t_ready = time.monotonic()
                results.append(("application ready on the restored database", t_ready - t))
                wait_up(app, f"{base}/search-index", args.app_timeout)
                t_index = time.monotonic()
                results.append(("search index checked and rebuilt from the database", t_index - t_ready))
                results.append(("RTO figure (database + application + search index)", t_index - t0))
            finally:
                try:
                    os.killpg(app.pid, 15)
                except ProcessLookupError:
                    pass
                try:
                    app.wait(120)
                except subprocess.TimeoutExpired:
                    os.killpg(app.pid, 9)
    finally:
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

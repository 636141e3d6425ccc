#!/usr/bin/env python3
"""Where the CPU goes in a JDK Flight Recording (the benchmark's --jfr): the hottest methods by
self samples (top frame), and the share of samples whose stack passes through each of a few
areas (inclusive). Only the JDK's `jfr` tool is needed.

    python3 docs/benchmarks/jfr_top.py target/benchmark/intake-bearer.jfr [--top 25] [--threads http-nio]
    python3 docs/benchmarks/jfr_top.py target/benchmark/timers.jfr --methods escalation

--methods: also the inclusive share of samples whose stack passes through each of a list of methods
("escalation": the steps of a take-in-charge escalation and of the job executor around it; or
comma-separated substrings of "Class.method").
"""
import argparse
import collections
import json
import os
import subprocess
import sys

# inclusive areas: a sample counts for an area when any frame's class starts with the prefix
AREAS = [
    ("DMN / FEEL", "org.camunda.bpm.dmn."),
    ("DMN / FEEL", "org.camunda.feel."),
    ("DMN / FEEL", "camundajar.impl.scala."),
    ("JUEL expressions", "org.camunda.bpm.impl.juel."),
    ("password hashing", "org.springframework.security.crypto."),
    ("Camunda engine", "org.camunda."),
    ("Hibernate / JPA", "org.hibernate."),
    ("PostgreSQL driver", "org.postgresql."),
    ("Hikari pool", "com.zaxxer.hikari."),
    ("MyBatis (Camunda's SQL)", "org.apache.ibatis."),
    ("Spring Security", "org.springframework.security."),
    ("JWT (Nimbus)", "com.nimbusds."),
    ("Jackson", "com.fasterxml.jackson."),
    ("Tomcat", "org.apache.catalina."),
    ("Sportello code", "it.sportello."),
    ("logging", "ch.qos.logback."),
]

# inclusive only, parts of the areas above (not used for the innermost area): the classification's
# business rule task, the FEEL parser, the inbox read model's refresh before commit
PARTS = [
    ("  part: business rule task (DMN)", "org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior"),
    ("  part: FEEL parser", "org.camunda.feel.impl.parser."),
    ("  part: inbox read model refresh", "it.sportello.worklist.process.InboxTable"),
]


# the steps of a timer's escalation (issue 26): "Class.method" substrings, in the order they run
ESCALATION = [
    ("job acquisition", "AcquireJobsCmd.execute"),
    ("job execution (the whole job)", "ExecuteJobsRunnable.run"),
    ("  the engine's command around it: lock, fetch, execute", "ExecuteJobsCmd.execute"),
    ("  the delegate EscalateTakeInChargeDelegate", "EscalateTakeInChargeDelegate.execute"),
    ("    ticket loaded (JPA)", "TicketRepository.getByNumber"),
    ("    supervisors' outbox (Notifications.queue)", "Notifications.queue"),
    ("    in-app notifications (publish)", "InAppNotifications.publish"),
    ("    the assignees' task query", "InAppNotifications.assignees"),
    ("  the inbox read model refresh (InboxTable.refresh)", "InboxTable.refresh"),
    ("  JPA flush (Hibernate)", "SessionImpl.flush"),
    ("  user events after commit (UserEvents)", "UserEvents."),
    ("  the engine's flush (DbEntityManager.flush)", "DbEntityManager.flush"),
    ("  history events (DbHistoryEventHandler)", "DbHistoryEventHandler.handleEvent"),
    ("  commit", "commit"),
]


def frames_of(event):
    trace = event.get("values", {}).get("stackTrace") or {}
    for frame in trace.get("frames", []):
        method = frame.get("method", {})
        cls = method.get("type", {}).get("name", "?").replace("/", ".")
        yield cls, method.get("name", "?")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("recording")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--threads", default="", help="only threads whose name contains this")
    parser.add_argument("--methods", default="", help='"escalation" or comma-separated Class.method substrings')
    args = parser.parse_args()
    methods = ESCALATION if args.methods == "escalation" else [
        (m, m) for m in args.methods.split(",") if m]
    method_counts = collections.Counter()
    jfr = os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jfr") if os.environ.get("JAVA_HOME") else "jfr"
    raw = subprocess.run(
        [jfr, "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", args.recording],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    self_counts = collections.Counter()
    area_counts = collections.Counter()
    innermost = collections.Counter()
    threads = collections.Counter()
    total = 0
    for event in events:
        thread = (event.get("values", {}).get("sampledThread") or {}).get("javaName") or "?"
        if args.threads and args.threads not in thread:
            continue
        frames = list(frames_of(event))
        if not frames:
            continue
        total += 1
        threads[thread.rstrip("0123456789-")] += 1
        self_counts["%s.%s" % frames[0]] += 1
        seen = set()
        for cls, _ in frames:
            for area, prefix in AREAS:
                if area not in seen and cls.startswith(prefix):
                    seen.add(area)
        for area, prefix in PARTS:
            if any(cls.startswith(prefix) for cls, _ in frames):
                seen.add(area)
        for area in seen:
            area_counts[area] += 1
        names = ["%s.%s" % frame for frame in frames]
        for label, needle in methods:
            if any(needle in name for name in names):
                method_counts[label] += 1
        # the innermost area: the first frame from the top that belongs to one (JDK frames skipped)
        owner = "JDK / other"
        for cls, _ in frames:
            match = next((a for a, prefix in AREAS if cls.startswith(prefix)), None)
            if match:
                owner = match
                break
        innermost[owner] += 1
    print("%s: %d execution samples" % (args.recording, total))
    print("\nthreads:")
    for name, count in threads.most_common(8):
        print("  %5.1f%%  %s" % (100.0 * count / total, name))
    print("\ninclusive (stack passes through):")
    for area, count in area_counts.most_common():
        print("  %5.1f%%  %s" % (100.0 * count / total, area))
    if methods:
        print("\nmethods (inclusive):")
        for label, _ in methods:
            print("  %5.1f%%  %s" % (100.0 * method_counts[label] / total, label))
    print("\ninnermost area (the sample's CPU charged to the closest library on its stack):")
    for area, count in innermost.most_common():
        print("  %5.1f%%  %s" % (100.0 * count / total, area))
    print("\nself (top frame):")
    for method, count in self_counts.most_common(args.top):
        print("  %5.1f%%  %s" % (100.0 * count / total, method))


if __name__ == "__main__":
    sys.exit(main())

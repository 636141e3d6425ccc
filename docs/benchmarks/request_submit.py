#!/usr/bin/env python3
"""The public request form's submit under load (issue 20): an open loop of --rate submissions a second
for --seconds seconds to POST /api/public/requests, each as the browser sends it, and the p50/p95/p99
of their latency and the errors.

Each submission is a citizen of its own: its own client address (X-Forwarded-For in 198.18.0.0/15, a
benchmarking range: the form's rate limits count per address, and the application trusts the header
from a local proxy), a challenge fetched from GET /api/public/requests/challenge and waited out
until its `usableFrom` (3 s by default), as the page does, then the request with the challenge, the
privacy consent and the empty honeypot. Open loop: submission i leaves at start + i/rate whatever the
earlier ones did; its latency counts from that planned moment (no coordinated omission), and
`late` says how many left later than planned (the client machine could not keep up).

Beside a running application (see ticket_search.py for a benchmark instance):

    python3 docs/benchmarks/request_submit.py --url http://localhost:18190 --rate 20 --seconds 60

Standard library only. Every submission opens a real ticket (channel WEB) and queues a receipt mail.
"""
import argparse
import json
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime


def request(url, method="GET", body=None, address=None, timeout=60):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json, application/problem+json")
    req.add_header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                                 " Chrome/120.0.0.0 Safari/537.36")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if address:
        req.add_header("X-Forwarded-For", address)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            payload = response.read()
            return response.status, json.loads(payload) if payload else None
    except urllib.error.HTTPError as error:
        payload = error.read()
        try:
            return error.code, json.loads(payload) if payload else None
        except ValueError:
            return error.code, None


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def classification(url):
    """A few (topic, reason) pairs of the public classification tree, as the form offers them."""
    pairs = []
    _, topics = request(url + "/api/public/kb/categories")
    for topic in (topics or [])[:4]:
        _, reasons = request(f"{url}/api/public/kb/categories?parent={topic['id']}")
        pairs += [(topic["code"], reason["code"]) for reason in (reasons or [])[:3]]
    if not pairs:
        sys.exit("no topic with reasons in /api/public/kb/categories")
    return pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--rate", type=float, default=20.0, help="submissions a second")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--lead", type=float, default=0.5,
                        help="seconds beyond the challenge's usableFrom before submitting")
    parser.add_argument("--out", default="target/benchmark/request-submit.md")
    args = parser.parse_args()
    rnd = random.Random(20)
    pairs = classification(args.url)
    total = int(args.rate * args.seconds)
    # the challenge's minimum age, from one issued now (usableFrom - issue time)
    _, probe = request(args.url + "/api/public/requests/challenge", address="198.19.255.254")
    min_age = (datetime.fromisoformat(probe["usableFrom"]) - datetime.now().astimezone()).total_seconds()
    wait = max(0.0, min_age) + args.lead
    print(f"{total} submissions at {args.rate}/s; challenges fetched {wait:.1f} s before each", file=sys.stderr)

    results = []
    lock = threading.Lock()
    start = time.time() + wait + 1.0

    def citizen(i):
        planned = start + i / args.rate
        address = f"198.18.{(i // 250) % 256}.{1 + i % 250}"
        time.sleep(max(0.0, planned - wait - time.time()))
        status, challenge = request(args.url + "/api/public/requests/challenge", address=address)
        if status != 200:
            with lock:
                results.append({"status": f"challenge {status}", "ms": None, "late": 0.0})
            return
        time.sleep(max(0.0, planned - time.time()))
        left = time.time()
        topic, reason = rnd.choice(pairs)
        body = {
            "topic": topic, "reason": reason,
            "subject": f"Benchmark richiesta web {i}",
            "description": "Richiesta generata dal benchmark del modulo pubblico (issue 20).",
            "language": "it", "answerChannel": "EMAIL",
            "requester": {"name": f"Cittadino {i}", "email": f"cittadino{i}@example.invalid"},
            "context": {"page": "/tributi/tari", "errorCode": "E-402", "service": "benchmark"},
            "privacyConsent": True, "challenge": challenge["token"], "website": "",
        }
        status, answer = request(args.url + "/api/public/requests", "POST", body, address)
        done = time.time()
        with lock:
            results.append({
                "status": status if status == 201 else f"{status} {(answer or {}).get('detail', '')}"[:120],
                "ms": (done - planned) * 1000, "service_ms": (done - left) * 1000, "late": left - planned,
            })

    workers = int(args.rate * (wait + 5)) + 20
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(citizen, range(total)))

    ok = [r for r in results if r["status"] == 201]
    errors = {}
    for r in results:
        if r["status"] != 201:
            errors[str(r["status"])] = errors.get(str(r["status"]), 0) + 1
    times = [r["ms"] for r in ok]
    service = [r["service_ms"] for r in ok]
    late = sum(1 for r in results if r["late"] > 0.1)
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    lines = [
        f"Open loop: {args.rate:g} submissions/s for {args.seconds:g} s ({total} planned), each with its own"
        f" address and a challenge waited out ({wait:.1f} s).",
        f"`uptime` after the run: {load}",
        "",
        "| | p50 ms | p95 ms | p99 ms | max ms | 201 | errors | left > 100 ms late |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    if times:
        lines.append(f"| from the planned moment | {statistics.median(times):.0f} | {percentile(times, 95):.0f} |"
                     f" {percentile(times, 99):.0f} | {max(times):.0f} | {len(ok)} | {len(results) - len(ok)} | {late} |")
        lines.append(f"| from the moment it left | {statistics.median(service):.0f} | {percentile(service, 95):.0f} |"
                     f" {percentile(service, 99):.0f} | {max(service):.0f} | | | |")
    else:
        lines.append(f"| (no submission accepted) | | | | | 0 | {len(results)} | {late} |")
    for status, count in sorted(errors.items()):
        lines.append(f"\nError `{status}`: {count}")
    report = "\n".join(lines) + "\n"
    print(report)
    try:
        import os
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
        with open(args.out, "w") as out:
            out.write(report)
    except OSError:
        pass
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

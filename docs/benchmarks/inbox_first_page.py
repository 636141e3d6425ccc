#!/usr/bin/env python3
"""Inbox first page with many open tasks: loads N tickets through the API (8 client threads), then
times GET /api/inbox (first page, 25 rows) for a level-1 operator who sees all of them.
Usage: inbox_first_page.py [base-url] [tickets]   (application running with demo users)"""
import base64, json, random, statistics, string, sys, threading, time, urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
TICKETS = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
TOPICS = [None, "payments", None, None, "payments"]
CHANNELS = ["PHONE", "EMAIL", "WEB", "PEC", "VOICEMAIL"]
GIVEN = ["Maria", "Giuseppe", "Anna", "Giovanni", "Rosa", "Antonio", "Lucia", "Francesco", "Chiara", "Marco"]
FAMILY = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
          "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti"]
FISCAL_CODES = []


def auth(user):
    return "Basic " + base64.b64encode(f"{user}:demo".encode()).decode()


def call(method, path, user, body=None):
    request = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": auth(user)})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def open_ticket():
    code = "".join(random.choice(string.ascii_uppercase) for _ in range(6)) + "80A01H501Z"
    FISCAL_CODES.append(code)
    name = f"{random.choice(GIVEN)} {random.choice(FAMILY)}"
    body = {"channel": random.choice(CHANNELS), "subject": "Richiesta di prova", "language": "it",
            "description": "Generata dal benchmark", "requester": {"fiscalCode": code, "name": name}}
    topic = random.choice(TOPICS)
    if topic:
        body["category"] = {"topic": topic}
    call("POST", "/api/tickets", "api-client", body)


def load(count, threads=8):
    def worker(n):
        for _ in range(n):
            open_ticket()
    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(count // threads,)) for _ in range(threads)]
    [t.start() for t in pool]
    [t.join() for t in pool]
    return (count // threads * threads) / (time.perf_counter() - started)


def timed(path, calls=100):
    """p50/p95/max in ms of GET path for operator1, after 5 warm-up calls; and the rows it matched."""
    total = call("GET", path, "operator1")["totalElements"]
    for _ in range(5):
        call("GET", path, "operator1")
    samples = []
    for _ in range(calls):
        started = time.perf_counter()
        call("GET", path, "operator1")
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"matched": total, "p50": round(samples[calls // 2], 1), "p95": round(samples[calls * 95 // 100], 1),
            "max": round(samples[-1], 1)}


def main():
    rate = load(TICKETS)
    variants = {
        "firstPage": "/api/inbox?size=25",
        "queue": "/api/inbox?size=25&queue=payments",
        "priority": "/api/inbox?size=25&priority=3",
        "slaAtRisk": "/api/inbox?size=25&sla=AT_RISK",
        "slaOnTrack": "/api/inbox?size=25&sla=ON_TRACK",
        "number": "/api/inbox?size=25&number=000123",
        "requesterFiscalCode": "/api/inbox?size=25&requester=" + FISCAL_CODES[len(FISCAL_CODES) // 2],
        "requesterName": "/api/inbox?size=25&requester=esposito",
    }
    print(json.dumps({"ticketsLoaded": TICKETS, "intakePerSecond": round(rate),
                      "inboxMs": {name: timed(path, 100 if name == "firstPage" else 30)
                                  for name, path in variants.items()}}, indent=1))


if __name__ == "__main__":
    main()

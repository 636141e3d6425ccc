#!/usr/bin/env python3
"""Knowledge-base search evaluation (Python 3 standard library only): the product against plain BM25.

Loads labelled sets into a running Sportello through the Excel import (`POST /api/kb/import`), each
set under a topic of its own (`EVAL-SQUAD`, `EVAL-FAQ`, `EVAL-OWN`), sends every question to the
product's public endpoint `GET /api/public/kb/search?topic=<the set's topic>` (so the demo articles
and the other sets never count), and, in the same run on the same OpenSearch node, to plain BM25: a
`match` query on the body with OpenSearch's `italian` analyzer, in a scratch index (`kb-eval-bm25`)
holding the same documents, queried directly. Prints, per set, Recall@1/5/10, MRR@10, the latency
p50/p95 of both, and an exact McNemar test (two-sided, paired by question) on the hits at 1 and at 5.

Sets:
  squad  ../shared/kb-dev/squad-it-dev.json  each paragraph one article (body = context); the query
         is a question, its hit its own paragraph
  faq    ../shared/kb-dev/pa-faq-dev.jsonl   body only (the FAQ's question is hidden); the query is
         the question, its hit its own entry
  own    the project's test collection of kb_search.py (40 articles, 45 queries) among generated
         "pills" up to --own-articles articles (default 10,000: the latency target's size); BM25
         indexes title + summary + body there, since the product sees all three
The SQuAD and FAQ articles get neutral titles with no words of their own ("Scheda SQ0017"), so the
product sees exactly the text BM25 sees.

Start the application on an empty knowledge base, with the public rate limit raised and the search
node on a known port (the command is in docs/knowledge-base.md, "Knowledge-base search evaluation"), then:
  python3 docs/benchmarks/kb_eval.py --url http://localhost:8089 --engine http://127.0.0.1:9250
Each set is measured among the articles loaded so far (the small sets before the 10,000 articles of
the own collection): hence the empty knowledge base (a fresh data directory) at the start.
"""
import argparse
import base64
import json
import math
import os
import random
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kb_search  # noqa: E402  (the own collection, the workbook writer)

HERE = os.path.dirname(os.path.abspath(__file__))
DEV = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "kb-dev"))
SCRATCH = "kb-eval-bm25"


class Doc:
    def __init__(self, code, title, summary, body, bm25_text):
        self.code, self.title, self.summary, self.body, self.bm25_text = code, title, summary, body, bm25_text


def load_squad(path):
    data = json.load(open(path, encoding="utf-8"))
    docs, queries = [], []
    for article in data["data"]:
        for paragraph in article["paragraphs"]:
            code = f"SQ{len(docs):04d}"
            docs.append(Doc(code, f"Scheda {code}", "", paragraph["context"], paragraph["context"]))
            for qa in paragraph["qas"]:
                queries.append((qa["question"], code))
    return docs, queries


def load_faq(path):
    docs, queries = [], []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            entry = json.loads(line)
            code = f"FAQ{len(docs):03d}"
            docs.append(Doc(code, f"Scheda {code}", "", entry["body"], entry["body"]))
            queries.append((entry["title"], code))
    return docs, queries


def load_own(articles):
    docs = []
    for key, (title, summary, body) in kb_search.TARGETS.items():
        docs.append(Doc(key, title, summary, body, f"{title}\n{summary}\n{body}"))
    rnd = random.Random(42)
    for i in range(max(0, articles - len(kb_search.TARGETS))):
        title, summary, body = kb_search.filler(i, rnd)
        docs.append(Doc(f"B-F{i}", title, summary, body, f"{title}\n{summary}\n{body}"))
    return docs, list(kb_search.QUERIES)


# ---------------------------------------------------------------------------------------------

def call(url, method="GET", body=None, headers=None, user=None, attempts=5):
    headers = dict(headers or {})
    if user:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:demo".encode()).decode()
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    for attempt in range(attempts):
        req = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=1800) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as e:
            if e.code == 429:
                sys.exit("429 Too Many Requests: start the application with the public rate limit raised"
                         " (see the module's docstring)")
            if e.code == 404 and method in ("DELETE", "HEAD"):
                return None
            if e.code in (502, 503) and attempt < attempts - 1:
                time.sleep(3)
                continue
            raise SystemExit(f"{method} {url}: {e.code} {e.read()[:500]!r}")


def import_set(base, topic, docs):
    rows = [("codice", "causale", "lingua", "titolo", "sommario", "testo", "destinatari", "tag", "stato")]
    for d in docs:
        rows.append((d.code, f"{topic}-R", "it", d.title, d.summary, d.body, "PUBBLICO", "", "PUBBLICATO"))
    data = kb_search.workbook([
        ("Argomenti", [("codice", "nome"), (topic, f"Valutazione {topic}")]),
        ("Causali", [("codice", "argomento", "nome"), (f"{topic}-R", topic, f"Valutazione {topic}")]),
        ("Articoli", rows)])
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"eval.xlsx\"\r\n"
            "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").encode()
    body += data + f"\r\n--{boundary}--\r\n".encode()
    started = time.monotonic()
    report = call(base + "/api/kb/import", "POST", body,
                  {"Content-Type": f"multipart/form-data; boundary={boundary}"}, user="kbeditor")
    print(f"  import {topic}: {report['articles']} articles, {len(report['problems'])} problems,"
          f" {time.monotonic() - started:.1f} s", flush=True)
    if report["problems"]:
        print("  first problems:", report["problems"][:3])


def wait_for_index(base):
    started = time.monotonic()
    while True:
        consistency = call(base + "/api/kb/index/consistency", user="admin")
        if consistency["queued"] == 0 and consistency["indexed"] >= consistency["expected"]:
            print(f"  index: {consistency['indexed']} documents ({time.monotonic() - started:.0f} s wait)",
                  flush=True)
            return consistency
        if time.monotonic() - started > 3600:
            sys.exit(f"the index did not catch up: {consistency}")
        time.sleep(3)


def build_scratch(engine, sets):
    call(f"{engine}/{SCRATCH}", "DELETE")
    call(f"{engine}/{SCRATCH}", "PUT", {
        "settings": {"number_of_shards": 1, "number_of_replicas": 0},
        "mappings": {"properties": {"code": {"type": "keyword"}, "set": {"type": "keyword"},
                                    "body": {"type": "text", "analyzer": "italian"}}}})
    for name, (docs, _) in sets.items():
        for start in range(0, len(docs), 1000):
            lines = []
            for d in docs[start:start + 1000]:
                lines.append(json.dumps({"index": {"_index": SCRATCH, "_id": f"{name}:{d.code}"}}))
                lines.append(json.dumps({"code": d.code, "set": name, "body": d.bm25_text}))
            result = call(f"{engine}/_bulk", "POST", ("\n".join(lines) + "\n").encode(),
                          {"Content-Type": "application/x-ndjson"})
            if result.get("errors"):
                sys.exit(f"scratch index refused documents: {json.dumps(result)[:500]}")
    call(f"{engine}/{SCRATCH}/_refresh", "POST")


def bm25(engine, name, query):
    body = {"size": 10, "_source": ["code"],
            "query": {"bool": {"must": {"match": {"body": query}}, "filter": {"term": {"set": name}}}}}
    started = time.perf_counter()
    result = call(f"{engine}/{SCRATCH}/_search", "POST", body)
    elapsed = (time.perf_counter() - started) * 1000
    return [h["_source"]["code"] for h in result["hits"]["hits"]], elapsed


def product(base, topic, query, by_title):
    url = base + "/api/public/kb/search?" + urllib.parse.urlencode({"q": query, "topic": topic, "size": 10})
    started = time.perf_counter()
    result = call(url)
    elapsed = (time.perf_counter() - started) * 1000
    return [by_title.get(h["title"], "?") for h in result["hits"]], elapsed


# ---------------------------------------------------------------------------------------------

def rank_of(ranked, expected):
    return ranked.index(expected) + 1 if expected in ranked[:10] else None


def percentile(values, p):
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    f, c = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[f] + (ordered[c] - ordered[f]) * (k - f)


def mcnemar(a_hits, b_hits):
    """Exact two-sided McNemar test on paired hits: (only a, only b, p-value)."""
    only_a = sum(1 for x, y in zip(a_hits, b_hits) if x and not y)
    only_b = sum(1 for x, y in zip(a_hits, b_hits) if y and not x)
    n = only_a + only_b
    if n == 0:
        return only_a, only_b, 1.0
    tail = sum(math.comb(n, i) for i in range(min(only_a, only_b) + 1))
    return only_a, only_b, min(1.0, 2 * tail / 2 ** n)


def metrics(ranks):
    n = len(ranks)
    return {
        "R@1": sum(1 for r in ranks if r and r <= 1) / n,
        "R@5": sum(1 for r in ranks if r and r <= 5) / n,
        "R@10": sum(1 for r in ranks if r and r <= 10) / n,
        "MRR@10": sum(1 / r for r in ranks if r) / n,
    }


def fmt_p(p):
    return "< 1e-300" if p == 0 else (f"{p:.3g}" if p >= 1e-4 else f"{p:.1e}")


def evaluate(base, engine, name, topic, docs, queries, show_misses):
    by_title = {d.title: d.code for d in docs}
    # warm both sides up (JIT, caches) with the first queries, not measured
    for query, _ in queries[:30]:
        product(base, topic, query, by_title)
        bm25(engine, name, query)
    ranks = {"bm25": [], "product": []}
    latency = {"bm25": [], "product": []}
    misses = []
    for query, expected in queries:
        ranked, ms = bm25(engine, name, query)
        ranks["bm25"].append(rank_of(ranked, expected))
        latency["bm25"].append(ms)
        ranked, ms = product(base, topic, query, by_title)
        rank = rank_of(ranked, expected)
        ranks["product"].append(rank)
        latency["product"].append(ms)
        if not rank or rank > 5:
            misses.append((query, expected, rank, ranks["bm25"][-1]))
    result = {side: metrics(ranks[side]) for side in ranks}
    tests = {}
    for k in (1, 5):
        hits = {side: [bool(r and r <= k) for r in ranks[side]] for side in ranks}
        tests[k] = mcnemar(hits["product"], hits["bm25"])
    print(f"\n### {name}: {len(docs)} articles, {len(queries)} queries\n")
    print("| | R@1 | R@5 | R@10 | MRR@10 | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|---|")
    labels = {"bm25": "plain BM25 (`italian`, body, node direct)", "product": "Sportello (`/api/public/kb/search`)"}
    for side in ("bm25", "product"):
        m = result[side]
        print(f"| {labels[side]} | {m['R@1']:.3f} | {m['R@5']:.3f} | {m['R@10']:.3f} | {m['MRR@10']:.3f}"
              f" | {percentile(latency[side], 0.5):.1f} | {percentile(latency[side], 0.95):.1f} |")
    for k in (1, 5):
        only_p, only_b, p = tests[k]
        print(f"\nMcNemar (exact, paired) at R@{k}: Sportello only {only_p}, BM25 only {only_b}, p = {fmt_p(p)}",
              end="")
    print()
    if show_misses:
        for query, expected, rank, bm25_rank in misses[:show_misses]:
            print(f"  miss@5: {query!r} -> {expected}: product rank {rank}, BM25 rank {bm25_rank}")
    return result, tests


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8080", help="the running application")
    parser.add_argument("--engine", default="http://127.0.0.1:9250",
                        help="the application's OpenSearch node (sportello.search.embedded.port)")
    parser.add_argument("--sets", default="squad,faq,own")
    parser.add_argument("--squad", default=os.path.join(DEV, "squad-it-dev.json"))
    parser.add_argument("--faq", default=os.path.join(DEV, "pa-faq-dev.jsonl"))
    parser.add_argument("--own-articles", type=int, default=10000)
    parser.add_argument("--skip-load", action="store_true",
                        help="the sets are already imported (figures then differ: see above)")
    parser.add_argument("--show-misses", type=int, default=0, help="print up to N misses at 5 per set")
    args = parser.parse_args()
    base, engine = args.url.rstrip("/"), args.engine.rstrip("/")
    loaders = {"squad": ("EVAL-SQUAD", lambda: load_squad(args.squad)),
               "faq": ("EVAL-FAQ", lambda: load_faq(args.faq)),
               "own": ("EVAL-OWN", lambda: load_own(args.own_articles))}
    sets = {}
    for name in args.sets.split(","):
        topic, load = loaders[name]
        sets[name] = load()
    print(f"kb_eval: {time.strftime('%Y-%m-%d %H:%M:%S')}, load average {os.getloadavg()[0]:.1f}", flush=True)
    # The small sets first, the own collection (10,000 articles) last: thousands of unrelated
    # articles change every term's statistics, for both sides alike; each set is measured among the
    # articles loaded so far (the same in the product's index and in the scratch index).
    stages = [[n for n in sets if n != "own"], [n for n in sets if n == "own"]]
    loaded = {}
    consistency = None
    for stage in stages:
        if not stage:
            continue
        for name in stage:
            if not args.skip_load:
                import_set(base, loaders[name][0], sets[name][0])
            loaded[name] = sets[name]
        consistency = wait_for_index(base)
        build_scratch(engine, loaded)
        print(f"scratch BM25 index {SCRATCH}: {sum(len(d) for d, _ in loaded.values())} documents", flush=True)
        for name in stage:
            docs, queries = sets[name]
            evaluate(base, engine, name, loaders[name][0], docs, queries, args.show_misses)
    if "own" in sets and len(sets) > 1:
        # latency of every set's questions with the whole collection in the index
        latencies = []
        for name, (docs, queries) in sets.items():
            by_title = {d.title: d.code for d in docs}
            for query, _ in queries:
                latencies.append(product(base, loaders[name][0], query, by_title)[1])
        print(f"\nlatency of /api/public/kb/search with {consistency['indexed']} articles indexed,"
              f" {len(latencies)} questions of all sets: p50 {percentile(latencies, 0.5):.1f} ms,"
              f" p95 {percentile(latencies, 0.95):.1f} ms")
    print(f"\nproduct index: {consistency['indexed']} documents; load average at the end"
          f" {os.getloadavg()[0]:.1f} (1 min), {os.getloadavg()[1]:.1f} (5 min)")

if __name__ == "__main__":
    main()

"""Throughput and scaling: eventwire with N worker processes vs bare spaCy `nlp.pipe(n_process=N)` (same model,
same texts, same run), Ray with 1 vs 2 workers, and memory over a long run.

    python bench/scaling.py throughput [--workers 1|2] [--limit N]
    python bench/scaling.py ray [--limit N]
    python bench/scaling.py memory [--articles 20000] [--workers 1]

Each mode prints a JSON object and appends it to bench/results/scaling.jsonl. Quote the ratios: both halves of a
run see the same machine.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import time

from common import corpus_docs, record

from eventwire.nlp import load_model, model_name
from eventwire.pipeline import code_documents
from eventwire.types import Document


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def children_rss_mb() -> list[float]:
    """RSS of each worker process (children of this one), from /proc."""
    pids = []
    for task in os.listdir(f"/proc/{os.getpid()}/task"):
        try:
            with open(f"/proc/{os.getpid()}/task/{task}/children") as f:
                pids += f.read().split()
        except OSError:
            continue
    sizes = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as f:
                sizes += [int(line.split()[1]) / 1024 for line in f if line.startswith("VmRSS:")]
        except OSError:
            continue
    return sizes


def throughput(args) -> dict:
    docs = corpus_docs(limit=args.limit)
    texts = [d.text for d in docs]
    load_model()
    t0 = time.perf_counter()
    for _ in load_model().pipe(texts, batch_size=32, n_process=args.workers):
        pass
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    events = sum(len(r.events) for r in code_documents(docs, workers=args.workers))
    full = time.perf_counter() - t0
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"mode": "throughput", "workers": args.workers, "documents": len(docs), "events": events,
            "spacy_n_process_articles_per_s": round(len(docs) / bare, 2),
            "eventwire_articles_per_s": round(len(docs) / full, 2), "ratio_eventwire_to_spacy": round(bare / full, 3),
            "peak_rss_mb_largest_worker": round(child_peak, 1),
            "peak_rss_mb_main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def ray_mode(args) -> dict:
    import ray

    from eventwire.ray_engine import code_documents_ray

    docs = corpus_docs(limit=args.limit)
    out = {"mode": "ray", "documents": len(docs)}
    for workers in (1, 2):
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        list(code_documents_ray(docs[:4], workers=workers))  # start the actors and load their models
        t0 = time.perf_counter()
        n = sum(len(r.events) for r in code_documents_ray(docs, workers=workers))
        out[f"ray_{workers}_articles_per_s"] = round(len(docs) / (time.perf_counter() - t0), 2)
        out[f"ray_{workers}_events"] = n
        ray.shutdown()
    out["speedup_2_vs_1"] = round(out["ray_2_articles_per_s"] / out["ray_1_articles_per_s"], 3)
    return out


def memory(args) -> dict:
    base = corpus_docs()
    stream = (Document(**{**{f: getattr(d, f) for f in Document.__slots__}, "doc_id": f"{d.doc_id}#{i}"})
              for i, d in enumerate(itertools.islice(itertools.cycle(base), args.articles)))
    samples, workers_max = {}, {}
    t0 = time.perf_counter()
    for n, _ in enumerate(code_documents(stream, workers=args.workers), 1):
        if n in (1000, 2000, 5000, 10000, 15000, 20000) or n == args.articles:
            samples[n] = round(rss_mb(), 1)
            workers_max[n] = round(max(children_rss_mb(), default=0.0), 1)
    first, last = min(samples), max(samples)
    out = {"mode": "memory", "workers": args.workers, "articles": args.articles, "main_rss_mb_at": samples,
           "main_growth": round(samples[last] / samples[first] - 1, 3), "seconds": round(time.perf_counter() - t0, 1),
           "articles_per_s": round(args.articles / (time.perf_counter() - t0), 2)}
    if args.workers > 1:
        out |= {"largest_worker_rss_mb_at": workers_max,
                "worker_growth": round(workers_max[last] / workers_max[first] - 1, 3)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["throughput", "ray", "memory"])
    ap.add_argument("--workers", type=int, default=None, help="default: 2, and 1 for memory")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--articles", type=int, default=20000)
    args = ap.parse_args()
    if args.workers is None:
        args.workers = 1 if args.mode == "memory" else 2
    result = {"throughput": throughput, "ray": ray_mode, "memory": memory}[args.mode](args)
    record("scaling", result | {"model": model_name()})


if __name__ == "__main__":
    main()

"""Throughput: eventwire end to end vs bare spaCy `nlp.pipe`, same model, same texts, same run.

    python bench/throughput.py [CORPUS.jsonl] [--limit N]

Prints articles/s for both and their ratio, and appends a JSON line to bench/results/throughput.jsonl. Run it on
a quiet machine; the ratio is the figure to quote (both halves see the same noise).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import time
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.nlp import load_model, model_name
from eventwire.pipeline import code_documents
from eventwire.types import Document

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "ukraine_war_news_447.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    docs = [d for d in read_inputs([args.corpus]) if isinstance(d, Document)][: args.limit]
    words = sum(len(d.text.split()) for d in docs)
    nlp = load_model()
    from eventwire.geo import load_gazetteer

    load_gazetteer()
    list(code_documents(docs[:5]))  # warm both paths: model, gazetteer, regexes

    t0 = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=32):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = n_errors = 0
    for r in code_documents(docs, batch_size=32):
        n_events += len(r.events)
        n_errors += r.error is not None
    full = time.perf_counter() - t0

    result = {
        "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "corpus": Path(args.corpus).name, "documents": len(docs), "words": words, "model": model_name(),
        "spacy_articles_per_s": round(len(docs) / bare, 2), "eventwire_articles_per_s": round(len(docs) / full, 2),
        "ratio_eventwire_to_spacy": round(bare / full, 3), "events": n_events, "errors": n_errors,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": f"{platform.machine()} {platform.python_version()}",
    }
    print(json.dumps(result, indent=2))
    (HERE / "results").mkdir(exist_ok=True)
    with (HERE / "results" / "throughput.jsonl").open("a") as f:
        f.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()

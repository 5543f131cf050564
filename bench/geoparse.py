"""Speed of the geo stage alone: documents/s of `geoparse` over parsed articles, parse time measured apart.

    python bench/geoparse.py [CORPUS.jsonl] [--limit N] [--repeat K]

The articles are cleaned and parsed first (timed and reported, not counted); then `geoparse` runs over all of them
K times (best run kept), and so does `geoparse_batch`, which `eventwire geoparse` runs: a second pass over the
articles of outlets whose home it learned. Gazetteer load time (from its disk cache) is reported separately too.
Appends a JSON line to bench/results/geoparse.jsonl.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import time
from pathlib import Path

from eventwire.clean import clean
from eventwire.geo import GeoparseError, geoparse, geoparse_batch
from eventwire.geo.gazetteer import open_gazetteer
from eventwire.ingest import read_inputs
from eventwire.nlp import load_model, model_name, parse
from eventwire.types import Document

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "ukraine_war_news_447.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs = [d for d in read_inputs([args.corpus]) if isinstance(d, Document)][: args.limit]
    words = sum(len(d.text.split()) for d in docs)

    t0 = time.perf_counter()
    gaz = open_gazetteer()
    gazetteer_s = time.perf_counter() - t0

    load_model()
    t0 = time.perf_counter()
    parsed = list(parse([clean(d) for d in docs], batch_size=32))
    parse_s = time.perf_counter() - t0

    runs, toponyms, errors = [], 0, 0
    for _ in range(max(1, args.repeat)):
        toponyms = errors = 0
        t0 = time.perf_counter()
        for p in parsed:
            try:
                toponyms += len(geoparse(p, gaz))
            except GeoparseError:
                errors += 1
        runs.append(time.perf_counter() - t0)
    geo_s = min(runs)
    batch_runs, homed = [], 0
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        homed = sum(home is not None for _, _, home in geoparse_batch(parsed, gaz))
        batch_runs.append(time.perf_counter() - t0)
    batch_s = min(batch_runs)

    result = {
        "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "corpus": Path(args.corpus).name, "documents": len(docs), "words": words, "model": model_name(),
        "geoparse_docs_per_s": round(len(docs) / geo_s, 1),
        "geoparse_ms_per_doc": round(1000 * geo_s / len(docs), 2),
        "geoparse_seconds": round(geo_s, 3), "runs": len(runs),
        "geoparse_batch_docs_per_s": round(len(docs) / batch_s, 1), "documents_with_outlet_home": homed,
        "parse_seconds": round(parse_s, 2), "parse_docs_per_s": round(len(docs) / parse_s, 2),
        "gazetteer_load_seconds": round(gazetteer_s, 2),
        "toponyms": toponyms, "errors": errors,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": f"{platform.machine()} {platform.python_version()}",
    }
    print(json.dumps(result))
    out = HERE / "results" / "geoparse.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()

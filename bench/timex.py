"""Speed of the time stage: `find_timexes` alone, expressions/s and documents/s, on real news and on TempEval-3.

    python bench/timex.py [--corpus NEWS.jsonl] [--tempeval DEV.jsonl] [--repeat N]

Each set is read and cleaned first (outside the clock; the pipeline hands the time stage cleaned text), then
`find_timexes(text, published)` runs over every document `--repeat` times; the fastest pass is reported, as
the one least disturbed by other work on the machine. Prints the figures and appends one JSON line to
bench/results/timex.jsonl. The data lie beside the repository (../shared) and are only read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import time
from pathlib import Path

from eventwire.clean import clean
from eventwire.ingest import read_inputs
from eventwire.time import find_timexes
from eventwire.types import Document

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "ukraine_war_news_447.jsonl"
DEFAULT_TEMPEVAL = SHARED / "eval" / "time" / "tempeval3_dev.jsonl"


def news_documents(path: Path) -> list[tuple[str, dt.date | None]]:
    """(cleaned text, publication date) of each article, as the pipeline gives them to the time stage."""
    return [(clean(d).text, d.published) for d in read_inputs([str(path)]) if isinstance(d, Document)]


def tempeval_documents(path: Path) -> list[tuple[str, dt.date | None]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                dct = dt.date.fromisoformat(doc["dct"][:10]) if doc.get("dct") else None
                out.append((doc["text"], dct))
    return out


def measure(docs: list[tuple[str, dt.date | None]], repeat: int) -> dict:
    """The fastest of `repeat` passes of find_timexes over `docs`."""
    best = float("inf")
    n_expr = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n_expr = sum(len(find_timexes(text, anchor)) for text, anchor in docs)
        best = min(best, time.perf_counter() - t0)
    chars = sum(len(text) for text, _ in docs)
    return {
        "documents": len(docs), "characters": chars, "expressions": n_expr, "seconds": round(best, 3),
        "expressions_per_s": round(n_expr / best, 1), "documents_per_s": round(len(docs) / best, 1),
        "mchars_per_s": round(chars / best / 1e6, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="news JSONL (text, date)")
    ap.add_argument("--tempeval", default=str(DEFAULT_TEMPEVAL), help="TempEval-3 style JSONL (text, dct)")
    ap.add_argument("--repeat", type=int, default=3, help="passes over each set; the fastest is kept")
    args = ap.parse_args()

    find_timexes("Warm-up on Monday, 4 July 2022, a week after the vote.", dt.date(2022, 7, 4))
    sets = {}
    for name, path, reader in (("news", Path(args.corpus), news_documents),
                               ("tempeval3_dev", Path(args.tempeval), tempeval_documents)):
        if not path.exists():
            print(f"{path}: not found, skipped")
            continue
        sets[name] = {"file": path.name, **measure(reader(path), args.repeat)}
    if not sets:
        raise SystemExit("no data to measure")
    result = {
        "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "repeat": args.repeat, **sets,
        "machine": f"{platform.machine()} {platform.python_version()}",
    }
    print(json.dumps(result, indent=2))
    (HERE / "results").mkdir(exist_ok=True)
    with (HERE / "results" / "timex.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()

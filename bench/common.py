"""What every benchmark shares: the corpus it reads and where it records its result."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.types import Document

HERE = Path(__file__).resolve().parent
UKRAINE_CORPUS = HERE.parent.parent / "shared" / "corpus" / "ukraine_war_news_447.jsonl"


def corpus_docs(path: str | Path = UKRAINE_CORPUS, limit: int | None = None) -> list[Document]:
    return [d for d in read_inputs([path]) if isinstance(d, Document)][:limit]


def record(name: str, result: dict) -> dict:
    """Stamp a result, print it, and append it to bench/results/NAME.jsonl."""
    result = {**result, "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "machine": f"{platform.machine()} {os.cpu_count()} cpus, Python {platform.python_version()}"}
    print(json.dumps(result, indent=2))
    (HERE / "results").mkdir(exist_ok=True)
    with (HERE / "results" / f"{name}.jsonl").open("a") as f:
        f.write(json.dumps(result) + "\n")
    return result

"""The Ray runner: the same stage code, scaled out with Ray Data.

    code_documents_ray(documents, workers=2, address=None) -> Iterator[DocResult]

Documents go in shards to an actor pool; each actor loads the spaCy model and the gazetteer once and codes whole
batches with the local pipeline (`code_documents`), so a Ray run gives exactly the events of a local run. Pass a
cluster's `address` to run there; nothing else changes. Only this module knows Ray (`pip install eventwire[ray]`).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator

from .pipeline import DocResult, code_documents
from .types import Document

SHARD_SIZE = 10_000  # documents held by the driver at once (each shard starts its actors: big shards amortise that)


class _Coder:
    """A Ray actor: models load on first use, once per actor."""

    def __call__(self, batch: dict) -> dict:
        docs = [pickle.loads(b) for b in batch["doc"]]
        results = list(code_documents(docs, batch_size=max(1, len(docs))))
        return {"result": [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results]}


def code_documents_ray(documents: Iterable[Document], *, workers: int = 2, address: str | None = None,
                       batch_size: int = 16) -> Iterator[DocResult]:
    """Code documents on a Ray actor pool of `workers` actors, in input order."""
    try:
        import ray
        import ray.data
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("the Ray engine needs Ray: pip install 'eventwire[ray]'") from exc

    if not ray.is_initialized():
        kwargs = {"address": address} if address else {"num_cpus": workers}
        ray.init(include_dashboard=False, log_to_driver=False, ignore_reinit_error=True, **kwargs)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    shard: list[Document] = []
    for doc in documents:
        shard.append(doc)
        if len(shard) >= SHARD_SIZE:
            yield from _run_shard(ray, shard, workers, batch_size)
            shard = []
    if shard:
        yield from _run_shard(ray, shard, workers, batch_size)


def _run_shard(ray, docs: list[Document], workers: int, batch_size: int) -> Iterator[DocResult]:
    rows = [{"doc": pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL)} for d in docs]
    ds = ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows) // batch_size, workers * 4)))
    ds = ds.map_batches(_Coder, batch_size=batch_size, concurrency=workers, batch_format="numpy")
    for row in ds.iter_rows():
        yield pickle.loads(row["result"])

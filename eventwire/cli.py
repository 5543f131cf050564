"""The `eventwire` command line (Typer). Every long run shows a Rich progress bar; exit status 1 when anything failed."""

from __future__ import annotations

import datetime as dt
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.text import Text
from rich.table import Table

from .serve.cli import serve_command
from .cli_control import control_command

app = typer.Typer(add_completion=False, no_args_is_help=True, help="News articles in, event records out.")
eval_app = typer.Typer(no_args_is_help=True, help="Score eventwire against gold data; the last line is JSON.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True)
out = Console()

Inputs = typer.Argument(..., help="Files, folders or globs: .txt (with optional ' date YYYY-MM-DD Source/' header), .jsonl, .csv, .html")
DateOpt = typer.Option(None, "--date", help="Publication date for inputs that carry none (YYYY-MM-DD).")
SourceOpt = typer.Option(None, "--source", help="Source name for inputs that carry none.")


def _date(value: Optional[str]) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


class _Rate(ProgressColumn):
    """Documents per second so far."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "")


def _progress(total: int | None = None):
    """A bar on stderr (stdout stays clean for JSONL); hidden for a handful of documents."""
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
                    TimeElapsedColumn(), console=err, transient=False, disable=total is not None and total < 5)


def _read(inputs: list[str], **defaults):
    """(documents, input errors) for commands that need the documents at hand."""
    from .ingest import read_inputs
    from .types import InputError

    items = list(read_inputs(inputs, **defaults))
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


@contextmanager
def _jsonl_out(output: Optional[Path]):
    """A writer of one JSON object per line, to the file or to stdout."""
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        yield lambda obj: sink.write(json.dumps(obj, ensure_ascii=False) + "\n")
    finally:
        if output:
            sink.close()


def _report_errors(errors) -> None:
    # One unwrapped line per failure, so logs and greps see the whole "path:line: reason".
    for e in errors:
        err.print(f"[red]error[/red] {escape(e.origin)}: {escape(e.reason)}", soft_wrap=True, highlight=False)


def _log_commit(n_docs: int, n_events: int) -> None:
    print(f"committed {n_docs} documents, {n_events} events", file=sys.stderr, flush=True)


@app.command()
def run(
    inputs: list[str] = Inputs,
    db: Path = typer.Option(Path("eventwire.duckdb"), "--db", help="DuckDB store to code into (created if absent)."),
    date: Optional[str] = DateOpt,
    source: Optional[str] = SourceOpt,
    geojson: Optional[Path] = typer.Option(None, "--geojson", help="Also write the store's located events as GeoJSON."),
    show: bool = typer.Option(False, "--show", help="Print the store's events as a table at the end."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes (each loads the model once)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Documents per store transaction."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Log each committed batch."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or ray."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (default: a local Ray)."),
    serve_after: bool = typer.Option(False, "--serve", help="Then serve the store's map and API on 127.0.0.1:8000."),
) -> None:
    """Code INPUTS into the store and print a summary."""
    if engine not in ("local", "ray"):
        raise typer.BadParameter(f"{engine!r}: use local or ray", param_hint="--engine")
    from .ingest import read_inputs
    from .pipeline import run_into_store
    from .store import open_store, write_geojson
    from .store.control import refresh_control

    items = read_inputs(inputs, published=_date(date), source=source)  # streamed: memory stays flat
    db.parent.mkdir(parents=True, exist_ok=True)
    with open_store(db) as store, _progress() as progress:
        task = progress.add_task("coding", total=None)
        summary = run_into_store(items, store, batch_size=batch_size, workers=workers, engine=engine, address=address,
                                 on_progress=lambda n: progress.advance(task, n),
                                 on_commit=_log_commit if verbose else None)
        refresh_control(store)  # control: recompute the control_changes table from the stored events
        counts = store.counts()
        if geojson:
            geo_result = write_geojson(store.event_records(), geojson)
        shown = list(store.event_records(limit=SHOW_ROWS)) if show else []
    _report_errors(summary.errors)
    rate = summary.coded / summary.seconds if summary.seconds else 0.0
    err.print(
        f"{summary.read} documents read, {summary.coded} coded, {summary.skipped} already in the store, "
        f"{len(summary.errors)} failed; {summary.events} events from {summary.mentions} mentions "
        f"({rate:.1f} articles/s). Store {escape(str(db))}: {counts['documents']} documents, {counts['events']} events.",
        soft_wrap=True, highlight=False,
    )
    if geojson:
        err.print(f"GeoJSON {geojson}: {geo_result.written} located events ({geo_result.skipped} without a place).")
    if show:  # piped or captured output has no width of its own: give the table room rather than 80 columns
        (out if out.is_terminal else Console(width=160)).print(events_table(shown, total=counts["events"]))
    if serve_after:
        from .serve import serve

        err.print("Map and API on http://127.0.0.1:8000 (Ctrl-C to stop).")
        serve(db)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def extract(
    inputs: list[str] = Inputs,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="JSONL file (default: stdout)."),
    date: Optional[str] = DateOpt,
    source: Optional[str] = SourceOpt,
) -> None:
    """Code INPUTS and write events as JSONL, without a store."""
    from .pipeline import code_documents
    from .store import event_record

    docs, errors = _read(inputs, published=_date(date), source=source)
    with _jsonl_out(output) as write, _progress(len(docs)) as progress:
        task = progress.add_task("coding", total=len(docs))
        for result in code_documents(docs):
            progress.advance(task)
            if result.error:
                errors.append(result.error)
                continue
            for ev in result.events:
                write(event_record(ev))
    _report_errors(errors)
    raise typer.Exit(1 if errors else 0)


@app.command()
def export(
    db: Path = typer.Option(Path("eventwire.duckdb"), "--db", help="Store to read."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv, parquet, geojson or acled (ACLED's columns and actor names)."),
    output: str = typer.Option("-", "-o", "--output", help="File to write (default: stdout)."),
) -> None:
    """Export the store's events."""
    from .store import export_store

    if not db.exists():
        err.print(f"[red]error[/red] {db}: no such store")
        raise typer.Exit(2)
    try:
        result = export_store(db, fmt, output)
    except ValueError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from None
    err.print(f"{result.written} events written as {fmt}" + (f" ({result.skipped} left out)" if result.skipped else ""))


@app.command()
def geoparse(
    inputs: list[str] = Inputs,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="JSONL file (default: stdout)."),
    per_document: bool = typer.Option(False, "--per-document", help=(
        "Geoparse each document alone and stream the output. By default the batch is held in memory and each "
        "outlet's home (the state most of its articles are about) is learned from it and used as context.")),
) -> None:
    """Toponyms of each document, resolved to GeoNames places (JSONL)."""
    from dataclasses import asdict

    from .clean import clean
    from .geo import GeoparseError, geoparse_batch, load_gazetteer
    from .nlp import parse
    from .types import InputError

    docs, errors = _read(inputs)
    gaz = load_gazetteer()
    parsed_docs = parse(clean(d) for d in docs)
    with _jsonl_out(output) as write:
        for parsed, toponyms, home in geoparse_batch(parsed_docs, gaz, learn_homes=not per_document):
            if isinstance(toponyms, GeoparseError):
                errors.append(InputError(parsed.doc.origin or parsed.doc.doc_id, str(toponyms)))
                continue
            rows = []
            for tp in toponyms:
                p = asdict(tp.place) if tp.place else {}
                rows.append({"start": tp.start, "end": tp.end, "text": tp.text, "kind": tp.kind,
                             **{k: p.get(k) for k in PLACE_FIELDS}, "score": tp.score, "approximate": tp.approximate})
            row = {"doc_id": parsed.doc.doc_id, "toponyms": rows}
            if home is not None:
                row["outlet_home"] = {"country": home.country, "admin1_code": home.admin1_code,
                                      "town": {"geonameid": home.town.geonameid, "name": home.town.name}
                                      if home.town else None}
            write(row)
    _report_errors(errors)
    raise typer.Exit(1 if errors else 0)


PLACE_FIELDS = ("geonameid", "name", "feature_code", "country", "admin1", "lat", "lon", "precision")


@app.command()
def timex(
    inputs: list[str] = Inputs,
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="JSONL file (default: stdout)."),
    date: Optional[str] = DateOpt,
) -> None:
    """Temporal expressions of each document, normalised against its date (JSONL)."""
    from .clean import clean
    from .time import find_timexes

    docs, errors = _read(inputs, published=_date(date))
    with _jsonl_out(output) as write:
        for doc in docs:
            # The TimeML reading ("a year earlier" → the DATE it points to); `relation` marks offsets on events.
            rows = [{"start": t.start, "end": t.end, "text": t.text,
                     "type": getattr(t, "timeml_type", None) or t.type,
                     "value": t.timeml_value if hasattr(t, "timeml_value") else t.value,
                     **({"relation": t.relation, "duration": t.value} if t.relation else {})}
                    for t in find_timexes(clean(doc).text, doc.published)]
            write({"doc_id": doc.doc_id, "timexes": rows})
    _report_errors(errors)
    raise typer.Exit(1 if errors else 0)


@eval_app.command("seed")
def eval_seed(
    gold: Path = typer.Argument(..., help="Hand-coded gold, e.g. ../shared/gold/seed-luhansk.json"),
    document: Optional[Path] = typer.Option(None, "--document", help="The article (default: beside the gold's 'document' path)."),
) -> None:
    """Score the events of one article against its hand-coded gold."""
    from .eval.seed import evaluate_seed, seed_table

    metrics = evaluate_seed(gold, document)
    out.print(seed_table(metrics))
    print(json.dumps(metrics["summary"], sort_keys=True))


@eval_app.command("timex")
def eval_timex(gold: Path = typer.Argument(..., help="TimeML-style JSONL, e.g. ../shared/eval/time/tempeval3_dev.jsonl")) -> None:
    """Score the time stage: span P/R/F1 (strict, relaxed), type and value accuracy."""
    from .eval.timex import evaluate, timex_table

    metrics = evaluate(gold)
    out.print(timex_table(metrics))
    print(json.dumps({k: v for k, v in metrics.items() if not isinstance(v, (list,))}, sort_keys=True, default=str))


@eval_app.command("geoparse")
def eval_geoparse(gold: Path = typer.Argument(..., help="Geoparse gold, e.g. ../shared/eval/geoparse/geoparse_dev.jsonl"),
                  limit: Optional[int] = typer.Option(None, "--limit", help="Score the first N documents only."),
                  per_document: bool = typer.Option(False, "--per-document",
                                                    help="Geoparse each document alone, without outlet homes.")
                  ) -> None:
    """Score toponym detection and resolution (gold spans and end to end), per corpus."""
    from .eval.geoparse import evaluate, geoparse_table

    metrics = evaluate(gold, limit=limit, learn_homes=not per_document)
    out.print(geoparse_table(metrics))
    print(json.dumps(_scalars(metrics), sort_keys=True))


def _scalars(metrics: dict) -> dict:
    """The metrics without their long lists, for the last-line JSON."""
    return {k: (_scalars(v) if isinstance(v, dict) else v) for k, v in metrics.items() if not isinstance(v, list)}


@eval_app.command("acled")
def eval_acled(gold: Path = typer.Argument(..., help="ACLED records with notes, e.g. ../shared/eval/events/acled_ukraine_dev.jsonl"),
               limit: Optional[int] = typer.Option(None, "--limit", help="Score the first N records only.")) -> None:
    """Code each ACLED note and score type, sub-type, actors, place, date and fatalities."""
    from .eval.acled import acled_table, evaluate

    metrics = evaluate(gold, limit=limit)
    out.print(acled_table(metrics))
    for g, p, c in metrics["confusion_sub_event_type"][:15]:
        out.print(f"  {c:4d}  {g}  →  {p}")
    print(json.dumps({k: v for k, v in metrics.items() if not isinstance(v, list)}, sort_keys=True))


@eval_app.command("plover")
def eval_plover(gold: Path = typer.Argument(..., help="PLOVER gold sentences, e.g. ../shared/eval/events/plover_gsr_dev.jsonl")) -> None:
    """Score event type (accuracy, macro F1) and source/target actors on PLOVER gold sentences."""
    from .eval.plover import evaluate, plover_table

    metrics = evaluate(gold)
    out.print(plover_table(metrics))
    for g, p, c in metrics["confusion"][:15]:
        out.print(f"  {c:4d}  {g}  →  {p}")
    print(json.dumps({k: v for k, v in metrics.items() if not isinstance(v, list)}, sort_keys=True))


@eval_app.command("merge")
def eval_merge(gold: Path = typer.Argument(..., help="Merge gold, e.g. eval_data/merge/ukraine_merge_gold.jsonl"),
               corpus: Optional[Path] = typer.Option(None, "--corpus", help="The corpus (default: the one the gold names, under ../shared).")) -> None:
    """Code the gold's documents, merge them, and score pairwise and B-cubed P/R/F1 against the gold events."""
    from .eval.merge import evaluate, merge_table

    metrics = evaluate(gold, corpus)
    out.print(merge_table(metrics))
    print(json.dumps(metrics, sort_keys=True))


@app.command()
def explain(
    event_id: str = typer.Argument(..., help="An event_id from the store."),
    db: Path = typer.Option(Path("eventwire.duckdb"), "--db", help="Store to read."),
) -> None:
    """Show an event and, for each mention, why it was merged into it."""
    from .store import open_store

    if not db.exists():
        err.print(f"[red]error[/red] {db}: no such store")
        raise typer.Exit(2)
    with open_store(db, read_only=True) as store:
        records = list(store.event_records(event_id=event_id))
        if not records:
            err.print(f"[red]error[/red] no event {escape(event_id)} in {db}")
            raise typer.Exit(2)
        reasons = store.merge_reasons(event_id)
        first, last = store.reported(event_id)
    r = records[0]
    out.print(events_table(records))
    out.print(f"{r['num_mentions']} mentions, {r['num_documents']} documents, {r['num_sources']} independent sources, "
              f"confidence {r['confidence']}; first reported {first or '?'}, last reported {last or '?'}",
              highlight=False)
    for i, m in enumerate(reasons, 1):
        out.print(f"\n[bold]{i}. {escape(m['doc_id'])}[/bold] ({escape(m['source'] or 'no source')}, "
                  f"{m['published'] or 'undated'}) chars {m['start']}-{m['end']} \"{escape(m['trigger'] or '')}\"")
        out.print(f"   {escape((m['sentence'] or '').strip())}", highlight=False)
        for line in reason_lines(m, event_id):
            out.print(f"   - {escape(line)}", highlight=False, soft_wrap=True)


def reason_lines(m: dict, event_id: str) -> list[str]:
    """Why one mention is in its event, in words (from the stored merge reasons)."""
    why = m.get("reasons") or {}
    within, across = why.get("within") or {}, why.get("across") or {}
    lines = []
    if within:
        lines.append(f"says {within.get('type')} (CAMEO {within.get('cameo')}), date {within.get('date') or '?'} "
                     f"({within.get('date_precision')}), place {within.get('place') or '?'} "
                     f"({within.get('place_precision') or '-'}), actor1 {within.get('actor1') or '?'}")
    if m.get("part_id") == event_id:
        lines.append("founding article's event: the event's centre" if not across else "")
    elif m.get("part_id"):
        lines.append(f"in-document event {m['part_id']} joined this event:")
    if across:
        place, date = across.get("place") or {}, across.get("date") or {}
        lines += [f"type: {across.get('type')}", f"actors: {across.get('actors')}",
                  f"place: {place.get('rule')}; distance {place.get('km')} km; precisions {place.get('precisions')}",
                  f"date: gap {date.get('gap_days')} days vs window {date.get('window_days')} days; "
                  f"precisions {date.get('precisions')}"]
        if across.get("vouched"):
            lines.append(f"vouched: {across['vouched']}")
    if m.get("dup_of"):
        lines.append(f"near-duplicate of document {m['dup_of']} (similarity {m['similarity']:.2f}): "
                     "counts once toward independent sources")
    if not why:
        lines.append("no merge reasons stored (coded before merge reasons were kept)")
    return [x for x in lines if x]


@app.command()
def taxonomy() -> None:
    """The event kinds eventwire codes, each in PLOVER, CAMEO and ACLED."""
    from .events.kinds import KINDS

    table = Table(title=f"{len(KINDS)} event kinds")
    for col in ("kind", "PLOVER", "mode", "context", "CAMEO", "ACLED"):
        table.add_column(col)
    for k in sorted(KINDS.values(), key=lambda k: (k.cameo, k.key)):
        table.add_row(k.key, k.plover, k.mode or "", k.context or "", k.cameo, " / ".join(k.acled) if k.acled else "")
    out.print(table)


SHOW_ROWS = 40


def events_table(records: list[dict], total: int | None = None) -> Table:
    """The first events of a store as a table (`total` says how many there are in all)."""
    shown = f"{len(records)} of {total} events" if total and total > len(records) else f"{len(records)} events"
    table = Table(title=shown, show_lines=False)
    for col in ("date", "type", "cameo", "actor1", "actor2", "location", "status", "mentions", "trigger"):
        table.add_column(col)
    for r in sorted(records, key=lambda r: (r["date"] or "", r["event_type"])):
        a1, a2, loc = r.get("actor1") or {}, r.get("actor2") or {}, r.get("location") or {}
        table.add_row(
            r["date"] or "?", r["event_type"], r["cameo"],
            _actor_cell(a1), _actor_cell(a2),
            f"{loc.get('name') or ''} ({loc.get('precision')})" if loc.get("name") else "",
            r["status"], str(r["num_mentions"]), (r["mentions"][0].get("trigger") or "") if r["mentions"] else "",
        )
    return table


def _actor_cell(a: dict) -> str:
    if not a:
        return ""
    return f"{a.get('name') or a.get('text')} [{a.get('country') or '?'}/{a.get('sector') or '?'}]"


app.command("serve")(serve_command)
app.command("control")(control_command)  # territorial control (eventwire/cli_control.py)


def main() -> None:  # pragma: no cover
    app()

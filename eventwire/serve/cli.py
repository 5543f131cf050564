"""The `eventwire serve` command, for the CLI to register: `app.command("serve")(serve_command)`."""

from __future__ import annotations

from pathlib import Path

import typer


def serve_command(
    db: Path = typer.Option(Path("eventwire.duckdb"), "--db", help="Store to serve (read-only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the store: REST API (/events, /events/{id}, /events.geojson, /stats, /docs) and the map at /."""
    from eventwire.serve import serve
    from eventwire.serve.assets import AssetsMissing

    if not db.is_file():
        typer.echo(f"error: {db}: no such store (make one with `eventwire run INPUT… --db {db}`)", err=True)
        raise typer.Exit(2)
    try:
        typer.echo(f"eventwire: serving {db} on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops")
        serve(db, host=host, port=port)
    except AssetsMissing as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None

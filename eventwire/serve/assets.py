"""Where the page's JavaScript libraries and basemap lie: npm packages declared in the repository's package.json,
installed by `npm ci` (the Makefile's setup) into node_modules/, served by the app itself (no CDN, no tiles).

Looked for: the `node_modules` argument when given, else $EVENTWIRE_NODE_MODULES when set, else node_modules/
beside the repository's package.json (two levels above this package), then node_modules/ in the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# URL prefix under /vendor/ -> folder inside node_modules
PACKAGES = {
    "leaflet": "leaflet/dist",
    "markercluster": "leaflet.markercluster/dist",
    "d3": "d3/dist",
    "topojson": "topojson-client/dist",
    "world-atlas": "world-atlas",
    "swagger-ui": "swagger-ui-dist",
}
# Files the page and /docs load: all must be there.
REQUIRED = (
    "leaflet/dist/leaflet.js",
    "leaflet/dist/leaflet.css",
    "leaflet.markercluster/dist/leaflet.markercluster.js",
    "leaflet.markercluster/dist/MarkerCluster.css",
    "d3/dist/d3.min.js",
    "topojson-client/dist/topojson-client.min.js",
    "world-atlas/countries-50m.json",
    "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui-dist/swagger-ui.css",
)


class AssetsMissing(RuntimeError):
    pass


def candidates(node_modules: str | Path | None = None) -> list[Path]:
    if node_modules:
        return [Path(node_modules)]
    if os.environ.get("EVENTWIRE_NODE_MODULES"):
        return [Path(os.environ["EVENTWIRE_NODE_MODULES"])]
    return [REPO / "node_modules", Path.cwd() / "node_modules"]


def find_node_modules(node_modules: str | Path | None = None) -> Path:
    """The first candidate folder holding every required file; `AssetsMissing` saying what to do otherwise."""
    tried = candidates(node_modules)
    for folder in tried:
        if all((folder / f).is_file() for f in REQUIRED):
            return folder.resolve()
    first = tried[0]
    missing = [f for f in REQUIRED if not (first / f).is_file()]
    raise AssetsMissing(
        "the map's JavaScript assets are not installed (looked in "
        + ", ".join(str(p) for p in tried)
        + f"; missing e.g. {missing[0]}). Run `npm ci` in {REPO} (or `make install`), "
        "or point EVENTWIRE_NODE_MODULES at a node_modules folder that has them."
    )

"""Approximate admin1 (province, oblast, state) boundaries, derived offline from where GeoNames' settlements are.

    admin1_boundaries("UKR") -> GeoJSON Feature (MultiLineString), approximate

No permissively licensed, reasonably small admin1 polygon set is installed, but the gazetteer knows every
settlement of >= 500 people with its admin1 code. Each settlement "owns" the land nearer to it than to any other
settlement (its Voronoi cell), so the Voronoi edges between two settlements of DIFFERENT admin1 units of one
country trace the boundary between those units, to within about half the distance between neighbouring villages
(a few km in a settled country, much more in deserts and forests). Details:

- The Voronoi diagram is planar, on (lon * cos(mean lat), lat): locally equal-area, good enough for a country.
- Settlements of neighbouring countries near the border take part too (as "foreign" cells, never drawn), so a
  line between two provinces stops at the approximate national border instead of running on into the neighbour.
- Where settlements are sparse (sea, mountains, empty land) an edge can run far from any settlement. A point of an
  edge is kept only within `reach` of the two settlements it separates, so edges are clipped at the coast or
  dropped in the empty land. `reach` = max(REACH_MIN_KM, REACH_SPACING × the median distance from a settlement of
  the country to its nearest neighbour). Edges with a vertex at infinity are skipped.
- Settlements without an admin1 code still take part (they hold their ground) but no edge of theirs is drawn.
- The edges are chained into lines that run from junction to junction (or end, or close into a ring).

Not handled: countries across the antimeridian are computed in plain longitudes (the few cells there are wrong).
Each country is computed once per process (~0.1 s for Ukraine's ~5,500 settlements) and kept in memory.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict

import numpy as np

from .gazetteer import load_gazetteer

__all__ = ["admin1_boundaries", "UnknownCountry", "METHOD", "REACH_MIN_KM", "REACH_SPACING"]

METHOD = "Voronoi boundaries between GeoNames settlements of different admin1 units"
REACH_MIN_KM = 30.0
REACH_SPACING = 3.0
KM_PER_DEGREE = 111.195  # of latitude (and of scaled longitude)
DECIMALS = 4  # ~11 m: far finer than the method's accuracy

_FOREIGN, _UNKNOWN = -2, -1  # labels of cells that separate nothing drawn


class UnknownCountry(LookupError):
    """The code is not an ISO 3166-1 alpha-2 or alpha-3 code the gazetteer knows."""


def admin1_boundaries(country: str) -> dict:
    """The approximate boundaries between the admin1 units of a country (ISO2 "UA" or ISO3 "UKR", any case) as a
    GeoJSON Feature whose geometry is a MultiLineString ([lon, lat] positions; empty when the country has fewer
    than two admin1 units with settlements) and whose properties are {"country": ISO3, "approximate": true,
    "method", "settlements", "units", "reach_km"}. Raises `UnknownCountry` for an unknown code.

    The Feature is cached and shared between callers: do not modify it."""
    code = (country or "").strip().upper()
    place = load_gazetteer().country(code) if len(code) in (2, 3) and code.isalpha() else None
    if place is None or not place.country2:
        raise UnknownCountry(f"unknown country {country!r}: use an ISO 3166-1 alpha-2 or alpha-3 code (UA, UKR)")
    return _boundaries(place.country2, place.country or code)


@functools.lru_cache(maxsize=1)
def _world() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every settlement as arrays: lat, lon, country (ISO2 as a string array) and admin1 code index (-1 none)."""
    rows = load_gazetteer().settlements()
    codes: dict[str, int] = {}
    lat = np.fromiter((r[0] for r in rows), float, len(rows))
    lon = np.fromiter((r[1] for r in rows), float, len(rows))
    cc = np.array([r[2] for r in rows])
    a1 = np.fromiter((codes.setdefault(r[3], len(codes)) if r[3] else _UNKNOWN for r in rows), np.int64, len(rows))
    ok = np.isfinite(lat) & np.isfinite(lon)
    return lat[ok], lon[ok], cc[ok], a1[ok]


@functools.lru_cache(maxsize=64)
def _boundaries(iso2: str, iso3: str) -> dict:
    from scipy.spatial import QhullError, Voronoi, cKDTree

    lat, lon, cc, a1 = _world()
    mine = cc == iso2
    props = {"country": iso3, "approximate": True, "method": METHOD, "settlements": int(mine.sum()),
             "units": int(len(np.unique(a1[mine & (a1 >= 0)]))), "reach_km": None}
    feature = {"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": []}, "properties": props}
    if props["settlements"] < 3 or props["units"] < 2:
        return feature

    k = math.cos(math.radians(float(lat[mine].mean())))
    xy = np.column_stack((lon * k, lat))  # degrees of latitude, locally
    own = xy[mine]
    tree = cKDTree(own)
    spacing = float(np.median(tree.query(own, k=2)[0][:, 1]))
    reach = max(REACH_MIN_KM / KM_PER_DEGREE, REACH_SPACING * spacing)
    props["reach_km"] = round(reach * KM_PER_DEGREE, 1)

    # foreign settlements within 2 * reach of the country's: only those can own a point within reach of it
    lo, hi = own.min(axis=0) - 2 * reach, own.max(axis=0) + 2 * reach
    near = ~mine & np.all((xy >= lo) & (xy <= hi), axis=1)
    near_ix = np.flatnonzero(near)
    if len(near_ix):
        d = tree.query(xy[near_ix], distance_upper_bound=2 * reach)[0]
        near_ix = near_ix[np.isfinite(d)]
    points = np.concatenate((own, xy[near_ix]))
    labels = np.concatenate((a1[mine], np.full(len(near_ix), _FOREIGN)))
    # one cell per position (the country's own settlement first, as np.unique keeps the first)
    _, first = np.unique(np.round(points, 7), axis=0, return_index=True)
    first.sort()
    points, labels = points[first], labels[first]

    try:
        vor = Voronoi(points)
    except QhullError:  # degenerate input (a handful of settlements in a line): no diagram, no lines
        return feature
    pairs = vor.ridge_points
    verts = np.asarray(vor.ridge_vertices, dtype=np.int64).reshape(-1, 2)
    la, lb = labels[pairs[:, 0]], labels[pairs[:, 1]]
    keep = (la >= 0) & (lb >= 0) & (la != lb) & np.all(verts >= 0, axis=1)
    pairs, verts = pairs[keep], verts[keep]

    # clip each edge to the points within `reach` of its two settlements: on the perpendicular bisector through
    # the midpoint m of p and q, a point at distance t from m is sqrt(|pq|^2 / 4 + t^2) from both
    p, q = points[pairs[:, 0]], points[pairs[:, 1]]
    m = (p + q) / 2
    half2 = np.sum((q - p) ** 2, axis=1) / 4
    v1, v2 = vor.vertices[verts[:, 0]], vor.vertices[verts[:, 1]]
    length = np.linalg.norm(v2 - v1, axis=1)
    ok = (half2 < reach**2) & (length > 0)
    u = np.zeros_like(v1)
    u[ok] = (v2[ok] - v1[ok]) / length[ok, None]
    t1, t2 = np.sum((v1 - m) * u, axis=1), np.sum((v2 - m) * u, axis=1)
    h = np.sqrt(np.maximum(reach**2 - half2, 0))
    c1, c2 = np.maximum(t1, -h), np.minimum(t2, h)
    ok &= c2 > c1
    a, b = m + c1[:, None] * u, m + c2[:, None] * u

    # node ids: a Voronoi vertex keeps its index (edges meet there); a clipped end is a node of its own
    n_vertices = len(vor.vertices)
    coords: dict[int, tuple[float, float]] = {}
    edges: list[tuple[int, int]] = []
    for i in np.flatnonzero(ok):
        ends = []
        for end, clipped, vertex, extra in ((a[i], c1[i] > t1[i], verts[i, 0], 0), (b[i], c2[i] < t2[i], verts[i, 1], 1)):
            node = n_vertices + 2 * int(i) + extra if clipped else int(vertex)
            coords[node] = (round(float(end[0]) / k, DECIMALS), round(float(end[1]), DECIMALS))
            ends.append(node)
        edges.append((ends[0], ends[1]))
    feature["geometry"]["coordinates"] = [[list(coords[n]) for n in line] for line in _chain(edges)]
    return feature


def _chain(edges: list[tuple[int, int]]) -> list[list[int]]:
    """Edges (node pairs) as node paths that run between nodes not of degree 2, then the closed rings left."""
    at: dict[int, list[int]] = defaultdict(list)
    for i, (a, b) in enumerate(edges):
        at[a].append(i)
        at[b].append(i)
    used = [False] * len(edges)

    def walk(node: int, e: int) -> list[int]:
        path = [node]
        while True:
            used[e] = True
            a, b = edges[e]
            node = b if a == node else a
            path.append(node)
            following = [f for f in at[node] if not used[f]] if len(at[node]) == 2 else []
            if not following:
                return path
            e = following[0]

    lines = []
    for node, es in list(at.items()):
        if len(es) != 2:
            lines.extend(walk(node, e) for e in es if not used[e])
    lines.extend(walk(edges[e][0], e) for e in range(len(edges)) if not used[e])
    return lines

"""The geo stage: toponyms found in a parsed document, resolved to GeoNames places.

    geoparse(parsed) -> list[Toponym]
    geoparse_batch([parsed, ...]) -> [(parsed, list[Toponym] | GeoparseError, Home | None), ...]  # outlet homes
    resolve_spans(parsed, [(start, end), ...]) -> list[Toponym | None]   # given spans, same resolver
"""

from .gazetteer import Gazetteer, load_gazetteer, normalise_name
from .geoparse import GeoparseError, geoparse, geoparse_batch, resolve_spans

__all__ = ["geoparse", "geoparse_batch", "resolve_spans", "GeoparseError", "Gazetteer", "load_gazetteer",
           "normalise_name"]

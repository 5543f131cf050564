"""The geo stage: toponyms found in a parsed document, resolved to GeoNames places.

    geoparse(parsed) -> list[Toponym]
"""

from .gazetteer import Gazetteer, load_gazetteer, normalise_name
from .geoparse import geoparse

__all__ = ["geoparse", "Gazetteer", "load_gazetteer", "normalise_name"]

"""Map projection for the member cities map of Europe.

Cities are placed on ``static/img/europe-map.svg`` with the same projection that drew it
(see ``tools/map/build_europe_map.py``): a Lambert azimuthal equal-area projection centred on
lat 52, lon 10, like EPSG:3035, on a sphere of the GRS80 authalic radius, scaled into a fixed
SVG viewBox.

It is written by hand on purpose: the formula is twenty lines, whereas a GIS dependency (pyproj,
GDAL) would be far heavier than the feature it serves.
"""

from __future__ import annotations

import math

# Authalic radius of the GRS80 ellipsoid, in metres (the sphere of equal surface area).
EARTH_RADIUS = 6_371_007.2

CENTRE_LATITUDE = 52.0
CENTRE_LONGITUDE = 10.0

# The frame in projected metres, relative to the centre (x east, y north). It runs from west of
# Portugal to east of Cyprus and from south of Malta, Crete and Cyprus to about lat 66 (central
# Finland), i.e. roughly lon -12..35 and lat 34..66.
FRAME_WEST = -1_850_000.0
FRAME_EAST = 2_350_000.0
FRAME_SOUTH = -1_930_000.0
FRAME_NORTH = 1_640_000.0

VIEWBOX_WIDTH = 1000
# 4200 km wide, 3570 km high: one scale for both axes, so the map is not stretched.
VIEWBOX_HEIGHT = 850

_SCALE = VIEWBOX_WIDTH / (FRAME_EAST - FRAME_WEST)  # viewBox units per metre
_SIN_PHI0 = math.sin(math.radians(CENTRE_LATITUDE))
_COS_PHI0 = math.cos(math.radians(CENTRE_LATITUDE))


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Return the (x, y) viewBox position of a point, in SVG units, rounded to 1 decimal.

    x grows eastwards and y grows southwards (SVG convention). Points outside the frame get
    coordinates outside 0..VIEWBOX_WIDTH / 0..VIEWBOX_HEIGHT; see ``is_in_frame``.
    """
    phi = math.radians(latitude)
    delta_lambda = math.radians(longitude - CENTRE_LONGITUDE)
    sin_phi, cos_phi = math.sin(phi), math.cos(phi)
    cos_dl = math.cos(delta_lambda)
    denominator = 1.0 + _SIN_PHI0 * sin_phi + _COS_PHI0 * cos_phi * cos_dl
    if denominator <= 1e-12:
        raise ValueError("the antipode of the projection centre cannot be projected")
    k = math.sqrt(2.0 / denominator)
    easting = EARTH_RADIUS * k * cos_phi * math.sin(delta_lambda)
    northing = EARTH_RADIUS * k * (_COS_PHI0 * sin_phi - _SIN_PHI0 * cos_phi * cos_dl)
    x = (easting - FRAME_WEST) * _SCALE
    y = (FRAME_NORTH - northing) * _SCALE
    return round(x, 1), round(y, 1)


def is_in_frame(x: float, y: float) -> bool:
    """Whether a projected point falls inside the map's viewBox."""
    return 0.0 <= x <= VIEWBOX_WIDTH and 0.0 <= y <= VIEWBOX_HEIGHT

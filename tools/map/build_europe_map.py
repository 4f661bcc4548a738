"""Build ``static/img/europe-map.svg``, the offline base map of the member cities page.

Source data: Natural Earth "Admin 0 - Countries" at 1:50m (Natural Earth 4.1.0), which is in
the public domain, as redistributed in TopoJSON by the npm package ``world-atlas`` 2.0.2
(``countries-50m.json``), declared as a devDependency in ``tools/map/package.json``. The
TopoJSON is decoded here, so no JavaScript runs: npm only fetches the data.

Every ring is projected with ``cities.geo.project`` (the same projection that places the cities
at run time), clipped to the frame plus a margin, simplified, and written as one ``<path>`` per
country. The output is committed; nothing is fetched at run time.

To rebuild, from the repository root::

    cd tools/map && npm ci && cd ../.. && .venv/bin/python tools/map/build_europe_map.py
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import quoteattr

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from cities.geo import VIEWBOX_HEIGHT, VIEWBOX_WIDTH, project  # noqa: E402

SOURCE = REPO_ROOT / "tools" / "map" / "node_modules" / "world-atlas" / "countries-50m.json"
OUTPUT = REPO_ROOT / "static" / "img" / "europe-map.svg"

# Rings whose longitude/latitude box misses this one are far from the frame and are skipped
# before projecting (this also keeps the antipode of the projection centre away).
GEO_WINDOW = (-45.0, 15.0, 75.0, 85.0)  # west, south, east, north
# Clip to the viewBox plus a margin, so that the clip edges fall outside the visible area.
CLIP_MARGIN = 20.0
MIN_STEP = 1.0  # drop points closer than this (viewBox units) to the previous kept point
MIN_RING_SIZE = 2.0  # drop rings whose projected box is smaller than this on both sides

SEA = "#eef4fa"
LAND = "#d3dce6"
BORDER = "#ffffff"
BORDER_WIDTH = "0.6"

Point = tuple[float, float]
Ring = list[Point]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Turn the quantized, delta-encoded TopoJSON arcs into (longitude, latitude) lists."""
    (scale_x, scale_y), (translate_x, translate_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for encoded in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in encoded:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring_from_arcs(indexes: Iterable[int], arcs: Sequence[list[Point]]) -> Ring:
    """Join the arcs of one ring; a negative index ``~i`` means arc ``i`` reversed."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def near_frame(ring: Ring) -> bool:
    west, south, east, north = GEO_WINDOW
    longitudes = [lon for lon, _ in ring]
    latitudes = [lat for _, lat in ring]
    return (
        min(longitudes) <= east
        and max(longitudes) >= west
        and min(latitudes) <= north
        and max(latitudes) >= south
    )


def clip(ring: Ring) -> Ring:
    """Sutherland-Hodgman clipping of a ring against the (convex) frame rectangle + margin."""
    low_x, low_y = -CLIP_MARGIN, -CLIP_MARGIN
    high_x, high_y = VIEWBOX_WIDTH + CLIP_MARGIN, VIEWBOX_HEIGHT + CLIP_MARGIN
    edges = (
        (lambda p: p[0] >= low_x, lambda a, b: _cross_x(a, b, low_x)),
        (lambda p: p[0] <= high_x, lambda a, b: _cross_x(a, b, high_x)),
        (lambda p: p[1] >= low_y, lambda a, b: _cross_y(a, b, low_y)),
        (lambda p: p[1] <= high_y, lambda a, b: _cross_y(a, b, high_y)),
    )
    points = ring
    for inside, intersect in edges:
        if not points:
            break
        kept: Ring = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    kept.append(intersect(previous, current))
                kept.append(current)
            elif inside(previous):
                kept.append(intersect(previous, current))
            previous = current
        points = kept
    return points


def _cross_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _cross_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def simplify(ring: Ring) -> Ring:
    """Keep a point only if it is at least MIN_STEP away from the previous kept point."""
    kept: Ring = []
    for x, y in ring:
        if kept and math.hypot(x - kept[-1][0], y - kept[-1][1]) < MIN_STEP:
            continue
        kept.append((round(x, 1), round(y, 1)))
    if len(kept) > 1 and kept[0] == kept[-1]:
        kept.pop()  # the closing point is implied by "Z"
    return kept


def is_visible(ring: Ring) -> bool:
    if len(ring) < 3:
        return False
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    too_small = max(xs) - min(xs) < MIN_RING_SIZE and max(ys) - min(ys) < MIN_RING_SIZE
    outside = max(xs) <= 0 or min(xs) >= VIEWBOX_WIDTH or max(ys) <= 0 or min(ys) >= VIEWBOX_HEIGHT
    return not too_small and not outside


def number(value: float) -> str:
    text = f"{value:.1f}"
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text


def path_data(rings: Iterable[Ring]) -> str:
    parts = []
    for ring in rings:
        head, *tail = ring
        parts.append(
            f"M{number(head[0])} {number(head[1])}L"
            + " ".join(f"{number(x)} {number(y)}" for x, y in tail)
            + "Z"
        )
    return "".join(parts)


def country_rings(geometry: dict, arcs: Sequence[list[Point]]) -> list[Ring]:
    rings = []
    for polygon in polygons_of(geometry):
        for arc_indexes in polygon:
            ring = ring_from_arcs(arc_indexes, arcs)
            if not near_frame(ring):
                continue
            projected = clip([project(lat, lon) for lon, lat in ring])
            projected = simplify(projected)
            if is_visible(projected):
                rings.append(projected)
    return rings


def build(topology: dict) -> str:
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    paths = []
    for geometry in sorted(geometries, key=lambda g: g["properties"]["name"]):
        rings = country_rings(geometry, arcs)
        if rings:
            name = quoteattr(geometry["properties"]["name"])
            paths.append(f'<path data-name={name} d="{path_data(rings)}"/>')
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {VIEWBOX_WIDTH} '
            f'{VIEWBOX_HEIGHT}" role="presentation" aria-hidden="true">',
            "<!-- Natural Earth 1:50m country boundaries (public domain), via the npm package"
            " world-atlas 2.0.2. Generated by tools/map/build_europe_map.py: do not edit. -->",
            f'<rect width="{VIEWBOX_WIDTH}" height="{VIEWBOX_HEIGHT}" fill="{SEA}"/>',
            f'<g fill="{LAND}" fill-rule="evenodd" stroke="{BORDER}"'
            f' stroke-width="{BORDER_WIDTH}" stroke-linejoin="round">',
            *paths,
            "</g>",
            "</svg>",
            "",
        ]
    )


def main() -> int:
    if not SOURCE.exists():
        print(f"{SOURCE} is missing: run `cd tools/map && npm ci` first.", file=sys.stderr)
        return 1
    topology = json.loads(SOURCE.read_text(encoding="utf-8"))
    svg = build(topology)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(svg, encoding="utf-8")
    count = svg.count("<path ")
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)}: {count} countries, {len(svg.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

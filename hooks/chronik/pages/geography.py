"""Country shapes and the map frame: Natural Earth's countries (1:50 million, as the npm package world-atlas
2.0.2 ships them as TopoJSON, see geodata/README.md) clipped to a frame, projected and simplified with Shapely.

The projection is equirectangular with the frame's middle latitude as standard parallel: for the regions a
chronicle shows it distorts little, and straight lines between stops stay straight. Outlines are simplified
in pixels (Douglas–Peucker, Shapely), so a map keeps the detail its size can show and no more.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from importlib.resources import files
from typing import TYPE_CHECKING, Iterable

from ..chronicle.places import numeric_country_codes

if TYPE_CHECKING:
    import shapely

WORLD_FILE = "geodata/countries-50m.json"
TOLERANCE = 0.6  # pixels: what simplification may move an outline; below what a screen shows at 1:1
MIN_SPAN = 7.0  # degrees: a frame around a small country still shows its neighbours
PADDING = 0.12  # of the span, on every side


@dataclass(frozen=True)
class Frame:
    """A rectangle in degrees, drawn `width` pixels wide."""

    west: float
    south: float
    east: float
    north: float
    width: int

    @property
    def _scale(self) -> float:
        return self.width / ((self.east - self.west) * self._cos)

    @property
    def _cos(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    @property
    def height(self) -> int:
        return round((self.north - self.south) * self._scale)

    def xy(self, longitude: float, latitude: float) -> tuple[float, float]:
        return ((longitude - self.west) * self._cos * self._scale, (self.north - latitude) * self._scale)


def frame_around(bounds: Iterable[tuple[float, float, float, float]], width: int,
                 aspect: tuple[float, float] = (0.55, 1.8)) -> Frame:
    """The frame around all `bounds` (west, south, east, north), padded, at least MIN_SPAN wide and high, its
    width to height ratio within `aspect` (a long country like Chile still leaves room beside it)."""
    bounds = list(bounds)
    west, south = min(b[0] for b in bounds), min(b[1] for b in bounds)
    east, north = max(b[2] for b in bounds), max(b[3] for b in bounds)
    span_x, span_y = max(east - west, MIN_SPAN), max(north - south, MIN_SPAN)
    span_x, span_y = span_x * (1 + 2 * PADDING), span_y * (1 + 2 * PADDING)
    cos = math.cos(math.radians((north + south) / 2))
    ratio = span_x * cos / span_y
    if ratio < aspect[0]:
        span_x = aspect[0] * span_y / cos
    elif ratio > aspect[1]:
        span_y = span_x * cos / aspect[1]
    middle_x, middle_y = (west + east) / 2, (south + north) / 2
    south, north = max(middle_y - span_y / 2, -85.0), min(middle_y + span_y / 2, 85.0)
    return Frame(round(middle_x - span_x / 2, 3), round(south, 3), round(middle_x + span_x / 2, 3), round(north, 3),
                 width)


def country_bounds(code: str) -> tuple[float, float, float, float] | None:
    """The bounds of a country's largest part (Chile without Easter Island, the United States without
    Alaska and Hawaii): where a locator map centres."""
    shape = world().get(code)
    if shape is None:
        return None
    parts = list(getattr(shape, "geoms", [shape]))
    return max(parts, key=lambda part: part.area).bounds


def outlines(frame: Frame) -> list[tuple[str, str]]:
    """(country code, SVG path data) of every country inside the frame, clipped, projected and simplified,
    in code order. Drawn once per frame and build (cached)."""
    return _outlines(frame)


@lru_cache(maxsize=256)
def _outlines(frame: Frame) -> list[tuple[str, str]]:
    import shapely  # here, not at the top: only the process that draws pages needs Shapely and NumPy
    from shapely.geometry import box

    codes, shapes = _world_arrays()
    inside = shapely.intersects(shapes, box(frame.west, frame.south, frame.east, frame.north))
    scale_x, scale_y = frame.xy(frame.west + 1, frame.north - 1)
    # Shapely's functions take arrays: one call each for all countries in the frame.
    clipped = shapely.clip_by_rect(shapes[inside], frame.west, frame.south, frame.east, frame.north)
    projected = shapely.transform(clipped, lambda points: (points - (frame.west, frame.north)) * (scale_x, -scale_y))
    simple = shapely.simplify(projected, TOLERANCE, preserve_topology=True)
    drawn = [(code, _path_data(shape)) for code, shape in zip(codes[inside], simple)]
    return [(code, data) for code, data in drawn if data]


@lru_cache(maxsize=1)
def _world_arrays():
    """The countries as two NumPy arrays in code order, for Shapely's vectorized functions."""
    import numpy
    import shapely

    codes = sorted(world())
    shapes = numpy.array([world()[code] for code in codes], dtype=object)
    shapely.prepare(shapes)
    return numpy.array(codes, dtype=object), shapes


def _path_data(shape: shapely.Geometry) -> str:
    from shapely.geometry import Polygon

    parts = []
    for polygon in getattr(shape, "geoms", [shape]):
        if not isinstance(polygon, Polygon) or polygon.is_empty or polygon.area < 0.5:
            continue  # a speck under half a pixel: an island the map cannot show
        for ring in [polygon.exterior, *polygon.interiors]:
            # Whole pixels: half a pixel off is invisible, and a decimal place costs a fifth of the bytes.
            points = [point for point, _ in groupby(f"{round(x)} {round(y)}" for x, y in ring.coords[:-1])]
            if len(points) > 2:
                parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


@lru_cache(maxsize=1)
def world() -> dict[str, shapely.Geometry]:
    """Every country of Natural Earth by ISO 3166-1 alpha-2 code (territories without a code by name)."""
    import shapely
    from shapely.geometry import MultiPolygon, Polygon

    topology = json.loads(files("chronik.pages").joinpath(WORLD_FILE).read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    numeric = numeric_country_codes()
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry.get("type"), [])
        parts = [Polygon(_ring(rings[0], arcs), [_ring(r, arcs) for r in rings[1:]]) for rings in polygons if rings]
        # Parts across the antimeridian (Fiji, Chukotka, the Aleutians) would be drawn as a band round the world.
        parts = [part for part in parts if part.bounds[2] - part.bounds[0] < 180]
        if not parts:
            continue
        key = numeric.get(geometry.get("id", ""), "~" + geometry["properties"]["name"])
        shape = MultiPolygon(parts)
        shape = shape if shape.is_valid else shapely.make_valid(shape)
        shapes[key] = shapely.union(shapes[key], shape) if key in shapes else shape
    return shapes


def _decode_arcs(topology: dict) -> list:
    """TopoJSON arcs: quantized, each point a delta to the previous one (topojson-specification §2.1.3);
    decoded with NumPy, one cumulative sum per arc."""
    import numpy

    scale, translate = numpy.array(topology["transform"]["scale"]), numpy.array(topology["transform"]["translate"])
    return [numpy.cumsum(numpy.array(arc, dtype=float), axis=0) * scale + translate for arc in topology["arcs"]]


def _ring(indexes: list[int], arcs: list) -> list:
    """A ring from arcs; a negative index ~i is arc i reversed; consecutive arcs share their end point."""
    import numpy

    pieces = [arcs[index] if index >= 0 else arcs[~index][::-1] for index in indexes]
    return numpy.concatenate([pieces[0], *(piece[1:] for piece in pieces[1:])])

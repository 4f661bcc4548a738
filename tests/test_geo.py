"""The Europe map projection and the committed SVG it was drawn with (no Django, no database)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cities.geo import VIEWBOX_HEIGHT, VIEWBOX_WIDTH, is_in_frame, project

MAP_SVG = Path(__file__).resolve().parents[1] / "static" / "img" / "europe-map.svg"
SVG_NS = "{http://www.w3.org/2000/svg}"

BRAGA = (41.55, -8.42)
TURIN = (45.07, 7.69)
BERLIN = (52.52, 13.40)
TOULOUSE = (43.60, 1.44)
HELSINKI = (60.17, 24.94)
ATHENS = (37.98, 23.73)
DUBLIN = (53.35, -6.26)
NEW_YORK = (40.7, -74.0)


def test_berlin_is_east_of_toulouse():
    berlin_x, _ = project(*BERLIN)
    toulouse_x, _ = project(*TOULOUSE)
    assert berlin_x > toulouse_x


def test_berlin_is_north_of_turin():
    _, berlin_y = project(*BERLIN)
    _, turin_y = project(*TURIN)
    assert berlin_y < turin_y  # SVG y grows downwards


def test_project_rounds_to_one_decimal():
    x, y = project(*BERLIN)
    assert (x, y) == (round(x, 1), round(y, 1))


@pytest.mark.parametrize(
    "position",
    [BRAGA, TURIN, BERLIN, TOULOUSE, HELSINKI, ATHENS, DUBLIN],
    ids=["Braga", "Turin", "Berlin", "Toulouse", "Helsinki", "Athens", "Dublin"],
)
def test_european_cities_are_in_frame(position):
    assert is_in_frame(*project(*position))


def test_new_york_is_not_in_frame():
    assert not is_in_frame(*project(*NEW_YORK))


def test_committed_map_matches_the_projection_frame():
    assert MAP_SVG.is_file()
    root = ET.parse(MAP_SVG).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == f"0 0 {VIEWBOX_WIDTH} {VIEWBOX_HEIGHT}"
    assert len(root.findall(f".//{SVG_NS}path")) >= 30


@pytest.mark.django_db
def test_the_maps_names_are_in_the_pages_language(client):
    from .factories import CityFactory

    CityFactory(
        name="Warsaw", slug="warsaw", names={"fr": "Varsovie"}, latitude=52.23, longitude=21.01
    )
    html = client.get("/fr/cities/").content.decode()
    assert 'class="map-label"' in html and ">Varsovie</text>" in html
    assert ">Warsaw</text>" not in html

"""The map component: Leaflet served from the site (vendored copy matching the npm lock), no
inline script or style, tiles only when configured, and no map script on pages without a map."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]


def test_vendored_leaflet_matches_the_npm_lock():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    locked = lock["packages"]["node_modules/leaflet"]["version"]
    assert (ROOT / "static/vendor/leaflet/VERSION").read_text().strip() == locked
    script = (ROOT / "static/vendor/leaflet/leaflet.js").read_text()
    assert f'version="{locked}"' in script and "sourceMappingURL" not in script
    installed = ROOT / "node_modules/leaflet/package.json"
    if installed.exists():  # after `npm ci`, the copy must be what npm installed
        assert json.loads(installed.read_text())["version"] == locked


def render(settings, **options):
    template = Template(
        '{% load map_tags %}{% place_map "investment" query=query ref=ref label="Map" list_id="results" %}'
    )
    request = RequestFactory().get("/en/investment/")
    with translation.override("en"):
        return BeautifulSoup(template.render(Context({"request": request, **options})), "html.parser")


@pytest.mark.django_db
def test_component_carries_its_data_in_attributes_and_no_inline_code(settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Example"
    soup = render(settings, query="sector=tourism&page=2&view=map", ref="")
    box = soup.select_one("[data-place-map]")
    assert box["data-source"] == "/api/v1/places.geojson?kind=investment&lang=en&sector=tourism"
    assert box["data-tile-url"] == settings.MAP_TILE_URL
    assert box["data-tile-attribution"] == "© Example"
    assert not soup.select("[style]")
    assert all(script.get("src") for script in soup.select("script"))
    assert "#results" in str(box)  # the no-JavaScript text points to the list


@pytest.mark.django_db
def test_empty_tile_url_means_no_tiles(settings):
    settings.MAP_TILE_URL = ""
    soup = render(settings, query="", ref="kcn-a")
    box = soup.select_one("[data-place-map]")
    assert box["data-tile-url"] == "" and box["data-tile-attribution"] == ""
    assert "ref=kcn-a" in box["data-source"]


def test_tile_origin_for_a_content_security_policy(settings):
    from maps.conf import tile_origin

    settings.MAP_TILE_URL = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    assert tile_origin() == "https://*.tile.example.org"
    settings.MAP_TILE_URL = ""
    assert tile_origin() == ""


@pytest.mark.django_db
def test_home_page_loads_no_map_script(client, site):
    html = client.get("/en/").content.decode()
    assert "leaflet" not in html.lower() and "maps/map.js" not in html

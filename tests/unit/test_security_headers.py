"""Every response carries a Content-Security-Policy and a Permissions-Policy; the public
policy allows no inline script or style, the admin's only what Wagtail needs, and the map
tile host comes from MAP_TILE_URL."""

import pytest

from promo.security import tile_source


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


@pytest.mark.django_db
def test_public_pages_get_the_strict_policy_with_the_tile_host(client, site, settings):
    settings.MAP_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    response = client.get("/en/")
    csp = directives(response)
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert "https://tile.openstreetmap.org" in csp["img-src"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'self'"]
    permissions = response["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions
    assert "fullscreen=(self)" in permissions


@pytest.mark.django_db
def test_api_responses_and_errors_carry_the_policy_too(client, site):
    for path in ("/api/v1/search/?q=x&lang=vi", "/en/no-such-page/"):
        response = client.get(path)
        assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_gets_inline_scripts_and_styles(admin_client):
    csp = directives(admin_client.get("/admin/"))
    assert "'unsafe-inline'" in csp["script-src"] and "'unsafe-inline'" in csp["style-src"]


@pytest.mark.django_db
def test_the_tile_host_follows_the_setting(client, site, settings):
    settings.MAP_TILE_URL = "https://{s}.tiles.example.vn/osm/{z}/{x}/{y}.png"
    csp = directives(client.get("/en/"))
    assert "https://*.tiles.example.vn" in csp["img-src"]
    assert "tile.openstreetmap.org" not in response_text(csp)


def response_text(csp):
    return " ".join(" ".join(v) for v in csp.values())


@pytest.mark.parametrize(
    "url, source",
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080"),
        ("/static/tiles/{z}/{x}/{y}.png", None),
        ("", None),
    ],
)
def test_tile_source(url, source):
    assert tile_source(url) == source

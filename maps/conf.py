"""Map settings: tile source and attribution (Django settings MAP_TILE_URL and
MAP_TILE_ATTRIBUTION, from the environment). An empty tile URL shows the markers on a plain
background, with nothing loaded from outside the site — what the tests use."""

from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_TILE_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


def tile_url():
    return getattr(settings, "MAP_TILE_URL", DEFAULT_TILE_URL)


def tile_attribution():
    return getattr(settings, "MAP_TILE_ATTRIBUTION", DEFAULT_TILE_ATTRIBUTION) if tile_url() else ""


def tile_origin():
    """scheme://host of the tile server (for a Content-Security-Policy img-src), or ""."""
    parts = urlsplit(tile_url())
    host = parts.netloc.replace("{s}", "*")  # {s}.tile.example -> *.tile.example
    return f"{parts.scheme}://{host}" if parts.scheme and host else ""

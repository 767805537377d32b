"""Which kinds of place the map shows, and how each is filtered and described.

The map component and `/api/v1/places.geojson` know nothing about any kind: every app that has
located pages registers a `PlaceKind` in a module named `places` (or in any module of a package
named `places`), e.g. `promo/places/investment.py`:

    @register
    class InvestmentPlaces(PlaceKind):
        kind = "investment"
        def items(self, locale, params): ...      # queryset of live pages with coordinates
        def properties(self, item, request): ...  # popup content

A kind's filters are its own (the same ones as its listing page); bad filter values raise
`BadFilter`, which the endpoint answers with 400 and the message.
"""

import importlib
import pkgutil

from django.apps import apps

_KINDS = {}


class BadFilter(ValueError):
    """A filter value the kind cannot use; `errors` maps each parameter to its message."""

    def __init__(self, errors):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{key}: {message}" for key, message in self.errors.items()))


class PlaceKind:
    kind = ""
    # Variants a kind gives its markers (properties["variant"]); the stylesheet colours them.
    variants = ()

    def items(self, locale, params):
        """Located, live, public items of `locale` that pass the filters in `params`."""
        raise NotImplementedError

    def properties(self, item, request):
        """{"title", "url", "facts": [str], "variant"} for the marker's popup."""
        raise NotImplementedError

    def coordinates(self, item):
        return float(item.lon), float(item.lat)

    def feature_id(self, item):
        return getattr(item, "ref", None) or item.pk


def register(cls):
    instance = cls()
    if not instance.kind:
        raise ValueError(f"{cls.__name__} has no kind")
    if instance.kind in _KINDS and type(_KINDS[instance.kind]) is not cls:
        raise ValueError(f"place kind {instance.kind!r} is registered twice")
    _KINDS[instance.kind] = instance
    return cls


def get(kind):
    return _KINDS.get(kind)


def kinds():
    return sorted(_KINDS)


def autodiscover():
    """Import `<app>.places` of every installed app, and each module of it if it is a package."""
    for config in apps.get_app_configs():
        name = f"{config.name}.places"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        for info in pkgutil.iter_modules(getattr(module, "__path__", [])):
            importlib.import_module(f"{name}.{info.name}")

"""Write pages out as catalogue JSON Lines, one line per live translation.

Lines come sorted by kind, ref and locale (vi first), so a file exported from one site imports
into another in one pass and two exports of the same content are byte-identical.
"""

import json
from decimal import Decimal

from promo.catalogue import spec
from promo.catalogue.body import stream_to_text
from promo.catalogue.importer import page_tags
from promo.models import CATALOGUE_MODELS


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def page_to_line(page, locale_code, taxonomy_names):
    line = {"ref": page.ref, "kind": page.kind, "locale": locale_code}
    for name, key in spec.keys_for(page.kind).items():
        if key.alias_of:
            continue
        if name == "tags":
            value = page_tags(page)
        elif name == "body":
            value = stream_to_text(page.body)
        elif key.taxonomy:
            obj = getattr(page, name)
            if obj is None:
                continue
            # Communes are written by name in the line's language; codes elsewhere.
            value = (
                taxonomy_names.get((obj.translation_key, locale_code), obj.name)
                if key.taxonomy == "commune"
                else obj.slug
            )
        elif key.from_model is not None:
            value = key.from_model(getattr(page, name))
        else:
            value = _plain(getattr(page, name))
        if value in (None, "", []):
            continue
        line[name] = value
    return line


def export_lines(kinds=None, locales=None, live_only=True):
    from promo.models import Commune

    names = {
        (c.translation_key, c.locale.language_code): c.name for c in Commune.objects.select_related("locale")
    }
    for kind in spec.KINDS:
        if kinds and kind not in kinds:
            continue
        model = CATALOGUE_MODELS[kind]
        qs = model.objects.select_related("locale", "commune").prefetch_related("tagged_items__tag")
        if live_only:
            qs = qs.live()
        if locales:
            qs = qs.filter(locale__language_code__in=locales)
        if kind in ("product", "news"):
            qs = qs.select_related("category")
        if kind == "investment":
            qs = qs.select_related("sector", "investment_form", "officer")
        pages = sorted(qs, key=lambda p: (p.ref, spec.LOCALES.index(p.locale.language_code)))
        for page in pages:
            yield json.dumps(page_to_line(page, page.locale.language_code, names), ensure_ascii=False)

"""The three demo itineraries (promo/demo/itineraries.json) in every language, and the
"Itineraries" index under each tourism section. Safe to run again: pages are updated in
place and only republished when their content changed."""

import json
import uuid
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from promo.languages import LANGUAGE_CODES
from promo.models import AttractionIndexPage, TripIndexPage, TripPage

DATA_FILE = Path(__file__).with_name("itineraries.json")
LOCALES = LANGUAGE_CODES
NAMESPACE = uuid.UUID("8d0b3c1e-54a3-4f0e-9a53-2f6b1d3c9e10")


def _id(*parts):
    # The same block id in every language, as wagtail-localize expects of translations.
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def _source_pages(refs):
    from promo.models import CATALOGUE_MODELS

    pages = {}
    for model in CATALOGUE_MODELS.values():
        for page in model.objects.filter(ref__in=refs, locale__language_code="vi"):
            pages[page.ref] = page
    return pages


def _days(trip, code, pages):
    days = []
    for d, day in enumerate(trip["days"]):
        text = day["text"][code]
        stops = []
        for s, stop in enumerate(day["stops"]):
            mode, minutes, km = stop.get("travel") or ("", None, None)
            page = pages.get(stop.get("page"))
            stops.append(
                {
                    "type": "item",
                    "id": _id(trip["ref"], d, s),
                    "value": {
                        "time": stop["time"],
                        "page": page.pk if page else None,
                        "name": (stop.get("name") or {}).get(code, ""),
                        "lat": str(stop["lat"]) if "lat" in stop else None,
                        "lon": str(stop["lon"]) if "lon" in stop else None,
                        "description": stop["text"][code],
                        "stay_minutes": stop.get("stay"),
                        "travel_mode": mode,
                        "travel_minutes": minutes,
                        "travel_km": str(km) if km is not None else None,
                    },
                }
            )
        days.append(
            {
                "type": "day",
                "id": _id(trip["ref"], d),
                "value": {"title": text["title"], "intro": text["intro"], "stops": stops},
            }
        )
    return days


def _publish_if_changed(page, values):
    changed = page.pk is None
    for name, value in values.items():
        current = getattr(page, name)
        if name == "days":
            current = json.dumps(current.get_prep_value(), sort_keys=True) if page.pk else None
            new = json.dumps(value, sort_keys=True)
            if current != new:
                changed = True
        elif current != value:
            changed = True
        setattr(page, name, value)
    return changed


def ensure_trip_indexes(data):
    indexes, source = {}, None
    for code in LOCALES:
        locale = Locale.objects.get(language_code=code)
        parent = AttractionIndexPage.objects.filter(locale=locale).first()
        index = TripIndexPage.objects.filter(locale=locale).first()
        if index is None and parent is not None:
            title, slug = data["index"][code]
            index = TripIndexPage(
                title=title, slug=slug, locale=locale, live=False, intro=f"<p>{data['index_intro'][code]}</p>"
            )
            if source is not None:
                index.translation_key = source.translation_key
            parent.add_child(instance=index)
            index.save_revision().publish()
        if index is not None:
            indexes[code] = index
            source = source or index
    return indexes


@transaction.atomic
def load_itineraries(with_pictures=True):
    """Create or update the demo itineraries; returns "N created, M updated"."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    indexes = ensure_trip_indexes(data)
    refs = {
        stop["page"]
        for trip in data["trips"]
        for day in trip["days"]
        for stop in day["stops"]
        if stop.get("page")
    }
    pages = _source_pages(refs)
    created = updated = 0
    for trip in data["trips"]:
        source = None
        for code in LOCALES:
            if code not in indexes:
                continue
            text = trip["text"][code]
            page = TripPage.objects.filter(ref=trip["ref"], locale=indexes[code].locale).first()
            is_new = page is None
            if is_new:
                page = TripPage(ref=trip["ref"], slug=trip["ref"], locale=indexes[code].locale, live=False)
                if source is not None:
                    page.translation_key = source.translation_key
            values = {
                "title": text["title"],
                "summary": text["summary"],
                "start_point": text["start_point"],
                "duration": trip["duration"],
                "days": _days(trip, code, pages),
            }
            if source is not None and source.hero_image_id:
                values["hero_image_id"] = source.hero_image_id
            if values.get("hero_image_id") or page.hero_image_id:
                values["hero_alt"] = _alt(trip["ref"], code)
            changed = _publish_if_changed(page, values)
            if is_new:
                indexes[code].add_child(instance=page)
            if changed:
                page.full_clean()
                page.save_revision().publish()
                created, updated = created + is_new, updated + (not is_new)
            if code == "vi":
                source = page
                if with_pictures and not page.hero_image_id:
                    _add_picture(page)
    return f"{created} created, {updated} updated"


def _alt(ref, code):
    """What the trip's picture shows, in the page's language (as the catalogue's pictures)."""
    from promo.demo.images import alt_text, scene_for

    return alt_text(scene_for(ref, "itinerary"), code)


def _add_picture(page):
    import io

    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from promo.demo.images import make_demo_image

    data = make_demo_image(page.ref, "itinerary")
    buffer = io.BytesIO(data)
    buffer.name = f"{page.ref}.jpg"
    image = get_image_model()(title=page.title)
    image.file = ImageFile(buffer, name=f"{page.ref}.jpg")
    image.save()
    page.hero_image = image
    page.hero_alt = _alt(page.ref, "vi")
    page.save_revision().publish()

"""Load checked catalogue records into pages: an upsert keyed by (ref, locale), all or nothing.

The Vietnamese line of a ref is the source page; other locales become its translations (same
translation key, under the section index of their locale). A translation leaves out keys
that are the same in every language (dates, numbers, codes) and takes them from its source.
"""
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction

from promo.catalogue import spec, visit_keys
from promo.catalogue.body import stream_to_text, text_to_stream
from promo.catalogue.parse import Problem
from promo.catalogue.site import ensure_site
from promo.catalogue.taxonomy import TaxonomyResolver
from promo.models import CATALOGUE_MODELS, INDEX_MODELS

# Keys whose value is the same in every translation of an item.
SHARED_KEYS = {
    "published", "commune", "start", "end", "registration_url", "lat", "lon", "ticket_vnd",
    "ocop_stars", "price_from_vnd", "sector", "area_ha", "status",
    "contact_email", "category",
    # Proper names a translator may leave untranslated: better shown in Vietnamese than not at all.
    "venue", "organizer", "producer",
    # Investment deal facts (numbers, dates, codes; the names of places and agencies).
    "investment_form", "officer", "capital_vnd", "in_land_use_plan", "site_clearance",
    "policy_decision", "decision_expected", "construction_start", "land_use_type",
    "land_use_term_years", "lease_price_min_vnd", "lease_price_max_vnd", "power_kv", "hcmc_km",
    "hcmc_minutes", "airport_km", "airport_minutes", "seaport_km", "seaport_minutes",
    "industrial_park_km", "industrial_park_minutes", "promoter", "seaport_name",
    "industrial_park_name", "road_access", "water", "wastewater",
    # Legal information: in Vietnamese rather than missing from a translation.
    "incentives",
} | visit_keys.SHARED


class ImportFailed(Exception):
    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    by_kind: dict = field(default_factory=dict)

    @property
    def total(self):
        return self.created + self.updated + self.unchanged


def _locale_order(record):
    return spec.LOCALES.index(record.locale)


def check_against_site(records, resolver):
    """Problems that need the database: taxonomy words, refs owned by another kind, and
    translations without a Vietnamese source."""
    problems = []
    in_file_vi = {r.ref for r in records if r.locale == "vi"}
    refs = {r.ref for r in records}
    existing = {}
    for kind, model in CATALOGUE_MODELS.items():
        for ref, code in model.objects.filter(ref__in=refs).values_list("ref", "locale__language_code"):
            existing.setdefault(ref, {"kind": kind, "locales": set()})["locales"].add(code)
    for record in records:
        found = existing.get(record.ref)
        if found and found["kind"] != record.kind:
            problems.append(Problem(record.line, "kind", f"{record.ref} is a {found['kind']} on "
                                                         f"the site, not a {record.kind}"))
        if record.locale != "vi" and record.ref not in in_file_vi and not (
                found and "vi" in found["locales"]):
            problems.append(Problem(record.line, "locale", f"{record.ref} has no vi line in the "
                                                           "file or on the site to translate"))
        for key in spec.keys_for(record.kind).values():
            if key.taxonomy and key.name in record.values:
                try:
                    resolver.resolve(key.taxonomy, record.values[key.name], record.locale)
                except LookupError as exc:
                    problems.append(Problem(record.line, key.name, str(exc)))
    return problems


def desired_fields(record, resolver, source=None):
    """Model field values a record asks for; shared keys it leaves out come from `source`."""
    values = {}
    kind_keys = spec.keys_for(record.kind)
    for name, key in kind_keys.items():
        if name == "tags":
            continue
        if key.alias_of:
            if name in record.values:
                values[key.alias_of] = key.to_model(record.values[name])
            continue
        if name in record.values:
            value = record.values[name]
            if key.taxonomy:
                value = resolver.resolve(key.taxonomy, value, record.locale)
        elif source is not None and name in SHARED_KEYS:
            value = getattr(source, name)
            if key.taxonomy and value is not None:
                value = value.get_translation_or_none(_locale(record)) or value
        else:
            value = None
        if name == "body":
            value = text_to_stream(value or "")
        elif key.to_model is not None:
            if value is not None and not isinstance(value, list):  # taken from the source page
                value = key.from_model(value)
            value = key.to_model(value or [])
        elif value is None and not key.taxonomy:
            value = _empty_value(record.kind, name)
        values[name] = value
    return values


def _locale(record):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=record.locale)


def _empty_value(kind, name):
    """What a field holds when its key is left out: its default, else empty."""
    try:
        field = CATALOGUE_MODELS[kind]._meta.get_field(name)
    except FieldDoesNotExist:
        return None  # a key the page stores through a property (promo.models.visit_exchange)
    if field.has_default():
        return field.get_default()
    return None if field.null else ""


def _differs(page, values, tags):
    keys = spec.keys_for(page.kind)
    for name, value in values.items():
        current = getattr(page, name)
        from_model = keys[name].from_model if name in keys else None
        if from_model is not None:
            if from_model(current) != from_model(value):
                return True
        elif name == "body":
            if stream_to_text(current) != stream_to_text_from_pairs(value):
                return True
        elif hasattr(current, "pk") or hasattr(value, "pk"):
            if getattr(current, "pk", None) != getattr(value, "pk", None):
                return True
        elif current != value:
            return True
    return page_tags(page) != tags


def page_tags(page):
    return [item.tag.name for item in sorted(page.tagged_items.all(), key=lambda i: i.pk)]


def stream_to_text_from_pairs(pairs):
    from promo.catalogue.body import rich_text_to_paragraphs

    return "\n\n".join(p for _t, html in pairs for p in rich_text_to_paragraphs(html))


def _write(page, values, tags):
    for name, value in values.items():
        setattr(page, name, value)
    page.tags.set(tags)
    page.full_clean()
    page.save_revision().publish()


def import_records(records, progress=None):
    """Upsert `records` (already checked by parse_file) in one transaction."""
    resolver = TaxonomyResolver()
    problems = check_against_site(records, resolver)
    if problems:
        raise ImportFailed(problems)
    summary = Summary()
    ordered = sorted(records, key=lambda r: (r.ref, _locale_order(r)))
    with transaction.atomic():
        ensure_site()
        from wagtail.models import Locale

        locales = {loc.language_code: loc for loc in Locale.objects.all()}
        indexes = {
            (kind, code): INDEX_MODELS[kind].objects.get(locale=locales[code])
            for kind in spec.KINDS for code in spec.LOCALES
        }
        sources = {}
        for done, record in enumerate(ordered, 1):
            model = CATALOGUE_MODELS[record.kind]
            locale = locales[record.locale]
            source = None
            if record.locale != "vi":
                source = sources.get(record.ref) or model.objects.get(ref=record.ref,
                                                                      locale=locales["vi"])
            values = desired_fields(record, resolver, source)
            tags = record.values.get("tags", [])
            page = model.objects.filter(ref=record.ref, locale=locale).first()
            if page is None:
                page = model(ref=record.ref, slug=record.ref, locale=locale, live=False)
                if source is not None:
                    page.translation_key = source.translation_key
                for name, value in values.items():
                    setattr(page, name, value)
                indexes[(record.kind, record.locale)].add_child(instance=page)
                _write(page, values, tags)
                outcome = "created"
            elif _differs(page, values, tags):
                _write(page, values, tags)
                outcome = "updated"
            else:
                outcome = "unchanged"
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            counts = summary.by_kind.setdefault(record.kind, {"created": 0, "updated": 0,
                                                              "unchanged": 0})
            counts[outcome] += 1
            if record.locale == "vi":
                sources[record.ref] = page
            if progress:
                progress(done, len(ordered))
    return summary

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
from promo.catalogue.slugs import new_page_slug
from promo.catalogue.taxonomy import TaxonomyResolver
from promo.collation import sort_key
from promo.models import CATALOGUE_MODELS, INDEX_MODELS
from promo.models.investment import DEAL_FACT_NUMBERS

# Keys whose value is the same in every translation of an item.
SHARED_KEYS = {
    "published",
    "commune",
    "start",
    "end",
    "registration_url",
    "lat",
    "lon",
    "ticket_vnd",
    "ocop_stars",
    "price_from_vnd",
    "sector",
    "area_ha",
    "status",
    "contact_email",
    "category",
    # Proper names a translator may leave untranslated: better shown in Vietnamese than not at all.
    "venue",
    "organizer",
    "producer",
    # Investment deal facts (numbers, dates, codes; the names of places and agencies).
    "investment_form",
    "officer",
    *DEAL_FACT_NUMBERS,
    "promoter",
    "seaport_name",
    "industrial_park_name",
    "road_access",
    "water",
    "wastewater",
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
    write_seconds: float = 0.0  # how long the write transaction held the database

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
            problems.append(
                Problem(
                    record.line, "kind", f"{record.ref} is a {found['kind']} on the site, not a {record.kind}"
                )
            )
        if (
            record.locale != "vi"
            and record.ref not in in_file_vi
            and not (found and "vi" in found["locales"])
        ):
            problems.append(
                Problem(
                    record.line,
                    "locale",
                    f"{record.ref} has no vi line in the file or on the site to translate",
                )
            )
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
                value = resolver.in_locale(key.taxonomy, value, record.locale)
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

    return "\n\n".join(p for block in pairs for p in rich_text_to_paragraphs(block["value"]))


def _wagtail_write(item):
    """Wagtail's own per-page path, for the few pages its publishing logic must handle."""
    page, tags = item.page, item.tags
    if item.new:
        item.parent.add_child(instance=page)
    page.tags.set(tags)
    page.full_clean()
    page.save_revision().publish()


# Fields the importer sets or checks itself; the rest are validated like a model form would.
_NOT_VALIDATED = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "content_type",
    "locale",
    "translation_key",
    "latest_revision",
    "live_revision",
    "owner",
    "locked_by",
    "alias_of",
    "hero_image",
    "body",
    "related",
    "page_ptr",
    "id",
}


def _validate(page, line, problems):
    from django.core.exceptions import ValidationError

    exclude = _NOT_VALIDATED | {f.name for f in type(page)._meta.concrete_fields if f.is_relation}
    try:
        page.clean_fields(exclude=exclude)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            problems.extend(Problem(line, name, str(m)) for m in messages)


def _needs_wagtail(page, aliased, in_workflow):
    """Scheduled pages, pages with aliases or in a workflow: Wagtail's publish handles them."""
    from django.utils import timezone

    return page.pk is not None and (
        (page.go_live_at and page.go_live_at > timezone.now()) or page.pk in aliased or page.pk in in_workflow
    )


def _existing_pages(records, locales):
    """{(ref, locale code): page} for the refs of `records`, with tags, in a query or two a kind."""
    found = {}
    for kind in spec.KINDS:
        refs = {r.ref for r in records if r.kind == kind}
        if not refs:
            continue
        qs = CATALOGUE_MODELS[kind].objects.filter(ref__in=refs).prefetch_related("tagged_items__tag")
        for page in qs:
            found[(page.ref, locales[page.locale_id].language_code)] = page
    return found


def prepare(records, resolver, progress=None):
    """Decide everything an import writes, reading only: (Plan, Summary, problems)."""
    from uuid import uuid4

    from wagtail.models import Locale, Page, WorkflowState

    from promo.catalogue.writer import Plan, Planned

    locales = {loc.pk: loc for loc in Locale.objects.all()}
    by_code = {loc.language_code: loc for loc in locales.values()}
    indexes = {}
    for kind in spec.KINDS:
        for index in INDEX_MODELS[kind].objects.all():
            indexes[(kind, locales[index.locale_id].language_code)] = index
    existing = _existing_pages(records, locales)
    existing_ids = [p.pk for p in existing.values()]
    aliased = set(Page.objects.filter(alias_of__in=existing_ids).values_list("alias_of", flat=True))
    in_workflow = {
        int(i)
        for i in WorkflowState.objects.active()
        .filter(object_id__in=[str(i) for i in existing_ids])
        .values_list("object_id", flat=True)
    }
    slugs = {}  # section index id -> {slug: page id} of its children

    plan, summary, problems = Plan(), Summary(), []
    ordered = sorted(records, key=lambda r: (r.ref, _locale_order(r)))
    sources = {}
    for done, record in enumerate(ordered, 1):
        model = CATALOGUE_MODELS[record.kind]
        locale = by_code[record.locale]
        source = (
            None if record.locale == "vi" else (sources.get(record.ref) or existing.get((record.ref, "vi")))
        )
        values = desired_fields(record, resolver, source)
        tags = record.values.get("tags", [])
        page = existing.get((record.ref, record.locale))
        if page is None:
            parent = indexes[(record.kind, record.locale)]
            if parent.pk not in slugs:
                slugs[parent.pk] = dict(Page.objects.child_of(parent).values_list("slug", "pk"))
            taken = slugs[parent.pk]
            slug = new_page_slug(record.ref, record.locale, record.values.get("title"), taken)
            if slug in taken:
                problems.append(
                    Problem(
                        record.line,
                        "ref",
                        f"the address {slug!r} is already taken by another page in that section",
                    )
                )
                continue
            taken[slug] = None  # this import's
            page = model(
                ref=record.ref,
                slug=slug,
                locale=locale,
                live=True,
                has_unpublished_changes=False,
                translation_key=source.translation_key if source else uuid4(),
            )
            outcome = "created"
        elif _differs(page, values, tags):
            outcome = "updated"
        else:
            outcome = "unchanged"
        if outcome != "unchanged":
            for name, value in values.items():
                setattr(page, name, value)
            page.draft_title = page.title
            # the bulk writer does not call save(), which keeps the sort key in step
            page.title_sort_key = sort_key(page.title, record.locale)
            page.live = True
            _validate(page, record.line, problems)
            item = Planned(
                record.line,
                page,
                tags,
                new=outcome == "created",
                parent=indexes[(record.kind, record.locale)],
                content=page.serializable_data(),
            )
            plan.pages.append(item)
            if _needs_wagtail(page, aliased, in_workflow):
                plan.slow.append(item)
        setattr(summary, outcome, getattr(summary, outcome) + 1)
        counts = summary.by_kind.setdefault(record.kind, {"created": 0, "updated": 0, "unchanged": 0})
        counts[outcome] += 1
        if record.locale == "vi":
            sources[record.ref] = page
        if progress and (done % 50 == 0 or done == len(ordered)):
            progress(done, len(ordered))
    return plan, summary, problems


def record_translations_later(page_ids):
    from promo.tasks import enqueue_for_pages, record_imported_translations

    enqueue_for_pages(record_imported_translations, page_ids)


def import_records(records, progress=None):
    """Upsert `records` (already checked by parse_file): everything is checked and prepared
    reading only, then written in one short transaction (all or nothing)."""
    from promo.catalogue import writer

    resolver = TaxonomyResolver()
    problems = check_against_site(records, resolver)
    if problems:
        raise ImportFailed(problems)
    ensure_site()
    plan, summary, problems = prepare(records, resolver, progress)
    if problems:
        raise ImportFailed(problems)
    if plan.pages:
        import time

        started = time.monotonic()
        try:
            with transaction.atomic():
                writer.write(plan, wagtail_write=_wagtail_write)
                summary.write_seconds = time.monotonic() - started
        except writer.SiteChanged as exc:
            raise ImportFailed(
                [
                    Problem(
                        0, "", "pages changed on the site while the file was being checked; import it again"
                    )
                ]
            ) from exc
        # the translations join wagtail-localize's sync, as if made in its editor: in the
        # background, after the short write transaction
        record_translations_later([item.page.pk for item in plan.pages])
    return summary

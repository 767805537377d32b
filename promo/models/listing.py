"""Index pages: one per kind, listing its live children with facet filters, sorting and
pagination. Filtering happens in SQL on the kind's own table; the number of queries does not
grow with the page size (tests assert it)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page

from pagecache.memo import ViewRestrictionsFromMemo, per_generation, public
from promo.collation import sort_key_ordering
from promo.translation_fallback import fallback_languages, items_with_fallback, mark_items, translations_of

LISTING_RENDITIONS = ("fill-400x260|format-webp", "fill-800x520|format-webp")


class CatalogueIndexPage(ViewRestrictionsFromMemo, Page):
    kind: str = ""
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    # (GET parameter, label, model field holding a snippet with a `slug`) per facet
    facet_fields: tuple = (("commune", _("Commune"), "commune"),)
    # (value, label, ordering) — the first is the default
    sort_options: tuple = (
        ("newest", _("Newest first"), ("-published", "-first_published_at")),
        ("title", _("Title A–Z"), ("title",)),
    )

    class Meta:
        abstract = True

    @property
    def item_model(self):
        from promo.models import CATALOGUE_MODELS

        return CATALOGUE_MODELS[self.kind]

    def section_translations(self):
        """{language code: this section in it} for this page's language and its fallbacks (one
        query, kept until the content changes: pagecache.memo)."""

        def load():
            codes = [code for code, _name in settings.LANGUAGES]
            found = translations_of(self, codes)
            own = next((c for c, p in found.items() if p.pk == self.pk), None)
            own = own or self.locale.language_code
            return own, {c: found[c] for c in fallback_languages(own) if c in found}

        return per_generation(("section-translations", self.pk), load)

    def base_queryset(self):
        """The section's live items in this page's language and, for items not translated into
        it yet, in their best available translation (translation_fallback)."""
        model = self.item_model
        images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
        code, sections = self.section_translations()
        queryset = (
            public(model.objects.live())  # the view restrictions from the memo, not a query
            .select_related("commune", *self.extra_select_related())
            .prefetch_related(Prefetch("hero_image", queryset=images), *self.extra_prefetch_related())
        )
        return items_with_fallback(queryset, sections, code)

    def default_sort(self, params):
        return self.sort_options[0][0]

    def extra_select_related(self):
        return ()

    def extra_prefetch_related(self):
        """Rows a card of this kind shows beyond the page's own (kept per kind so a listing and
        the home sections both fetch them in one query each)."""
        return ()

    def facet_choices(self):
        """Options for each facet filter, in this page's language."""
        options = {}
        for param, label, field in self.facet_fields:
            related = self.item_model._meta.get_field(field).related_model
            options[param] = {
                "label": label,
                "choices": [
                    (obj.slug, obj.name)
                    for obj in related.objects.filter(
                        locale_id=self.locale_id, **self.facet_limit(param)
                    ).order_by("name")
                ],
            }
        return options

    def facet_limit(self, param):
        return {}

    def apply_filters(self, qs, params):
        active = {}
        for param, _label, field in self.facet_fields:
            values = [v for v in params.getlist(param) if v]
            if values:
                qs = qs.filter(**{f"{field}__slug__in": values})
                active[param] = values
        return qs, active

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        qs, active = self.apply_filters(self.base_queryset(), request.GET)
        sorts = {value: ordering for value, _label, ordering in self.sort_options}
        sort = request.GET.get("sort")
        if sort not in sorts:
            sort = self.default_sort(request.GET)
        qs = qs.order_by(*sort_key_ordering(sorts[sort]), "pk")
        paginator = Paginator(qs, settings.CATALOGUE_PAGE_SIZE)
        items = paginator.get_page(request.GET.get("page"))  # not a number: 1; past the end: the last
        code, sections = self.section_translations()
        items.object_list = mark_items(list(items.object_list), sections, code, request)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            items=items,
            facets=self.facet_choices(),
            active_filters=active,
            sort=sort,
            sort_options=[(v, label) for v, label, _o in self.sort_options],
            filter_querystring=query.urlencode(),
        )
        return context

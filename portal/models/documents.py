"""Legal and administrative documents (Decree 42/2022): type, issuer, number, dates, abstract and
the downloadable file, listed with filters whose query count does not depend on the page size."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pagecache.memo import ViewRestrictionsFromMemo

DOCUMENT_TYPES = [
    ("decree", _("Decree")),
    ("circular", _("Circular")),
    ("plan", _("Plan")),
    ("decision", _("Decision")),
    ("notice", _("Notice")),
    ("report", _("Report")),
    ("other", _("Other")),
]
PAGE_SIZE = 20


class DocumentIndexPage(ViewRestrictionsFromMemo, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["portal.OfficialDocumentPage"]
    max_count_per_parent = 1
    template = "portal/document_index_page.html"

    class Meta:
        verbose_name = _("documents index page")

    def documents(self):
        return (
            OfficialDocumentPage.objects.live()
            .public()
            .child_of(self)
            .select_related("file")
            .order_by("-issued", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        all_docs = self.documents()
        qs = all_docs
        doc_type = request.GET.get("type", "")
        if doc_type in dict(DOCUMENT_TYPES):
            qs = qs.filter(doc_type=doc_type)
        else:
            doc_type = ""
        issuer = request.GET.get("issuer", "").strip()
        if issuer:
            qs = qs.filter(issuer=issuer)
        year = request.GET.get("year", "")
        if year.isdigit():
            qs = qs.filter(issued__year=int(year))
        else:
            year = ""
        paginator = Paginator(qs, PAGE_SIZE)
        documents = paginator.get_page(request.GET.get("page"))  # not a number: 1; past the end: the last
        params = request.GET.copy()
        params.pop("page", None)
        context.update(
            documents=documents,
            filters={"type": doc_type, "issuer": issuer, "year": year},
            type_choices=DOCUMENT_TYPES,
            issuer_choices=list(all_docs.order_by("issuer").values_list("issuer", flat=True).distinct()),
            year_choices=[d.year for d in all_docs.order_by().dates("issued", "year", order="DESC")],
            query_string=params.urlencode(),
        )
        return context


class OfficialDocumentPage(ViewRestrictionsFromMemo, Page):
    # The site search indexes documents next to the catalogue kinds under this kind.
    kind = "document"

    doc_type = models.CharField(_("document type"), max_length=20, choices=DOCUMENT_TYPES, default="plan")
    number = models.CharField(
        _("number"), max_length=60, blank=True, help_text=_("As printed on the document, e.g. 64/KH-UBND.")
    )
    issuer = models.CharField(_("issuer"), max_length=200)
    issued = models.DateField(_("date issued"))
    effective = models.DateField(_("effective date"), null=True, blank=True)
    abstract = models.TextField(_("abstract"))
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(_("body"), blank=True, features=["h3", "bold", "italic", "ol", "ul", "link"])

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doc_type"), FieldPanel("number")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("issued"), FieldPanel("effective")]),
            ],
            heading=_("Document details"),
        ),
        FieldPanel("abstract"),
        FieldPanel("file"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number"),
        index.SearchField("abstract"),
        index.SearchField("body"),
        index.FilterField("doc_type"),
        index.FilterField("issued"),
    ]
    override_translatable_fields = [
        SynchronizedField("doc_type"),
        SynchronizedField("number"),
        SynchronizedField("issued"),
        SynchronizedField("effective"),
        SynchronizedField("file"),
    ]
    parent_page_types = ["portal.DocumentIndexPage"]
    subpage_types = []
    template = "portal/official_document_page.html"

    class Meta:
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")

    @property
    def ref(self):
        """The search id shared by every translation of the document.

        Catalogue items carry an editor-given `ref`; documents are identified by their number,
        which is neither always present nor unique across issuers and years, so the id comes
        from the translation key that all translations share.
        """
        return f"document-{self.translation_key.hex[:12]}"

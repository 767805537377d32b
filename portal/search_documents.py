"""The portal's official documents in the site search (kind `document`), registered by
`PortalConfig.ready`: Decree 42/2022 requires documents to be found by the site's one search
box. Number, issuer and type are indexed as text; there are no facets."""

from django.utils.translation import override

from promo.catalogue.body import rich_text_to_paragraphs
from search.documents import SearchDocument
from search.registry import register_kind


def official_document(page, shared):
    """A SearchDocument for a live `OfficialDocumentPage` translation.

    The type is indexed in the page's own language ("Kế hoạch", "Plan") so `ke hoach 64` finds
    the plan; number, issuer and dates are also result-card facts.
    """
    with override(page.locale.language_code):
        type_label = str(page.get_doc_type_display())
    facts = {"doc_type": page.doc_type, "issuer": page.issuer, "issued": page.issued.isoformat()}
    if page.number:
        facts["number"] = page.number
    if page.effective:
        facts["effective"] = page.effective.isoformat()
    # "Nghị định 42/2022/NĐ-CP" is how people name a document: weighted like tags, not body text.
    tags = tuple(tag for tag in (f"{type_label} {page.number}".strip(), page.issuer) if tag)
    return SearchDocument(
        ref=page.ref,
        kind=page.kind,
        locale=page.locale.language_code,
        title=page.title,
        url=page.get_url() or "",
        summary=page.abstract,
        text="\n\n".join(rich_text_to_paragraphs(page.body or "")),
        tags=tags,
        published=page.issued,
        facts=facts,
    )


def register():
    from portal.models.documents import DOCUMENT_TYPES, OfficialDocumentPage

    register_kind(
        OfficialDocumentPage.kind, OfficialDocumentPage, official_document, {"doc_type": DOCUMENT_TYPES}
    )

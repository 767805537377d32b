"""A small catalogue with every dataset's kind, plus what must never be served: a draft, a
page behind a view restriction, and an image and a document in a private collection."""

import pytest
from django.core.cache import cache

from tests.factories import InvestmentLine, NewsLine, ProductLine, load_lines, translated

SECRET = "bí-mật-không-công-bố"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()  # rate-limit counts and built files
    yield
    cache.clear()


@pytest.fixture(scope="module")
def _module_catalogue(request):
    """The catalogue, built once for a module whose database tests all use it. (In each module,
    the tests without it come first, so that they do not keep it from being shared.)"""
    from tests.conftest import shared_content

    if not shared_content(request, "catalogue"):
        return None
    return request.getfixturevalue("module_content")(add_catalogue)


@pytest.fixture
def catalogue(_module_catalogue, site, settings):
    if _module_catalogue:
        return _module_catalogue.for_test(settings)
    return add_catalogue()


def add_catalogue():
    from django.core.files.base import ContentFile
    from django.test import TestCase
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

    from portal.demo import ensure_documents
    from promo.models import InvestmentPage, ProductPage
    from tests.tourism.conftest import attraction_lines, build_trip

    opportunity = InvestmentLine(
        ref="kcn-mau", title="Khu công nghiệp mẫu", lat=11.25, lon=106.45, commune="xã Long Hòa"
    )
    formula = ProductLine(
        ref="cong-thuc", title='=HYPERLINK("http://evil.example")', producer="+cmd|' /C calc'!A0"
    )
    lines = attraction_lines() + [
        opportunity,
        translated(opportunity, "en", title="Sample industrial park"),
        ProductLine(ref="mat-ong", title="Mật ong hoa cao su"),
        formula,
        NewsLine(ref="tin-mau"),
    ]
    from tests.factories import FairLine

    fair = FairLine(
        ref="phien-cho-2026", title="Phiên chợ", start="2099-12-10", end="2099-12-12", lat=11.27, lon=106.36
    )
    lines += [fair, translated(fair, "en", title="Farm market")]
    with TestCase.captureOnCommitCallbacks(execute=True):  # indexing, as after the import's commit
        load_lines(lines)
    trip = build_trip()
    documents = ensure_documents()

    # A draft: never published.
    index = InvestmentPage.objects.get(ref="kcn-mau", locale__language_code="vi").get_parent()
    draft = InvestmentPage(
        ref="du-an-nhap", slug="du-an-nhap", title=f"Dự án nháp {SECRET}", summary=SECRET, live=False
    )
    index.add_child(instance=draft)
    draft.save_revision()
    # A restricted page: published, but behind a password.
    product_index = ProductPage.objects.get(ref="mat-ong").get_parent()
    restricted = ProductPage(
        ref="san-pham-han-che", slug="san-pham-han-che", title=f"Sản phẩm hạn chế {SECRET}", summary=SECRET
    )
    product_index.add_child(instance=restricted)
    restricted.save_revision().publish()
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="hidden")

    # Media: one public image, one image and one document in a private collection.
    from tests.opendata.media import png_bytes

    root = Collection.get_first_root_node()
    private = root.add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="hidden"
    )
    image_model, document_model = get_image_model(), get_document_model()
    public_image = image_model.objects.create(
        title="Public picture", file=ContentFile(png_bytes(), name="public.png")
    )
    private_image = image_model.objects.create(
        title=f"Private picture {SECRET}",
        collection=private,
        file=ContentFile(png_bytes(), name="private.png"),
    )
    private_document = document_model.objects.create(
        title=f"Private file {SECRET}", collection=private, file=ContentFile(b"secret", name="private.txt")
    )
    return {
        "trip": trip,
        "documents": documents,
        "draft": draft,
        "restricted": restricted,
        "public_image": public_image,
        "private_image": private_image,
        "private_document": private_document,
    }

import io

import pytest

from promo.languages import LANGUAGE_CODES
from tests.factories import (
    AttractionLine,
    FairLine,
    InvestmentLine,
    NewsLine,
    ProductLine,
    load_lines,
    translated,
)

LOCALES = LANGUAGE_CODES


@pytest.fixture
def make_image(db):
    def make(name="hero", size=(1600, 900)):
        from django.core.files.images import ImageFile
        from wagtail.images import get_image_model

        from promo.demo.images import make_demo_image

        data = io.BytesIO(make_demo_image(name, "attraction", name, size=size))
        return get_image_model().objects.create(title=name, file=ImageFile(data, name=f"{name}.png"))

    return make


@pytest.fixture(scope="module")
def _module_every_kind(request):
    """`every_kind`, built once for a module whose database tests all use it."""
    from tests.conftest import shared_content

    if not shared_content(request, "every_kind"):
        return None
    return request.getfixturevalue("module_content")(add_every_kind)


@pytest.fixture
def every_kind(_module_every_kind, site, settings):
    """One item of each kind in all five languages."""
    if _module_every_kind:
        return _module_every_kind.for_test(settings)
    return add_every_kind()


def add_every_kind():
    lines = []
    for factory, ref in (
        (ProductLine, "honey"),
        (FairLine, "expo"),
        (AttractionLine, "nui-cau"),
        (InvestmentLine, "park"),
        (NewsLine, "harvest"),
    ):
        line = factory(ref=ref)
        lines.append(line)
        lines += [translated(line, code) for code in LOCALES[1:]]
    load_lines(lines)
    return lines

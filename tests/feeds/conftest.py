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


@pytest.fixture
def every_kind(site):
    """One item of each kind in all five languages."""
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

"""Factories for catalogue content: JSON Lines records (the format staff load) and pages."""

import itertools
import json

import factory

from promo.catalogue.importer import import_records
from promo.catalogue.parse import parse_file

_seq = itertools.count(1)


class LineFactory(factory.DictFactory):
    """One catalogue line as a dict; `kind` decides which extra keys make sense."""

    ref = factory.Sequence(lambda n: f"item-{n:04d}")
    kind = "product"
    locale = "vi"
    title = factory.Sequence(lambda n: f"Sản phẩm mẫu số {n}")
    summary = "Một sản phẩm mẫu của Dầu Tiếng."
    body = "Đoạn thứ nhất.\n\nĐoạn thứ hai."
    commune = "xã Dầu Tiếng"


class ProductLine(LineFactory):
    kind = "product"
    category = "food"
    ocop_stars = 3
    price_from_vnd = 120000
    unit = "hộp"
    producer = "Cơ sở mẫu (sample)"


class FairLine(LineFactory):
    kind = "fair"
    title = factory.Sequence(lambda n: f"Hội chợ mẫu {n}")
    start = "2026-12-10"
    end = "2026-12-14"
    venue = "Nhà văn hóa xã Dầu Tiếng"
    organizer = "Trung tâm Xúc tiến (sample)"


class AttractionLine(LineFactory):
    kind = "attraction"
    title = factory.Sequence(lambda n: f"Điểm đến mẫu {n}")
    category = "nature"
    lat = 11.33
    lon = 106.33
    opening_hours = "06:00–17:00"


class InvestmentLine(LineFactory):
    kind = "investment"
    title = factory.Sequence(lambda n: f"Dự án mẫu {n}")
    sector = "manufacturing"
    area_ha = 12.5
    capital_vnd = 130_000_000_000
    status = "open"
    contact_email = "invest@example.com"


class NewsLine(LineFactory):
    kind = "news"
    title = factory.Sequence(lambda n: f"Tin mẫu {n}")
    category = "economy"
    published = "2026-11-01"


LINE_FACTORIES = {
    "product": ProductLine,
    "fair": FairLine,
    "attraction": AttractionLine,
    "investment": InvestmentLine,
    "news": NewsLine,
}


def translated(line, locale, **changes):
    """The same item as `line` in another locale (shared keys left to the source)."""
    out = {
        "ref": line["ref"],
        "kind": line["kind"],
        "locale": locale,
        "title": f"{line['title']} ({locale})",
        "summary": f"Summary in {locale}.",
    }
    if line["kind"] == "fair":  # the format requires the dates on every fair line
        out.update(start=line["start"], end=line["end"])
    out.update(changes)
    return out


def to_jsonl(lines):
    return "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"


def load_lines(lines):
    """Import lines through the real importer; fail loudly on problems."""
    records, problems = parse_file(to_jsonl(lines).encode().splitlines(keepends=True))
    assert not problems, problems
    return import_records(records)


def enquiry_form_data():
    """What a visitor fills in on the enquiry form (a valid submission; honeypot empty)."""
    return {
        "name": "Kim Min-jun",
        "company": "Hanbit Materials",
        "country": "KR",
        "email": "minjun@example.com",
        "phone": "+82 2 1234 5678",
        "message": "We would like to visit the site in January.",
        "consent": "on",
        "website": "",
    }

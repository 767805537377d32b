"""Demo data for the investment section, kept apart from catalogue.jsonl: the two officers, the
exchange rate, the decree the incentives cite, and the ten opportunities with their deal facts
(investment.jsonl, loaded through the catalogue importer). All of it is sample data."""

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from promo.catalogue.importer import import_records
from promo.catalogue.parse import parse_file
from promo.languages import LANGUAGE_CODES

INVESTMENT_FILE = Path(__file__).resolve().parent / "investment.jsonl"
LOCALES = LANGUAGE_CODES

# A realistic commercial-bank selling rate for late 2026 (sample: staff set the real one).
RATE = {
    "vnd_per_usd": Decimal("26380"),
    "rate_date": dt.date(2026, 11, 27),
    "source": "Vietcombank selling rate (sample)",
}

OFFICERS = [
    {
        "slug": "nguyen-thi-lan",
        "name": "Nguyễn Thị Lan",
        "phone": "+84 28 0000 0101",
        "email": "lan.nguyen@dautieng-promo.example",
        "languages": "vi,en,ko",
        "title": {
            "vi": "Chuyên viên xúc tiến đầu tư (mẫu)",
            "en": "Investment promotion officer (sample)",
            "ko": "투자진흥 담당관 (예시)",
            "ja": "投資促進担当官（サンプル）",
            "zh-hans": "投资促进专员（示例）",
        },
    },
    {
        "slug": "tran-minh-duc",
        "name": "Trần Minh Đức",
        "phone": "+84 28 0000 0102",
        "email": "duc.tran@dautieng-promo.example",
        "languages": "vi,en,ja,zh-hans",
        "title": {
            "vi": "Phó trưởng phòng Kinh tế (mẫu)",
            "en": "Deputy head, Economic Division (sample)",
            "ko": "경제과 부과장 (예시)",
            "ja": "経済課 副課長（サンプル）",
            "zh-hans": "经济科副科长（示例）",
        },
    },
]

DECREE_31_NUMBER = "31/2021/NĐ-CP"
DECREE_31 = {
    "vi": {
        "title": "Nghị định 31/2021/NĐ-CP hướng dẫn Luật Đầu tư",
        "slug": "nghi-dinh-31-2021-nd-cp",
        "issuer": "Chính phủ",
        "abstract": "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư, trong đó "
        "có danh mục ngành, nghề và địa bàn ưu đãi đầu tư.",
    },
    "en": {
        "title": "Decree 31/2021/NĐ-CP guiding the Investment Law",
        "slug": "decree-31-2021-nd-cp",
        "issuer": "The Government",
        "abstract": "Details and guidance for several articles of the Investment Law, including "
        "the lists of sectors and areas that receive investment incentives.",
    },
}


def _portrait(name, size=320):
    """A plain placeholder portrait: the officer's initials on a coloured disc (sample data)."""
    from io import BytesIO

    from PIL import Image, ImageDraw, ImageFont

    initials = "".join(word[0] for word in name.split()[-2:]).upper()
    picture = Image.new("RGB", (size, size), (227, 241, 236))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((16, 16, size - 16, size - 16), fill=(11, 92, 75))
    try:
        font = ImageFont.load_default(size=size // 3)
    except TypeError:  # Pillow < 10.1
        font = ImageFont.load_default()
    draw.text((size / 2, size / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    out = BytesIO()
    picture.save(out, format="PNG")
    out.seek(0)
    return out


def _photo(officer):
    Image = get_image_model()
    title = f"{officer['name']} (sample portrait)"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title)
    image.file = ImageFile(_portrait(officer["name"]), name=f"officer-{officer['slug']}.png")
    image.save()
    return image


@transaction.atomic
def ensure_officers(pictures=True):
    from promo.models import Officer

    locales = {code: Locale.objects.get(language_code=code) for code in LOCALES}
    for data in OFFICERS:
        source = Officer.objects.filter(slug=data["slug"], locale=locales["vi"]).first()
        key = source.translation_key if source else uuid.uuid4()
        photo = _photo(data) if pictures else None
        for code in LOCALES:
            Officer.objects.update_or_create(
                slug=data["slug"],
                locale=locales[code],
                defaults={
                    "name": data["name"],
                    "title": data["title"][code],
                    "phone": data["phone"],
                    "email": data["email"],
                    "languages": data["languages"],
                    "photo": photo,
                    "translation_key": key,
                },
            )


def ensure_exchange_rate():
    from promo.models import ExchangeRate

    site = Site.objects.get(is_default_site=True)
    rate = ExchangeRate.for_site(site)
    if not rate.usable:
        for name, value in RATE.items():
            setattr(rate, name, value)
        rate.save()
    return rate


def ensure_decree_31():
    """The decree most incentives cite, in the documents section (vi, en), so that their legal
    basis links to it."""
    from portal.demo import _ensure_document
    from portal.models.documents import DocumentIndexPage

    for code in ("vi", "en"):
        index = DocumentIndexPage.objects.filter(locale__language_code=code).first()
        if index is None:
            continue
        text = DECREE_31[code]
        _ensure_document(
            index,
            index.locale,
            DECREE_31_NUMBER,
            title=text["title"],
            slug=text["slug"],
            doc_type="decree",
            issuer=text["issuer"],
            issued=dt.date(2021, 3, 26),
            effective=dt.date(2021, 3, 26),
            abstract=text["abstract"],
        )


def load_investment_demo(progress=None, pictures=True):
    """Officers, rate and decree, then the opportunities; returns the importer's summary."""
    ensure_officers(pictures=pictures)
    ensure_exchange_rate()
    with INVESTMENT_FILE.open("rb") as stream:
        records, problems = parse_file(stream)
    if problems:
        raise ValueError(f"{INVESTMENT_FILE.name}: " + "; ".join(str(p) for p in problems))
    return import_records(records, progress=progress)

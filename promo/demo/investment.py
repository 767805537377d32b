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
            "ko": "투자진흥 담당관 (샘플)",
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
            "ko": "경제과 부과장 (샘플)",
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


# How each sample officer is drawn: a flat illustration (clearly not a photograph), never a face
# taken from anywhere.
PORTRAITS = {
    "nguyen-thi-lan": {
        "background": (222, 238, 232),
        "skin": (236, 196, 160),
        "hair": (38, 30, 28),
        "hair_style": "long",
        "clothes": (11, 92, 75),
        "collar": (246, 246, 240),
    },
    "tran-minh-duc": {
        "background": (226, 232, 244),
        "skin": (222, 178, 140),
        "hair": (30, 28, 30),
        "hair_style": "short",
        "clothes": (44, 62, 96),
        "collar": (250, 250, 250),
    },
}


def _portrait(slug, size=320):
    """A sample officer's illustrated portrait (PNG): head and shoulders in flat colours, drawn
    at four times the size and scaled down for smooth edges."""
    from io import BytesIO

    from PIL import Image, ImageDraw

    look = PORTRAITS.get(slug, PORTRAITS["tran-minh-duc"])
    big = size * 4

    def box(x0, y0, x1, y1):
        return tuple(round(v * big) for v in (x0, y0, x1, y1))

    picture = Image.new("RGB", (big, big), look["background"])
    draw = ImageDraw.Draw(picture)
    if look["hair_style"] == "long":  # hair falling behind the shoulders
        draw.rounded_rectangle(box(0.27, 0.2, 0.73, 0.78), radius=round(big * 0.2), fill=look["hair"])
    draw.ellipse(box(0.12, 0.7, 0.88, 1.3), fill=look["clothes"])  # shoulders
    collar = [(big * 0.4, big * 0.7), (big * 0.5, big * 0.86), (big * 0.6, big * 0.7)]
    draw.polygon(collar, fill=look["collar"])
    draw.rectangle(box(0.44, 0.56, 0.56, 0.74), fill=look["skin"])  # neck
    shade = tuple(round(c * 0.9) for c in look["skin"])
    draw.polygon([(big * 0.44, big * 0.64), (big * 0.5, big * 0.78), (big * 0.56, big * 0.64)], fill=shade)
    draw.ellipse(box(0.31, 0.2, 0.69, 0.64), fill=look["skin"])  # face
    draw.ellipse(box(0.285, 0.39, 0.33, 0.48), fill=look["skin"])  # ears
    draw.ellipse(box(0.67, 0.39, 0.715, 0.48), fill=look["skin"])
    if look["hair_style"] == "long":
        draw.chord(box(0.29, 0.16, 0.71, 0.5), 180, 360, fill=look["hair"])
        draw.pieslice(box(0.36, 0.2, 0.72, 0.46), 200, 330, fill=look["hair"])  # side parting
    else:
        draw.chord(box(0.295, 0.15, 0.705, 0.5), 180, 360, fill=look["hair"])
        draw.pieslice(box(0.3, 0.2, 0.62, 0.42), 180, 300, fill=look["hair"])  # a swept fringe
        for x in (0.3, 0.665):  # sideburns
            draw.rectangle(box(x, 0.31, x + 0.035, 0.4), fill=look["hair"])
    ink = (60, 44, 40)
    for x in (0.42, 0.58):  # eyes, brows
        draw.ellipse(box(x - 0.018, 0.41, x + 0.018, 0.445), fill=ink)
        draw.arc(box(x - 0.045, 0.36, x + 0.045, 0.42), 210, 330, fill=look["hair"], width=round(big * 0.012))
    draw.arc(box(0.44, 0.47, 0.56, 0.56), 20, 160, fill=(170, 92, 84), width=round(big * 0.012))  # smile
    picture = picture.resize((size, size), Image.LANCZOS)
    out = BytesIO()
    picture.save(out, format="PNG", optimize=True)
    out.seek(0)
    return out


def _photo(officer):
    Image = get_image_model()
    title = f"{officer['name']} (sample illustrated portrait)"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title)
    image.file = ImageFile(_portrait(officer["slug"]), name=f"officer-{officer['slug']}.png")
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

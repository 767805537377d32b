"""The one-page PDF profile of an opportunity, in the visitor's language: deal facts, location
(coordinates and a link to the map), officer, incentives and a QR code to the page.

Why fpdf2: it is pure Python (plus uharfbuzz, a binary wheel from PyPI, for shaping), embeds a
subset of an OpenType/CFF font and selects Japanese, Korean or Chinese glyph forms through the
font's `locl` feature, so `make run` needs only Python and make (see docs/DESIGN.md).

Caching: the content of a profile (every text it shows) is built first and hashed; the file is
stored under that hash (MEDIA_ROOT/profiles/<ref>/<lang>-<hash>.pdf), so any change — the page,
its officer, the exchange rate, a translation — gives a new file on the next request, and the
old ones of that item are removed. Publishing or unpublishing an item removes its files too."""

import hashlib
import io
import json
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from promo.investment.facts import fact_groups, incentive_items
from promo.languages import bcp47

logger = logging.getLogger(__name__)
VERSION = 1  # bump when the layout changes: every cached profile is then rebuilt
GREEN = (11, 92, 75)
INK = (27, 31, 35)
MUTED = (74, 85, 96)


def profile_content(page, request):
    """Everything the profile shows, as plain data (also the cache key's source)."""
    from promo.models import ExchangeRate

    rate = ExchangeRate.for_request(request)
    officer = page.officer
    url = request.build_absolute_uri(page.get_url(request))
    return {
        "version": VERSION,
        "lang": translation.get_language(),
        "ref": page.ref,
        "site": _("Dầu Tiếng — investment opportunity"),
        "title": page.title,
        "summary": page.summary,
        "status": page.status,
        "groups": [
            [label, [[f.label, f.text] for f in facts]]
            for key, label, facts in fact_groups(page, rate)
            if key != "contact"
        ],
        "location": (
            [
                _("Location"),
                f"{page.lat}, {page.lon}",
                f"https://www.openstreetmap.org/?mlat={page.lat}&mlon={page.lon}#map=14/{page.lat}/{page.lon}",
            ]
            if page.has_location
            else None
        ),
        "incentives_label": _("Incentives"),
        "incentives": [[i["text"], i["basis"]] for i in incentive_items(page)],
        "officer_label": _("Your contact"),
        "officer": (
            {
                "name": officer.name,
                "title": officer.title,
                "phone": officer.phone,
                "email": officer.email,
                "languages": ", ".join(officer.language_names),
                "photo": officer.photo.file.name if officer.photo_id else "",
                "speaks": _("Speaks"),
            }
            if officer
            else None
        ),
        "promoter": page.promoter,
        "contact_email": page.contact_email if officer is None else "",
        "qr_label": _("Scan for the full page, the map and the interest form"),
        "url": url,
        "footer": _(
            "Profile generated on %(date)s. Figures are indicative; the investment office "
            "confirms them. US dollar amounts are approximate."
        )
        % {"date": date_filter(timezone.localdate(), "DATE_FORMAT")},
    }


def _fingerprint(content):
    stable = {k: v for k, v in content.items() if k != "footer"}
    return hashlib.sha256(json.dumps(stable, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def _dir(ref):
    return f"profiles/{ref}"


def forget(page):
    """Remove every cached profile of the item (all languages)."""
    folder = _dir(page.ref)
    try:
        _dirs, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError, OSError):
        return 0
    for name in files:
        default_storage.delete(f"{folder}/{name}")
    return len(files)


def cached_profile(page, request):
    """(storage name, created) of the profile for this request's language; builds it if needed."""
    content = profile_content(page, request)
    name = f"{_dir(page.ref)}/{content['lang']}-{_fingerprint(content)}.pdf"
    if default_storage.exists(name):
        return name, False
    data = render_pdf(content)
    # Old versions of this language go; a concurrent request may have written the same file.
    try:
        _dirs, files = default_storage.listdir(_dir(page.ref))
    except (FileNotFoundError, OSError):
        files = []
    for old in files:
        if old.startswith(f"{content['lang']}-") and f"{_dir(page.ref)}/{old}" != name:
            default_storage.delete(f"{_dir(page.ref)}/{old}")
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:  # lost a race: keep the first
            default_storage.delete(saved)
    return name, True


def profile_response(page, request):
    from promo.investment.fonts import FontMissing

    try:
        name, _created = cached_profile(page, request)
    except FontMissing as exc:
        logger.error("PDF profile of %s: %s", page.ref, exc)
        return HttpResponse(
            _("The profile cannot be generated right now."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = FileResponse(
        default_storage.open(name, "rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{page.ref}-{translation.get_language()}.pdf",
    )
    response["Cache-Control"] = "public, max-age=300"
    response["Content-Language"] = translation.get_language()
    return response


def _qr(pdf, url, x, y, size):
    import segno

    qr = segno.make(url, error="m", micro=False)
    matrix = list(qr.matrix)
    border = 2
    cells = len(matrix) + 2 * border
    step = size / cells
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x, y, size, size, style="F")
    pdf.set_fill_color(0, 0, 0)
    for row, line in enumerate(matrix):
        for col, dark in enumerate(line):
            if dark:
                pdf.rect(
                    x + (col + border) * step, y + (row + border) * step, step + 0.01, step + 0.01, style="F"
                )


def render_pdf(content):
    from fpdf import FPDF

    from promo.investment.fonts import profile_font

    lang = content["lang"]
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_title(content["title"])
    pdf.set_author(content["promoter"] or content["site"])
    pdf.set_subject(content["site"])
    pdf.set_lang(bcp47(lang))
    pdf.set_creator("Dầu Tiếng promotion portal")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_margins(14, 12, 14)
    pdf.add_font("noto", fname=str(profile_font()))
    pdf.set_text_shaping(use_shaping_engine=True, language=bcp47(lang))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    # Header band
    pdf.set_fill_color(*GREEN)
    pdf.rect(0, 0, pdf.w, 9, style="F")
    pdf.set_xy(pdf.l_margin, 2.2)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("noto", size=9)
    pdf.cell(width, 5, content["site"])
    pdf.set_xy(pdf.l_margin, 13)

    pdf.set_text_color(*INK)
    pdf.set_font("noto", size=16)
    pdf.multi_cell(width, 7.5, content["title"], new_x="LMARGIN", new_y="NEXT")
    if content["summary"]:
        pdf.set_font("noto", size=9.5)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(width, 4.8, content["summary"][:400], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    side = 52
    col = width - side - 6
    top = pdf.get_y()
    # Right column: QR code, location, officer
    x_side = pdf.l_margin + col + 6
    _qr(pdf, content["url"], x_side + 6, top, side - 12)
    pdf.set_xy(x_side, top + side - 10)
    pdf.set_font("noto", size=7.5)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(side, 3.6, content["qr_label"], align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_text_color(*GREEN)
    pdf.multi_cell(side, 3.6, content["url"], align="C", new_x="LEFT", new_y="NEXT")
    if content["location"]:
        label, coordinates, _link = content["location"]
        pdf.ln(2)
        pdf.set_x(x_side)
        pdf.set_text_color(*GREEN)
        pdf.set_font("noto", size=9)
        pdf.cell(side, 5, label, new_x="LEFT", new_y="NEXT")
        pdf.set_text_color(*INK)
        pdf.set_font("noto", size=8.5)
        pdf.cell(side, 4.5, coordinates, new_x="LEFT", new_y="NEXT")
    officer = content["officer"]
    if officer or content["contact_email"]:
        pdf.ln(3)
        pdf.set_x(x_side)
        pdf.set_text_color(*GREEN)
        pdf.set_font("noto", size=9)
        pdf.cell(side, 5, content["officer_label"], new_x="LEFT", new_y="NEXT")
        pdf.set_text_color(*INK)
        if officer:
            if officer["photo"]:
                try:
                    with default_storage.open(officer["photo"], "rb") as photo:
                        pdf.image(io.BytesIO(photo.read()), x=x_side, y=pdf.get_y(), w=16, h=16)
                    pdf.set_y(pdf.get_y() + 17)
                except (OSError, ValueError, RuntimeError) as exc:  # a missing or odd photo
                    logger.warning("profile photo skipped: %s", exc)
            pdf.set_x(x_side)
            pdf.set_font("noto", size=9.5)
            pdf.multi_cell(side, 4.5, officer["name"], new_x="LEFT", new_y="NEXT")
            pdf.set_font("noto", size=8)
            for line in (
                officer["title"],
                officer["phone"],
                officer["email"],
                f"{officer['speaks']}: {officer['languages']}" if officer["languages"] else "",
            ):
                if line:
                    pdf.multi_cell(side, 3.9, line, new_x="LEFT", new_y="NEXT")
        else:
            pdf.set_font("noto", size=8)
            pdf.multi_cell(side, 3.9, content["contact_email"], new_x="LEFT", new_y="NEXT")
        if content["promoter"]:
            pdf.set_text_color(*MUTED)
            pdf.multi_cell(side, 3.9, content["promoter"], new_x="LEFT", new_y="NEXT")
    side_bottom = pdf.get_y()

    # Left column: facts
    pdf.set_xy(pdf.l_margin, top)
    label_w = 40
    for group_label, rows in content["groups"]:
        pdf.set_x(pdf.l_margin)
        pdf.set_text_color(*GREEN)
        pdf.set_font("noto", size=9.5)
        pdf.cell(col, 5.5, group_label, new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*GREEN)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + col, pdf.get_y())
        pdf.ln(0.8)
        for label, value in rows:
            y = pdf.get_y()
            pdf.set_font("noto", size=7.8)
            pdf.set_text_color(*MUTED)
            label_height = pdf.multi_cell(label_w - 2, 3.8, label, dry_run=True, output="HEIGHT")
            pdf.set_xy(pdf.l_margin, y)
            pdf.multi_cell(label_w - 2, 3.8, label)
            label_bottom = y + label_height
            pdf.set_xy(pdf.l_margin + label_w, y)
            pdf.set_text_color(*INK)
            pdf.set_font("noto", size=8.3)
            pdf.multi_cell(col - label_w, 3.8, value, new_x="LMARGIN", new_y="NEXT")
            pdf.set_y(max(pdf.get_y(), label_bottom) + 0.6)
        pdf.ln(1)

    pdf.set_y(max(pdf.get_y(), side_bottom) + 1)
    if content["incentives"]:
        pdf.set_text_color(*GREEN)
        pdf.set_font("noto", size=9.5)
        pdf.cell(width, 5.5, content["incentives_label"], new_x="LMARGIN", new_y="NEXT")
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
        pdf.ln(0.8)
        for text, basis in content["incentives"]:
            pdf.set_text_color(*INK)
            pdf.set_font("noto", size=8.3)
            pdf.multi_cell(width, 3.9, f"• {text}", new_x="LMARGIN", new_y="NEXT")
            if basis:
                pdf.set_text_color(*MUTED)
                pdf.set_font("noto", size=7.5)
                pdf.set_x(pdf.l_margin + 3)
                pdf.multi_cell(width - 3, 3.6, basis, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.6)

    # Footer, at the bottom of the page
    pdf.set_auto_page_break(auto=False)
    pdf.set_y(-13)
    pdf.set_draw_color(*MUTED)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
    pdf.set_text_color(*MUTED)
    pdf.set_font("noto", size=6.8)
    pdf.multi_cell(width, 3.2, f"{content['footer']}  {content['ref']}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def forget_on_publish(sender, instance, **kwargs):
    forget(instance)


def connect_signals():
    from wagtail.signals import page_published, page_unpublished

    from promo.models import InvestmentPage

    page_published.connect(
        forget_on_publish, sender=InvestmentPage, dispatch_uid="investment-profile-publish"
    )
    page_unpublished.connect(
        forget_on_publish, sender=InvestmentPage, dispatch_uid="investment-profile-unpublish"
    )

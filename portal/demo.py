"""Demo content for the portal's own pages, in Vietnamese and English (the languages Decree
42/2022 requires for organisation and contacts). Idempotent: the lead calls these from
load_demo after promo.catalogue.site.ensure_site(). Names, phones and e-mails are samples."""
import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale

from home.models import HomePage
from portal.models import DocumentIndexPage, OfficialDocumentPage, OrganisationPage

LOCALES = ("vi", "en")

ORGANISATION = {
    "vi": {
        "title": "Tổ chức và liên hệ", "slug": "to-chuc-lien-he",
        "intro": "Văn phòng Xúc tiến Thương mại và Đầu tư Dầu Tiếng giúp doanh nghiệp, nhà đầu tư "
                 "và du khách tìm hiểu, kết nối với địa phương. (Nội dung mẫu.)",
        "functions": (
            "<p>Văn phòng là đầu mối của địa phương về xúc tiến thương mại, đầu tư, du lịch và "
            "thông tin đối ngoại. Văn phòng có các nhiệm vụ:</p><ul>"
            "<li>giới thiệu sản phẩm địa phương, tổ chức và đưa doanh nghiệp tham gia hội chợ, "
            "triển lãm;</li>"
            "<li>cung cấp thông tin về cơ hội và thủ tục đầu tư, hỗ trợ nhà đầu tư tìm hiểu địa bàn;</li>"
            "<li>quảng bá điểm đến, phối hợp với các đơn vị du lịch;</li>"
            "<li>cung cấp thông tin đối ngoại và trả lời câu hỏi của tổ chức, cá nhân nước ngoài;</li>"
            "<li>công bố văn bản, kế hoạch, chương trình liên quan trên cổng thông tin này.</li></ul>"),
        "office_name": "Văn phòng Xúc tiến Thương mại và Đầu tư Dầu Tiếng (mẫu)",
        "address": "Địa chỉ mẫu: xã Dầu Tiếng, Thành phố Hồ Chí Minh",
        "office_hours": "Thứ Hai – Thứ Sáu, 7:30–11:30 và 13:30–17:00",
        "positions": ("Chánh Văn phòng", "Phó Chánh Văn phòng", "Chuyên viên xúc tiến du lịch",
                      "Chuyên viên thông tin đối ngoại"),
        "sample": " (mẫu)",
    },
    "en": {
        "title": "Organisation and contacts", "slug": "organisation-contacts",
        "intro": "The Trade and Investment Promotion Office of Dầu Tiếng helps businesses, investors "
                 "and visitors find out about the area and get in touch. (Sample content.)",
        "functions": (
            "<p>The office is the local point of contact for trade, investment and tourism promotion "
            "and for foreign information. Its duties are to:</p><ul>"
            "<li>present local products and organise or support participation in trade fairs "
            "and exhibitions;</li>"
            "<li>give information on investment opportunities and procedures and help investors "
            "get to know the area;</li>"
            "<li>promote the area as a destination, working with tourism businesses;</li>"
            "<li>provide foreign information and answer questions from foreign organisations "
            "and individuals;</li>"
            "<li>publish the related documents, plans and programmes on this portal.</li></ul>"),
        "office_name": "Trade and Investment Promotion Office of Dầu Tiếng (sample)",
        "address": "Sample address: Dầu Tiếng commune, Ho Chi Minh City, Vietnam",
        "office_hours": "Monday to Friday, 7:30–11:30 and 13:30–17:00",
        "positions": ("Head of Office", "Deputy Head of Office", "Tourism promotion officer",
                      "Foreign information officer"),
        "sample": " (sample)",
    },
}
# name, responsibility, phone, e-mail — shared by both languages
OFFICIALS = (
    ("Nguyễn Văn An", "investment_promotion", "+84 000 000 101", "an.nguyen@dautieng-promo.example"),
    ("Trần Thị Bình", "foreign_information", "+84 000 000 102", "binh.tran@dautieng-promo.example"),
    ("Lê Minh Châu", "tourism_promotion", "+84 000 000 103", "chau.le@dautieng-promo.example"),
    ("Phạm Thu Dung", "foreign_information", "+84 000 000 104", "dung.pham@dautieng-promo.example"),
)

DOCUMENT_INDEX = {
    "vi": {"title": "Văn bản", "slug": "van-ban",
           "intro": "<p>Văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành "
                    "và kế hoạch của địa phương.</p>"},
    "en": {"title": "Documents", "slug": "documents",
           "intro": "<p>Legal and administrative documents, directives and plans "
                    "of the local government.</p>"},
}

PLAN_64 = {
    "vi": {
        "title": "Kế hoạch thông tin đối ngoại huyện Dầu Tiếng năm 2022",
        "slug": "ke-hoach-64-kh-ubnd-2022",
        "issuer": "Ủy ban nhân dân huyện Dầu Tiếng",
        "abstract": (
            "Kế hoạch đặt ra công tác thông tin đối ngoại của huyện năm 2022: giới thiệu hình ảnh "
            "địa phương, mở rộng giao lưu, hợp tác trong và ngoài tỉnh, với nước ngoài, và phản bác "
            "thông tin sai lệch. Các cơ quan, đoàn thể huyện và Ủy ban nhân dân xã, thị trấn rà soát "
            "văn bản chỉ đạo, lập chương trình thông tin đối ngoại (lấy ý kiến Phòng Văn hóa và Thông "
            "tin trước khi phê duyệt), tập huấn người phát ngôn và cán bộ làm công tác này, cùng các "
            "cơ quan của tỉnh tham gia hội chợ, triển lãm, sự kiện xúc tiến đầu tư, thương mại, du lịch."),
        "body": (
            "<p>Ngày ghi là ngày Trang thông tin điện tử huyện đăng kế hoạch (15/06/2022); ngày ký "
            "ghi trên bản gốc.</p><p>Tệp đính kèm là bản tóm tắt mẫu do cổng thông tin tạo, không "
            "phải bản chính thức của văn bản.</p>"),
    },
    "en": {
        "title": "Dầu Tiếng District foreign information plan for 2022",
        "slug": "plan-64-kh-ubnd-2022",
        "issuer": "People's Committee of Dầu Tiếng District",
        "abstract": (
            "The plan sets out the district's foreign information work for 2022: presenting the "
            "area's image, widening exchanges and cooperation within and beyond the province and "
            "abroad, and countering false information. District agencies and organisations and the "
            "commune and town people's committees are to review their directives, draw up foreign "
            "information programmes (reviewed by the district Culture and Information Office before "
            "approval), train spokespersons and the staff doing this work, and join the province in "
            "trade fairs, exhibitions and investment, trade and tourism promotion events."),
        "body": (
            "<p>The date given is the day the district website published the plan (15 June 2022); "
            "the signing date is on the original.</p><p>The attached file is a sample summary "
            "generated by this portal, not the official text of the document.</p>"),
    },
}
PLAN_64_NUMBER = "64/KH-UBND"
PLAN_64_DATE = datetime.date(2022, 6, 15)

# The decree behind this portal's documents, organisation and English pages.
DECREE_42 = {
    "vi": {
        "title": "Nghị định quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ "
                 "quan nhà nước trên môi trường mạng",
        "slug": "nghi-dinh-42-2022-nd-cp",
        "issuer": "Chính phủ",
        "abstract": (
            "Nghị định quy định việc cơ quan nhà nước cung cấp thông tin và dịch vụ công trực tuyến "
            "trên môi trường mạng, áp dụng cả với Ủy ban nhân dân cấp huyện, cấp xã. Cổng thông tin "
            "điện tử là kênh thông tin chính thống của cơ quan: công bố văn bản quy phạm pháp luật, "
            "văn bản chỉ đạo, điều hành (loại, số, cơ quan ban hành, ngày ban hành, ngày hiệu lực, "
            "trích yếu và tệp tải về), kế hoạch, chương trình, tổ chức bộ máy, chức năng, nhiệm vụ "
            "và thông tin liên hệ; có chức năng tìm kiếm, liên kết đến cổng thông tin của các cơ "
            "quan khác và in từng bài viết. Thông tin về tổ chức, chức năng và liên hệ của người "
            "phụ trách phải có bằng tiếng Anh."),
        "body": (
            "<p>Nghị định có hiệu lực từ ngày 15/08/2022. Cổng thông tin này được xây dựng theo các "
            "yêu cầu trên.</p><p>Tệp đính kèm là bản tóm tắt mẫu do cổng thông tin tạo, không phải "
            "bản chính thức của văn bản.</p>"),
    },
    "en": {
        "title": "Decree on online information and public services provided by state agencies",
        "slug": "decree-42-2022-nd-cp",
        "issuer": "Government of Vietnam",
        "abstract": (
            "The decree governs how state agencies provide information and public services online, "
            "including district and commune people's committees. An agency's portal is its official "
            "channel: it publishes legal and administrative documents (type, number, issuer, issue "
            "and effective dates, abstract and a downloadable file), plans and programmes, the "
            "agency's organisation, functions and contacts; it offers search, links to other "
            "agencies' portals and a print view of every article. The organisation, functions and "
            "contact details of responsible officials must also be given in English."),
        "body": (
            "<p>The decree has been in force since 15 August 2022. This portal is built to meet "
            "the requirements above.</p><p>The attached file is a sample summary generated by this "
            "portal, not the official text of the document.</p>"),
    },
}
DECREE_42_NUMBER = "42/2022/NĐ-CP"
DECREE_42_ISSUED = datetime.date(2022, 6, 24)
DECREE_42_EFFECTIVE = datetime.date(2022, 8, 15)


def minimal_pdf(lines):
    """A one-page PDF (Helvetica, ASCII text) built by hand, with a correct cross-reference
    table, so the demo needs neither a download nor a PDF library."""
    def esc(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 12 Tf 72 770 Td 16 TL " + " ".join(f"({esc(line)}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _homes():
    return {code: HomePage.objects.get(locale__language_code=code) for code in LOCALES}


def _ensure_page(model, parent, locale, translation_key, **fields):
    page = model.objects.filter(locale=locale, translation_key=translation_key).first() \
        if translation_key else None
    if page is None:
        page = model(locale=locale, **fields)
        if translation_key:
            page.translation_key = translation_key
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page


@transaction.atomic
def ensure_organisation_page():
    """{"vi": page, "en": page}: the organisation and contacts page under each home page."""
    homes = _homes()
    pages, key = {}, None
    existing = OrganisationPage.objects.filter(locale__language_code="vi").first()
    if existing:
        key = existing.translation_key
    for code in LOCALES:
        text = ORGANISATION[code]
        officials = [("official", {
            "name": name, "position": text["positions"][i] + text["sample"],
            "responsibility": responsibility, "phone": phone, "email": email,
        }) for i, (name, responsibility, phone, email) in enumerate(OFFICIALS)]
        page = _ensure_page(
            OrganisationPage, homes[code], homes[code].locale, key,
            title=text["title"], slug=text["slug"], intro=text["intro"],
            functions=text["functions"], officials=officials, office_name=text["office_name"],
            address=text["address"], office_hours=text["office_hours"],
            phone="+84 000 000 100", email="contact@dautieng-promo.example",
        )
        key = page.translation_key
        pages[code] = page
    return pages


def _sample_file(title, filename, lines):
    """A wagtaildocs Document holding a one-page sample PDF, created once."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(filename, ContentFile(minimal_pdf(lines)), save=False)
        document.save()
    return document


def _plan_file():
    return _sample_file("Kế hoạch 64/KH-UBND (2022) — bản tóm tắt mẫu", "ke-hoach-64-kh-ubnd-2022-mau.pdf", [
        "Ke hoach so 64/KH-UBND - Plan No. 64/KH-UBND",
        "Thong tin doi ngoai huyen Dau Tieng nam 2022",
        "Foreign information plan of Dau Tieng District, 2022",
        "Published on the district website: 15/06/2022",
        "",
        "SAMPLE FILE generated for the demo portal.",
        "It is not the official text of the document.",
    ])


def _decree_file():
    return _sample_file("Nghị định 42/2022/NĐ-CP — bản tóm tắt mẫu", "nghi-dinh-42-2022-nd-cp-mau.pdf", [
        "Nghi dinh so 42/2022/ND-CP - Decree No. 42/2022/ND-CP",
        "Cung cap thong tin va dich vu cong truc tuyen tren moi truong mang",
        "Online information and public services of state agencies",
        "Issued 24/06/2022, in force 15/08/2022",
        "",
        "SAMPLE FILE generated for the demo portal.",
        "It is not the official text of the document.",
    ])


def _ensure_document(index, locale, number, **fields):
    """The translation in `locale` of the document numbered `number` (numbers are shared by
    every translation), created or updated and published."""
    existing = OfficialDocumentPage.objects.filter(locale__language_code="vi", number=number).first()
    return _ensure_page(OfficialDocumentPage, index, locale,
                        existing.translation_key if existing else None, number=number, **fields)


@transaction.atomic
def ensure_documents():
    """{"index": {code: page}, "plan_64": {code: page}, "decree_42": {code: page}}: the documents
    section, the seed's plan and the decree that sets the rules for this portal, in Vietnamese
    and English."""
    homes = _homes()
    result = {"index": {}, "plan_64": {}, "decree_42": {}}
    index_key = None
    if existing := DocumentIndexPage.objects.filter(locale__language_code="vi").first():
        index_key = existing.translation_key
    plan_file, decree_file = _plan_file(), _decree_file()
    for code in LOCALES:  # vi first: the English pages join the Vietnamese ones' translation keys
        locale = Locale.objects.get(language_code=code)
        index = _ensure_page(DocumentIndexPage, homes[code], locale, index_key, **DOCUMENT_INDEX[code])
        index_key = index.translation_key
        result["index"][code] = index
        text = PLAN_64[code]
        result["plan_64"][code] = _ensure_document(
            index, locale, PLAN_64_NUMBER, title=text["title"], slug=text["slug"], doc_type="plan",
            issuer=text["issuer"], issued=PLAN_64_DATE, abstract=text["abstract"],
            body=text["body"], file=plan_file,
        )
        text = DECREE_42[code]
        result["decree_42"][code] = _ensure_document(
            index, locale, DECREE_42_NUMBER, title=text["title"], slug=text["slug"],
            doc_type="decree", issuer=text["issuer"], issued=DECREE_42_ISSUED,
            effective=DECREE_42_EFFECTIVE, abstract=text["abstract"], body=text["body"],
            file=decree_file,
        )
    return result

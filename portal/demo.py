"""Demo content for the portal's own pages in the five languages (Decree 42/2022 requires the
Vietnamese and English organisation and contacts; the others serve the site's visitors).
Idempotent: load_demo calls these after promo.catalogue.site.ensure_site(). Names, phones and
e-mails are samples."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale

from home.models import HomePage
from portal.models import DocumentIndexPage, OfficialDocumentPage, OrganisationPage
from promo.languages import LANGUAGE_CODES

LOCALES = LANGUAGE_CODES

ORGANISATION = {
    "vi": {
        "title": "Tổ chức và liên hệ",
        "slug": "to-chuc-lien-he",
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
            "<li>công bố văn bản, kế hoạch, chương trình liên quan trên cổng thông tin này.</li></ul>"
        ),
        "office_name": "Văn phòng Xúc tiến Thương mại và Đầu tư Dầu Tiếng (mẫu)",
        "address": "Địa chỉ mẫu: xã Dầu Tiếng, Thành phố Hồ Chí Minh",
        "office_hours": "Thứ Hai – Thứ Sáu, 7:30–11:30 và 13:30–17:00",
        "positions": (
            "Chánh Văn phòng",
            "Phó Chánh Văn phòng",
            "Chuyên viên xúc tiến du lịch",
            "Chuyên viên thông tin đối ngoại",
        ),
        "sample": " (mẫu)",
    },
    "en": {
        "title": "Organisation and contacts",
        "slug": "organisation-contacts",
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
            "<li>publish the related documents, plans and programmes on this portal.</li></ul>"
        ),
        "office_name": "Trade and Investment Promotion Office of Dầu Tiếng (sample)",
        "address": "Sample address: Dầu Tiếng Commune, Hồ Chí Minh City, Vietnam",
        "office_hours": "Monday to Friday, 7:30–11:30 and 13:30–17:00",
        "positions": (
            "Head of Office",
            "Deputy Head of Office",
            "Tourism promotion officer",
            "Foreign information officer",
        ),
        "sample": " (sample)",
    },
    "ko": {
        "title": "조직 및 연락처",
        "slug": "organisation-contacts",
        "intro": "Dầu Tiếng 무역투자진흥사무소는 기업, 투자자, 방문객이 이 지역을 알아보고 연락할 수 "
        "있도록 돕습니다. (샘플 콘텐츠)",
        "functions": (
            "<p>사무소는 무역·투자·관광 진흥과 대외 정보 업무를 맡는 지역 창구입니다. 주요 업무는 "
            "다음과 같습니다.</p><ul>"
            "<li>지역 특산품을 소개하고 박람회·전시회 참가를 조직하거나 지원합니다.</li>"
            "<li>투자 기회와 절차를 안내하고 투자자가 현지를 파악할 수 있도록 돕습니다.</li>"
            "<li>관광 업계와 협력해 이 지역을 관광지로 홍보합니다.</li>"
            "<li>대외 정보를 제공하고 외국 기관과 개인의 문의에 답변합니다.</li>"
            "<li>관련 문서, 계획, 프로그램을 이 포털에 게시합니다.</li></ul>"
        ),
        "office_name": "Dầu Tiếng 무역투자진흥사무소(샘플)",
        "address": "샘플 주소: 베트남 Hồ Chí Minh시 Dầu Tiếng 사",
        "office_hours": "월요일–금요일 7:30–11:30, 13:30–17:00",
        "positions": ("사무소장", "부소장", "관광 홍보 담당관", "대외 정보 담당관"),
        "sample": "(샘플)",
    },
    "ja": {
        "title": "組織と連絡先",
        "slug": "organisation-contacts",
        "intro": "Dầu Tiếng貿易投資促進事務所は、企業・投資家・旅行者がこの地域を知り、連絡を取るための"
        "窓口です。（サンプルコンテンツ）",
        "functions": (
            "<p>事務所は、貿易・投資・観光の振興と対外広報を担う地域の窓口です。主な業務は次のとおりです。"
            "</p><ul>"
            "<li>地域産品を紹介し、見本市・展示会への参加を企画・支援する。</li>"
            "<li>投資機会と手続きを案内し、投資家の現地理解を支援する。</li>"
            "<li>観光事業者と連携して、地域を旅行先として紹介する。</li>"
            "<li>対外広報を行い、外国の機関・個人からの問い合わせに回答する。</li>"
            "<li>関連する文書・計画・プログラムをこのポータルで公開する。</li></ul>"
        ),
        "office_name": "Dầu Tiếng貿易投資促進事務所（サンプル）",
        "address": "サンプル住所：ベトナム、Hồ Chí Minh市Dầu Tiếng社",
        "office_hours": "月曜～金曜 7:30～11:30、13:30～17:00",
        "positions": ("所長", "副所長", "観光振興担当", "対外広報担当"),
        "sample": "（サンプル）",
    },
    "zh-hans": {
        "title": "机构与联系方式",
        "slug": "organisation-contacts",
        "intro": "Dầu Tiếng贸易投资促进办公室帮助企业、投资者和游客了解本地并与我们取得联系。（示例内容）",
        "functions": (
            "<p>办公室是本地负责贸易、投资、旅游推介和对外信息工作的窗口，主要职责如下：</p><ul>"
            "<li>推介地方产品，组织或协助参加展会和展览；</li>"
            "<li>提供投资机会和投资手续信息，帮助投资者了解本地；</li>"
            "<li>与旅游企业合作，推广本地旅游目的地；</li>"
            "<li>提供对外信息，答复外国机构和个人的咨询；</li>"
            "<li>在本门户网站发布相关文件、计划和项目。</li></ul>"
        ),
        "office_name": "Dầu Tiếng贸易投资促进办公室（示例）",
        "address": "示例地址：越南Hồ Chí Minh市Dầu Tiếng社",
        "office_hours": "周一至周五 7:30–11:30、13:30–17:00",
        "positions": ("办公室主任", "办公室副主任", "旅游推广专员", "对外信息专员"),
        "sample": "（示例）",
    },
}
# name, responsibility, phone, e-mail — shared by every language
OFFICIALS = (
    ("Nguyễn Văn An", "investment_promotion", "+84 000 000 101", "an.nguyen@dautieng-promo.example"),
    ("Trần Thị Bình", "foreign_information", "+84 000 000 102", "binh.tran@dautieng-promo.example"),
    ("Lê Minh Châu", "tourism_promotion", "+84 000 000 103", "chau.le@dautieng-promo.example"),
    ("Phạm Thu Dung", "foreign_information", "+84 000 000 104", "dung.pham@dautieng-promo.example"),
)

DOCUMENT_INDEX = {
    "vi": {
        "title": "Văn bản",
        "slug": "van-ban",
        "intro": "<p>Văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành và kế hoạch của địa phương.</p>",
    },
    "en": {
        "title": "Documents",
        "slug": "documents",
        "intro": "<p>Legal and administrative documents, directives and plans of the local government.</p>",
    },
    "ko": {
        "title": "문서",
        "slug": "documents",
        "intro": "<p>지방 정부의 법규 문서, 행정 문서, 지시 및 계획.</p>",
    },
    "ja": {
        "title": "文書",
        "slug": "documents",
        "intro": "<p>地方政府の法令文書、行政文書、指示および計画。</p>",
    },
    "zh-hans": {
        "title": "文件",
        "slug": "documents",
        "intro": "<p>地方政府的法规文件、行政文件、指导文件和计划。</p>",
    },
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
            "cơ quan của tỉnh tham gia hội chợ, triển lãm, sự kiện xúc tiến đầu tư, thương mại, du lịch."
        ),
        "body": (
            "<p>Ngày ghi là ngày Trang thông tin điện tử huyện đăng kế hoạch (15/06/2022); ngày ký "
            "ghi trên bản gốc.</p><p>Tệp đính kèm là bản tóm tắt mẫu do cổng thông tin tạo, không "
            "phải bản chính thức của văn bản.</p>"
        ),
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
            "trade fairs, exhibitions and investment, trade and tourism promotion events."
        ),
        "body": (
            "<p>The date given is the day the district website published the plan (15 June 2022); "
            "the signing date is on the original.</p><p>The attached file is a sample summary "
            "generated by this portal, not the official text of the document.</p>"
        ),
    },
    "ko": {
        "title": "2022년 Dầu Tiếng 현 대외 정보 계획",
        "slug": "plan-64-kh-ubnd-2022",
        "issuer": "Dầu Tiếng 현 인민위원회",
        "abstract": (
            "이 계획은 현의 2022년 대외 정보 업무를 정합니다. 지역의 이미지를 알리고, 성 안팎 및 해외와의 "
            "교류·협력을 넓히며, 잘못된 정보에 대응하는 것입니다. 현의 기관·단체와 사·읍 인민위원회는 "
            "지시 문서를 검토하고, 대외 정보 프로그램을 수립하며(승인 전 현 문화정보실의 의견 청취), "
            "대변인과 담당 직원을 교육하고, 성 기관과 함께 박람회, 전시회, 투자·무역·관광 진흥 행사에 "
            "참여합니다."
        ),
        "body": (
            "<p>표시된 날짜는 현 웹사이트에 계획이 게시된 날(2022년 6월 15일)이며, 서명일은 원본에 "
            "적혀 있습니다.</p><p>첨부 파일은 이 포털이 만든 샘플 요약본이며 문서의 공식 본문이 "
            "아닙니다.</p>"
        ),
    },
    "ja": {
        "title": "Dầu Tiếng県 2022年対外広報計画",
        "slug": "plan-64-kh-ubnd-2022",
        "issuer": "Dầu Tiếng県人民委員会",
        "abstract": (
            "本計画は、県の2022年の対外広報業務を定めるものです。地域のイメージを発信し、省内外および"
            "海外との交流・協力を広げ、誤った情報に反論することを目的とします。県の機関・団体と社・町の"
            "人民委員会は、指示文書を見直し、対外広報プログラムを作成し（承認前に県文化情報室の意見を"
            "聴取）、報道官と担当職員を研修し、省の機関とともに見本市・展示会や投資・貿易・観光の振興"
            "イベントに参加します。"
        ),
        "body": (
            "<p>記載の日付は県のウェブサイトで計画が公開された日（2022年6月15日）で、署名日は原本に"
            "記載されています。</p><p>添付ファイルは本ポータルが作成したサンプルの要約であり、"
            "文書の正式な本文ではありません。</p>"
        ),
    },
    "zh-hans": {
        "title": "Dầu Tiếng县2022年对外信息工作计划",
        "slug": "plan-64-kh-ubnd-2022",
        "issuer": "Dầu Tiếng县人民委员会",
        "abstract": (
            "该计划确定了全县2022年的对外信息工作：宣传本地形象，扩大与省内外及国外的交流与合作，"
            "驳斥不实信息。县各机关、团体以及各社、镇人民委员会须审查指导文件，制定对外信息工作方案"
            "（批准前征求县文化信息室意见），培训新闻发言人和相关工作人员，并与省级机关一道参加展会、"
            "展览以及投资、贸易、旅游促进活动。"
        ),
        "body": (
            "<p>所注日期为县网站发布该计划的日期（2022年6月15日），签署日期见原件。</p>"
            "<p>附件为本门户网站生成的示例摘要，并非该文件的正式文本。</p>"
        ),
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
            "phụ trách phải có bằng tiếng Anh."
        ),
        "body": (
            "<p>Nghị định có hiệu lực từ ngày 15/08/2022. Cổng thông tin này được xây dựng theo các "
            "yêu cầu trên.</p><p>Tệp đính kèm là bản tóm tắt mẫu do cổng thông tin tạo, không phải "
            "bản chính thức của văn bản.</p>"
        ),
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
            "contact details of responsible officials must also be given in English."
        ),
        "body": (
            "<p>The decree has been in force since 15 August 2022. This portal is built to meet "
            "the requirements above.</p><p>The attached file is a sample summary generated by this "
            "portal, not the official text of the document.</p>"
        ),
    },
    "ko": {
        "title": "국가기관의 온라인 정보 및 공공서비스 제공에 관한 시행령",
        "slug": "decree-42-2022-nd-cp",
        "issuer": "베트남 정부",
        "abstract": (
            "이 시행령은 현급·사급 인민위원회를 포함한 국가기관이 온라인으로 정보와 공공서비스를 "
            "제공하는 방법을 규정합니다. 기관의 포털은 공식 정보 채널로서 법규 문서와 행정 문서(종류, "
            "번호, 발행 기관, 발행일과 시행일, 요지, 내려받을 수 있는 파일), 계획과 프로그램, 기관의 "
            "조직·기능·연락처를 게시하고, 검색, 다른 기관 포털로의 링크, 모든 글의 인쇄 기능을 제공해야 "
            "합니다. 기관의 조직과 기능, 담당자 연락처는 영어로도 제공해야 합니다."
        ),
        "body": (
            "<p>이 시행령은 2022년 8월 15일부터 시행되었습니다. 이 포털은 위의 요건에 맞게 "
            "만들어졌습니다.</p><p>첨부 파일은 이 포털이 만든 샘플 요약본이며 문서의 공식 본문이 "
            "아닙니다.</p>"
        ),
    },
    "ja": {
        "title": "国家機関によるオンラインでの情報および公共サービスの提供に関する政令",
        "slug": "decree-42-2022-nd-cp",
        "issuer": "ベトナム政府",
        "abstract": (
            "本政令は、県級・社級の人民委員会を含む国家機関が、オンラインで情報と公共サービスを提供する"
            "方法を定めています。機関のポータルは公式の情報チャネルとして、法令文書・行政文書（種類、"
            "番号、発行機関、発行日と施行日、要旨、ダウンロード可能なファイル）、計画とプログラム、"
            "機関の組織・機能・連絡先を公開し、検索、他機関のポータルへのリンク、全記事の印刷機能を"
            "備えなければなりません。機関の組織・機能と担当者の連絡先は英語でも提供する必要があります。"
        ),
        "body": (
            "<p>本政令は2022年8月15日から施行されています。本ポータルは上記の要件を満たすように"
            "作られています。</p><p>添付ファイルは本ポータルが作成したサンプルの要約であり、"
            "文書の正式な本文ではありません。</p>"
        ),
    },
    "zh-hans": {
        "title": "关于国家机关在网络环境中提供信息和在线公共服务的议定",
        "slug": "decree-42-2022-nd-cp",
        "issuer": "越南政府",
        "abstract": (
            "该议定规定了国家机关（包括县级、社级人民委员会）在网上提供信息和公共服务的方式。机关门户"
            "网站是其官方信息渠道：须公布法规文件和行政文件（类型、文号、发文机关、发布日期和生效日期、"
            "摘要及可下载文件）、计划和项目、机关的组织机构、职能和联系方式，并提供搜索、通往其他机关"
            "门户网站的链接以及每篇文章的打印功能。机关的组织机构、职能和负责人联系方式还须提供英文版。"
        ),
        "body": (
            "<p>该议定自2022年8月15日起施行。本门户网站按上述要求建设。</p>"
            "<p>附件为本门户网站生成的示例摘要，并非该文件的正式文本。</p>"
        ),
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


def _homes(languages=LOCALES):
    return {code: HomePage.objects.get(locale__language_code=code) for code in languages}


def _ensure_page(model, parent, locale, translation_key, **fields):
    page = (
        model.objects.filter(locale=locale, translation_key=translation_key).first()
        if translation_key
        else None
    )
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
def ensure_organisation_page(languages=LOCALES):
    """{language: page}: the organisation and contacts page under each home page, in
    `languages` (Vietnamese first)."""
    homes = _homes(languages)
    pages, key = {}, None
    existing = OrganisationPage.objects.filter(locale__language_code="vi").first()
    if existing:
        key = existing.translation_key
    for code in languages:
        text = ORGANISATION[code]
        officials = [
            (
                "official",
                {
                    "name": name,
                    "position": text["positions"][i] + text["sample"],
                    "responsibility": responsibility,
                    "phone": phone,
                    "email": email,
                },
            )
            for i, (name, responsibility, phone, email) in enumerate(OFFICIALS)
        ]
        page = _ensure_page(
            OrganisationPage,
            homes[code],
            homes[code].locale,
            key,
            title=text["title"],
            slug=text["slug"],
            intro=text["intro"],
            functions=text["functions"],
            officials=officials,
            office_name=text["office_name"],
            address=text["address"],
            office_hours=text["office_hours"],
            phone="+84 000 000 100",
            email="contact@dautieng-promo.example",
        )
        key = page.translation_key
        pages[code] = page
    _record_translations(pages)
    return pages


def _record_translations(pages):
    """Translations made here join wagtail-localize's sync like those made in its editor (the
    importer's way: one snapshot of the source for all its languages)."""
    from promo.imported_translations import record_translations

    record_translations(list(pages.values()))


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
    return _sample_file(
        "Kế hoạch 64/KH-UBND (2022) — bản tóm tắt mẫu",
        "ke-hoach-64-kh-ubnd-2022-mau.pdf",
        [
            "Ke hoach so 64/KH-UBND - Plan No. 64/KH-UBND",
            "Thong tin doi ngoai huyen Dau Tieng nam 2022",
            "Foreign information plan of Dau Tieng District, 2022",
            "Published on the district website: 15/06/2022",
            "",
            "SAMPLE FILE generated for the demo portal.",
            "It is not the official text of the document.",
        ],
    )


def _decree_file():
    return _sample_file(
        "Nghị định 42/2022/NĐ-CP — bản tóm tắt mẫu",
        "nghi-dinh-42-2022-nd-cp-mau.pdf",
        [
            "Nghi dinh so 42/2022/ND-CP - Decree No. 42/2022/ND-CP",
            "Cung cap thong tin va dich vu cong truc tuyen tren moi truong mang",
            "Online information and public services of state agencies",
            "Issued 24/06/2022, in force 15/08/2022",
            "",
            "SAMPLE FILE generated for the demo portal.",
            "It is not the official text of the document.",
        ],
    )


def _ensure_document(index, locale, number, **fields):
    """The translation in `locale` of the document numbered `number` (numbers are shared by
    every translation), created or updated and published."""
    existing = OfficialDocumentPage.objects.filter(locale__language_code="vi", number=number).first()
    return _ensure_page(
        OfficialDocumentPage,
        index,
        locale,
        existing.translation_key if existing else None,
        number=number,
        **fields,
    )


@transaction.atomic
def ensure_documents(languages=LOCALES):
    """{"index": {code: page}, "plan_64": {code: page}, "decree_42": {code: page}}: the documents
    section, the seed's plan and the decree that sets the rules for this portal, in `languages`
    (Vietnamese first)."""
    homes = _homes(languages)
    result = {"index": {}, "plan_64": {}, "decree_42": {}}
    index_key = None
    if existing := DocumentIndexPage.objects.filter(locale__language_code="vi").first():
        index_key = existing.translation_key
    plan_file, decree_file = _plan_file(), _decree_file()
    for code in languages:  # vi first: the translations join the Vietnamese pages' translation keys
        locale = Locale.objects.get(language_code=code)
        index = _ensure_page(DocumentIndexPage, homes[code], locale, index_key, **DOCUMENT_INDEX[code])
        index_key = index.translation_key
        result["index"][code] = index
        text = PLAN_64[code]
        result["plan_64"][code] = _ensure_document(
            index,
            locale,
            PLAN_64_NUMBER,
            title=text["title"],
            slug=text["slug"],
            doc_type="plan",
            issuer=text["issuer"],
            issued=PLAN_64_DATE,
            abstract=text["abstract"],
            body=text["body"],
            file=plan_file,
        )
        text = DECREE_42[code]
        result["decree_42"][code] = _ensure_document(
            index,
            locale,
            DECREE_42_NUMBER,
            title=text["title"],
            slug=text["slug"],
            doc_type="decree",
            issuer=text["issuer"],
            issued=DECREE_42_ISSUED,
            effective=DECREE_42_EFFECTIVE,
            abstract=text["abstract"],
            body=text["body"],
            file=decree_file,
        )
    for pages in result.values():
        _record_translations(pages)
    return result

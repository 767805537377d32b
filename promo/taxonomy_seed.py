"""Initial taxonomy rows, loaded once by a data migration; afterwards staff own them.

Names are (vi, en, ko, ja, zh-hans). Former communes are from the 1 July 2025 reorganisation
of commune-level units; `primary` marks the unit an old address resolves to when a former commune
was split between several units — staff can change it in the admin.
"""

from promo.languages import LANGUAGE_CODES

LOCALES = LANGUAGE_CODES  # the order of the names below

COMMUNES = [
    # slug, unit type, names, [(former name, primary)]
    (
        "dau-tieng",
        "xa",
        ("xã Dầu Tiếng", "Dầu Tiếng Commune", "Dầu Tiếng 사", "Dầu Tiếng社", "Dầu Tiếng社"),
        [("thị trấn Dầu Tiếng", True), ("Định An", True), ("Định Thành", True), ("Định Hiệp", True)],
    ),
    (
        "long-hoa",
        "xa",
        ("xã Long Hòa", "Long Hòa Commune", "Long Hòa 사", "Long Hòa社", "Long Hòa社"),
        [("Long Tân", True), ("Long Hòa", True), ("Minh Tân", True), ("Minh Thạnh", False)],
    ),
    (
        "minh-thanh",
        "xa",
        ("xã Minh Thạnh", "Minh Thạnh Commune", "Minh Thạnh 사", "Minh Thạnh社", "Minh Thạnh社"),
        [("Minh Hòa", True), ("Minh Tân", False), ("Minh Thạnh", True)],
    ),
    (
        "thanh-an",
        "xa",
        ("xã Thanh An", "Thanh An Commune", "Thanh An 사", "Thanh An社", "Thanh An社"),
        [("Thanh An", True), ("Định Hiệp", False), ("Thanh Tuyền", True), ("An Lập", True)],
    ),
    (
        "tay-nam",
        "phuong",
        ("phường Tây Nam", "Tây Nam Ward", "Tây Nam 방", "Tây Nam坊", "Tây Nam坊"),
        [("Thanh Tuyền", False), ("An Lập", False), ("An Tây", True)],
    ),
]

SECTORS = [
    ("agriculture", ("Nông nghiệp", "Agriculture", "농업", "農業", "农业")),
    ("manufacturing", ("Công nghiệp chế biến, chế tạo", "Manufacturing", "제조업", "製造業", "制造业")),
    ("tourism", ("Du lịch", "Tourism", "관광", "観光", "旅游")),
    ("logistics", ("Logistics", "Logistics", "물류", "物流", "物流")),
    ("energy", ("Năng lượng", "Energy", "에너지", "エネルギー", "能源")),
    ("real-estate", ("Bất động sản", "Real estate", "부동산", "不動産", "房地产")),
]

CATEGORIES = [
    ("product", "agricultural", ("Nông sản", "Agricultural produce", "농산물", "農産物", "农产品")),
    ("product", "food", ("Thực phẩm", "Food", "식품", "食品", "食品")),
    ("product", "handicraft", ("Thủ công mỹ nghệ", "Handicrafts", "수공예품", "手工芸品", "手工艺品")),
    ("product", "household", ("Đồ gia dụng", "Household goods", "생활용품", "生活用品", "家居用品")),
    ("product", "beverage", ("Đồ uống", "Beverages", "음료", "飲料", "饮料")),
    ("news", "administration", ("Chỉ đạo, điều hành", "Administration", "행정", "行政", "行政")),
    ("news", "economy", ("Kinh tế", "Economy", "경제", "経済", "经济")),
    ("news", "tourism", ("Du lịch", "Tourism", "관광", "観光", "旅游")),
    ("news", "culture", ("Văn hóa", "Culture", "문화", "文化", "文化")),
    ("news", "environment", ("Môi trường", "Environment", "환경", "環境", "环境")),
    ("news", "agriculture", ("Nông nghiệp", "Agriculture", "농업", "農業", "农业")),
    ("news", "investment", ("Đầu tư", "Investment", "투자", "投資", "投资")),
    ("news", "irrigation", ("Thủy lợi", "Irrigation", "관개", "灌漑", "水利")),
]

SYNONYM_GROUPS = [
    "cao su, rubber, 고무, ゴム, 橡胶",
    "găng tay, gloves, 장갑, 手袋, 手套",
    "hội chợ, fair, expo, 박람회, 見本市, 博览会",
    "đầu tư, investment, 투자, 投資, 投资",
    "du lịch, tourism, 관광, 観光, 旅游",
    "hồ, lake, 호수, 湖, 湖",
    "chùa, pagoda, temple, 사찰, 寺, 寺庙",
]

# Forms of investment: Investment Law 2020 (Luật Đầu tư số 61/2020/QH14, Art. 21–27), the PPP Law
# 2020 and land practice. (slug, {locale: legal basis}, names in LOCALES order)
INVESTMENT_FORMS = [
    (
        "new-project",
        {
            "vi": "Luật Đầu tư 2020, Điều 21, 22",
            "en": "Investment Law 2020, Articles 21–22",
            "ko": "투자법(2020) 제21·22조",
            "ja": "投資法（2020年）第21・22条",
            "zh-hans": "2020年《投资法》第21、22条",
        },
        (
            "Dự án đầu tư mới, thành lập tổ chức kinh tế",
            "New project / new economic organisation",
            "신규 투자 프로젝트·경제조직 설립",
            "新規投資プロジェクト・経済組織の設立",
            "新投资项目／设立经济组织",
        ),
    ),
    (
        "capital-contribution",
        {
            "vi": "Luật Đầu tư 2020, Điều 24–26",
            "en": "Investment Law 2020, Articles 24–26",
            "ko": "투자법(2020) 제24~26조",
            "ja": "投資法（2020年）第24～26条",
            "zh-hans": "2020年《投资法》第24至26条",
        },
        (
            "Góp vốn, mua cổ phần, mua phần vốn góp",
            "Capital contribution or share purchase",
            "출자·주식 또는 지분 인수",
            "出資・株式または持分の取得",
            "出资、购买股份或出资份额",
        ),
    ),
    (
        "bcc",
        {
            "vi": "Luật Đầu tư 2020, Điều 27, 28",
            "en": "Investment Law 2020, Articles 27–28",
            "ko": "투자법(2020) 제27·28조",
            "ja": "投資法（2020年）第27・28条",
            "zh-hans": "2020年《投资法》第27、28条",
        },
        (
            "Hợp đồng hợp tác kinh doanh (BCC)",
            "Business cooperation contract (BCC)",
            "경영협력계약(BCC)",
            "事業協力契約（BCC）",
            "合作经营合同（BCC）",
        ),
    ),
    (
        "ppp",
        {
            "vi": "Luật Đầu tư theo phương thức đối tác công tư 2020",
            "en": "Law on Public–Private Partnership Investment 2020",
            "ko": "민관협력(PPP) 투자법(2020)",
            "ja": "官民連携（PPP）投資法（2020年）",
            "zh-hans": "2020年《公私合作投资法》",
        },
        (
            "Đối tác công tư (PPP)",
            "Public–private partnership (PPP)",
            "민관협력(PPP)",
            "官民連携（PPP）",
            "政府和社会资本合作（PPP）",
        ),
    ),
    (
        "land-lease",
        {
            "vi": "Luật Đất đai 2024",
            "en": "Land Law 2024",
            "ko": "토지법(2024)",
            "ja": "土地法（2024年）",
            "zh-hans": "2024年《土地法》",
        },
        ("Thuê đất", "Land lease", "토지 임차", "土地の賃借", "土地租赁"),
    ),
    (
        "land-auction",
        {
            "vi": "Luật Đất đai 2024, Điều 125",
            "en": "Land Law 2024, Article 125",
            "ko": "토지법(2024) 제125조",
            "ja": "土地法（2024年）第125条",
            "zh-hans": "2024年《土地法》第125条",
        },
        (
            "Đấu giá quyền sử dụng đất",
            "Land-use-right auction",
            "토지사용권 경매",
            "土地使用権の競売",
            "土地使用权拍卖",
        ),
    ),
    (
        "investor-bidding",
        {
            "vi": "Luật Đầu tư 2020, Điều 29; Luật Đấu thầu 2023",
            "en": "Investment Law 2020, Article 29; Law on Bidding 2023",
            "ko": "투자법(2020) 제29조, 입찰법(2023)",
            "ja": "投資法（2020年）第29条、入札法（2023年）",
            "zh-hans": "2020年《投资法》第29条、2023年《招标法》",
        },
        (
            "Đấu thầu lựa chọn nhà đầu tư",
            "Bidding for investor selection",
            "투자자 선정 입찰",
            "投資家選定入札",
            "招标选择投资者",
        ),
    ),
]

"""Initial taxonomy rows, loaded once by a data migration; afterwards staff own them.

Names are (vi, en, ko, ja, zh-hans). Former communes are from the 1 July 2025 reorganisation
(see district-facts); `primary` marks the unit an old address resolves to when a former commune
was split between several units — staff can change it in the admin.
"""

LOCALES = ("vi", "en", "ko", "ja", "zh-hans")

COMMUNES = [
    # slug, unit type, names, [(former name, primary)]
    ("dau-tieng", "xa", ("xã Dầu Tiếng", "Dầu Tiếng Commune", "Dầu Tiếng 사", "Dầu Tiếng社", "Dầu Tiếng社"),
     [("thị trấn Dầu Tiếng", True), ("Định An", True), ("Định Thành", True), ("Định Hiệp", True)]),
    ("long-hoa", "xa", ("xã Long Hòa", "Long Hòa Commune", "Long Hòa 사", "Long Hòa社", "Long Hòa社"),
     [("Long Tân", True), ("Long Hòa", True), ("Minh Tân", True), ("Minh Thạnh", False)]),
    ("minh-thanh", "xa", ("xã Minh Thạnh", "Minh Thạnh Commune", "Minh Thạnh 사", "Minh Thạnh社",
                          "Minh Thạnh社"),
     [("Minh Hòa", True), ("Minh Tân", False), ("Minh Thạnh", True)]),
    ("thanh-an", "xa", ("xã Thanh An", "Thanh An Commune", "Thanh An 사", "Thanh An社", "Thanh An社"),
     [("Thanh An", True), ("Định Hiệp", False), ("Thanh Tuyền", True), ("An Lập", True)]),
    ("tay-nam", "phuong", ("phường Tây Nam", "Tây Nam Ward", "Tây Nam 방", "Tây Nam坊", "Tây Nam坊"),
     [("Thanh Tuyền", False), ("An Lập", False), ("An Tây", True)]),
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

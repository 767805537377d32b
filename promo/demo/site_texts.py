"""The demo's site-wide texts in the five languages: the office's contact details and the
footer's link groups (the district portal's "Liên kết website" blocks). Sample data: the
address and numbers are placeholders, the linked portals are real public sites."""

from promo.languages import LANGUAGE_CODES

LANGUAGES = LANGUAGE_CODES

PHONE = "+84 000 000 000"
EMAIL = "promotion@dautieng-promo.example"

OFFICE = {
    "vi": (
        "Văn phòng Xúc tiến Thương mại và Đầu tư Dầu Tiếng (mẫu)",
        "Địa chỉ mẫu: xã Dầu Tiếng, Thành phố Hồ Chí Minh, Việt Nam",
        "Thứ Hai – Thứ Sáu, 7:30–11:30 và 13:30–17:00",
    ),
    "en": (
        "Dầu Tiếng Trade and Investment Promotion Office (sample)",
        "Sample address: Dầu Tiếng Commune, Hồ Chí Minh City, Vietnam",
        "Monday to Friday, 7:30–11:30 and 13:30–17:00",
    ),
    "ko": (
        "Dầu Tiếng 무역투자진흥사무소(샘플)",
        "샘플 주소: 베트남 Hồ Chí Minh시 Dầu Tiếng 사",
        "월요일–금요일 7:30–11:30, 13:30–17:00",
    ),
    "ja": (
        "Dầu Tiếng貿易投資促進事務所（サンプル）",
        "サンプル住所：ベトナム、Hồ Chí Minh市Dầu Tiếng社",
        "月曜～金曜 7:30～11:30、13:30～17:00",
    ),
    "zh-hans": (
        "Dầu Tiếng贸易投资促进办公室（示例）",
        "示例地址：越南Hồ Chí Minh市Dầu Tiếng社",
        "周一至周五 7:30–11:30、13:30–17:00",
    ),
}

# (group titles by language, [(link labels by language, url)])
LINK_GROUPS = [
    (
        {
            "vi": "Liên kết website",
            "en": "Websites",
            "ko": "관련 웹사이트",
            "ja": "関連サイト",
            "zh-hans": "网站链接",
        },
        [
            (
                {
                    "vi": "Cổng thông tin điện tử Chính phủ",
                    "en": "Government of Vietnam portal",
                    "ko": "베트남 정부 포털",
                    "ja": "ベトナム政府ポータル",
                    "zh-hans": "越南政府门户网站",
                },
                "https://chinhphu.vn/",
            ),
            (
                {
                    "vi": "Cổng thông tin điện tử Thành phố Hồ Chí Minh",
                    "en": "Hồ Chí Minh City portal",
                    "ko": "Hồ Chí Minh시 포털",
                    "ja": "Hồ Chí Minh市ポータル",
                    "zh-hans": "Hồ Chí Minh市门户网站",
                },
                "https://www.hochiminhcity.gov.vn/",
            ),
        ],
    ),
    (
        {
            "vi": "Các Sở, Ban ngành",
            "en": "Departments and agencies",
            "ko": "각 부처 및 기관",
            "ja": "各部局・機関",
            "zh-hans": "各厅局及部门",
        },
        [
            (
                {
                    "vi": "Trung tâm Xúc tiến Thương mại và Đầu tư Thành phố Hồ Chí Minh (ITPC)",
                    "en": "Hồ Chí Minh City Investment and Trade Promotion Centre (ITPC)",
                    "ko": "Hồ Chí Minh시 투자무역진흥센터(ITPC)",
                    "ja": "Hồ Chí Minh市投資貿易促進センター（ITPC）",
                    "zh-hans": "Hồ Chí Minh市投资贸易促进中心（ITPC）",
                },
                "https://itpc.hochiminhcity.gov.vn/",
            ),
            (
                {
                    "vi": "Sở Du lịch Thành phố Hồ Chí Minh",
                    "en": "Hồ Chí Minh City Department of Tourism",
                    "ko": "Hồ Chí Minh시 관광국",
                    "ja": "Hồ Chí Minh市観光局",
                    "zh-hans": "Hồ Chí Minh市旅游局",
                },
                "https://sodulich.hochiminhcity.gov.vn/",
            ),
        ],
    ),
    (
        {
            "vi": "Các trang khác",
            "en": "Other sites",
            "ko": "기타 사이트",
            "ja": "その他のサイト",
            "zh-hans": "其他网站",
        },
        [
            (
                {
                    "vi": "Chương trình OCOP (mẫu)",
                    "en": "OCOP programme (sample)",
                    "ko": "OCOP 프로그램(샘플)",
                    "ja": "OCOPプログラム（サンプル）",
                    "zh-hans": "OCOP计划（示例）",
                },
                "https://dautieng-promo.example/ocop",
            ),
            (
                {
                    "vi": "Du lịch Núi Cậu – Dầu Tiếng (mẫu)",
                    "en": "Núi Cậu – Dầu Tiếng tourism (sample)",
                    "ko": "Núi Cậu – Dầu Tiếng 관광(샘플)",
                    "ja": "Núi Cậu – Dầu Tiếng観光（サンプル）",
                    "zh-hans": "Núi Cậu – Dầu Tiếng旅游（示例）",
                },
                "https://dautieng-promo.example/du-lich",
            ),
        ],
    ),
]

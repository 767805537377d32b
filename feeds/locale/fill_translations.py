"""Write and compile the feeds app's translations: `.venv/bin/python feeds/locale/fill_translations.py`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "locale"))  # locale/catalog.py
from catalog import LANGS, write_catalog

HERE = Path(__file__).resolve().parent

# msgid: (vi, ko, ja, zh-hans)
T = {
    "Dầu Tiếng news": ("Tin tức Dầu Tiếng", "Dầu Tiếng 뉴스", "ザウティエンのニュース", "油汀新闻"),
    "Latest news from Dầu Tiếng: local products, trade fairs, tourism and investment.": (
        "Tin mới nhất từ Dầu Tiếng: sản phẩm địa phương, hội chợ, du lịch và đầu tư.",
        "Dầu Tiếng의 최신 소식: 지역 특산품, 박람회, 관광, 투자.",
        "ザウティエンの最新ニュース：地域産品、見本市、観光、投資。",
        "油汀最新消息：地方产品、展会、旅游与投资。"),
    "Dầu Tiếng trade fairs and events": (
        "Hội chợ và sự kiện tại Dầu Tiếng", "Dầu Tiếng 박람회·행사", "ザウティエンの見本市・イベント",
        "油汀展会与活动"),
    "Upcoming trade fairs and events in Dầu Tiếng.": (
        "Các hội chợ và sự kiện sắp diễn ra tại Dầu Tiếng.", "Dầu Tiếng에서 곧 열리는 박람회와 행사.",
        "ザウティエンで近く開催される見本市とイベント。", "油汀即将举办的展会与活动。"),
    "Venue: %(venue)s": ("Địa điểm: %(venue)s", "장소: %(venue)s", "会場：%(venue)s", "地点：%(venue)s"),
    "Organizer: %(organizer)s": ("Đơn vị tổ chức: %(organizer)s", "주최: %(organizer)s",
                                 "主催：%(organizer)s", "主办方：%(organizer)s"),
    "Registration: %(url)s": ("Đăng ký: %(url)s", "참가 신청: %(url)s", "参加申込：%(url)s",
                              "报名：%(url)s"),
    "Details: %(url)s": ("Chi tiết: %(url)s", "자세히 보기: %(url)s", "詳細：%(url)s", "详情：%(url)s"),
    "Add to calendar (.ics)": ("Thêm vào lịch (.ics)", "캘린더에 추가 (.ics)", "カレンダーに追加 (.ics)",
                               "添加到日历 (.ics)"),
    "Ho Chi Minh City": ("Thành phố Hồ Chí Minh", "호찌민시", "ホーチミン市", "胡志明市"),
    "OCOP %(stars)s-star": ("OCOP %(stars)s sao", "OCOP %(stars)s성", "OCOP %(stars)s つ星",
                            "OCOP %(stars)s星级"),
    "Area": ("Diện tích", "면적", "面積", "面积"),
    "Planned capital": ("Vốn dự kiến", "예상 투자 자본", "予定投資額", "计划投资额"),
    "Status": ("Tình trạng", "상태", "状況", "状态"),
    # the default value of ContactSettings.office_name, translated when unchanged
    "Trade and Investment Promotion Office": (
        "Trung tâm Xúc tiến Thương mại và Đầu tư", "무역투자진흥사무소", "貿易投資促進事務所",
        "贸易投资促进办公室"),
}

if __name__ == "__main__":
    # This catalogue's header has no Project-Id-Version and no Plural-Forms.
    count = write_catalog(HERE, None, T, plural_forms=None)
    for lang in LANGS:
        print(f"{lang}: {count} messages")

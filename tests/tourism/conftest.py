"""Tourism content for the tests: attractions with structured hours and fees, a fair with
times, a venue position and exhibitors, products they show, and an itinerary through them."""

import pytest
from django.test import TestCase

from tests.factories import AttractionLine, FairLine, ProductLine, load_lines, translated

EVERY_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def attraction_lines():
    hill = AttractionLine(
        ref="nui-cau",
        title="Núi Cậu",
        lat=11.336,
        lon=106.345,
        hours={
            "status": "scheduled",
            "weekly": [{"days": EVERY_DAY, "opens": "05:00", "closes": "18:00"}],
            "exceptions": [
                {
                    "reason": "tet",
                    "from": "2027-02-05",
                    "through": "2027-02-10",
                    "opens": "04:00",
                    "closes": "22:00",
                }
            ],
        },
        free_entry=True,
        duration_minutes={"min": 150, "max": 240},
        best_months=[12, 1, 2, 3, 4],
        getting_there=[
            {
                "from": "hcmc",
                "km": 100,
                "drive_minutes": 150,
                "public_transport": "Xe khách từ Bến xe Miền Đông.",
            }
        ],
        amenities={"wheelchair": "no", "steps": "yes", "parking": "yes"},
        step_count=1000,
        season_note="Mùa khô đẹp nhất.",
        fees_note="Gửi xe có thu phí.",
        booking_url="https://dautieng-promo.example/nui-cau",
        contact_phone="+84 000 000 111",
    )
    village = AttractionLine(
        ref="lang-cao-su",
        title="Làng công nhân cao su",
        category="heritage",
        lat=11.302,
        lon=106.412,
        hours={
            "weekly": [
                {"days": EVERY_DAY[1:], "opens": "07:30", "closes": "11:30"},
                {"days": EVERY_DAY[1:], "opens": "13:30", "closes": "17:00"},
            ]
        },
        fees=[{"visitor": "adult", "vnd": 20000}, {"visitor": "child", "vnd": 10000}],
    )
    lake = AttractionLine(
        ref="ho-dau-tieng",
        title="Hồ Dầu Tiếng",
        lat=11.352,
        lon=106.318,
        hours={"status": "always"},
        free_entry=True,
    )
    night = AttractionLine(
        ref="cho-dem",
        title="Chợ đêm",
        category="food",
        lat=11.27,
        lon=106.36,
        hours={"weekly": [{"days": ["fri", "sat"], "opens": "18:00", "closes": "02:00"}]},
    )
    shut = AttractionLine(
        ref="dong-cua", title="Điểm đang sửa", lat=11.3, lon=106.3, hours={"status": "closed"}
    )
    return [
        hill,
        village,
        lake,
        night,
        shut,
        translated(
            hill,
            "en",
            title="Cau Mountain",
            season_note="Best in the dry season.",
            getting_there=[
                {
                    "from": "hcmc",
                    "km": 100,
                    "drive_minutes": 150,
                    "public_transport": "Coaches from Miền Đông.",
                }
            ],
        ),
        translated(village, "en", title="Rubber workers' village"),
    ]


@pytest.fixture(scope="module")
def _module_tourism(request):
    """The tourism content, built once for a module whose database tests all use it."""
    from tests.conftest import shared_content

    if not shared_content(request, "tourism"):
        return None
    return request.getfixturevalue("module_content")(add_tourism)


@pytest.fixture
def tourism(_module_tourism, site, settings):
    if _module_tourism:
        return _module_tourism.for_test(settings)
    return add_tourism()


def add_tourism():
    honey = ProductLine(ref="mat-ong", title="Mật ong hoa cao su")
    fair = FairLine(
        ref="phien-cho-2026",
        title="Phiên chợ nông sản",
        start="2099-12-10",
        end="2099-12-12",
        opens="07:00",
        closes="21:00",
        lat=11.2745,
        lon=106.3625,
        registration_deadline="2099-12-05",
        free_admission=True,
        registration_howto="Đăng ký gian hàng tại Trung tâm Xúc tiến.",
        registration_url="https://dautieng-promo.example/dang-ky",
        exhibitors=[
            {"name": "Cơ sở mật ong (mẫu)", "shows": "Mật ong", "booth": "A01", "product": "mat-ong"},
            {"name": "Xưởng gỗ (mẫu)", "shows": "Bàn ghế", "booth": "A02"},
        ],
    )
    lines = attraction_lines() + [
        honey,
        fair,
        translated(honey, "en", title="Rubber honey"),
        translated(
            fair,
            "en",
            title="Farm market",
            exhibitors=[
                {"name": "Honey maker (sample)", "shows": "Honey", "booth": "A01", "product": "mat-ong"}
            ],
        ),
    ]
    with TestCase.captureOnCommitCallbacks(execute=True):  # indexing, as after the import's commit
        load_lines(lines)
    return lines


def build_trip(ref="mot-ngay", stops=None, days=1):
    """A published TripPage (vi, plus en) under the tourism section's itineraries index."""
    from wagtail.models import Locale

    from promo.demo.itineraries import ensure_trip_indexes
    from promo.languages import LANGUAGE_CODES
    from promo.models import AttractionPage, FairPage, ProductPage, TripPage

    index_titles = {
        code: [f"Lịch trình {code}", "lich-trinh" if code == "vi" else "itineraries"]
        for code in LANGUAGE_CODES
    }
    indexes = ensure_trip_indexes({"index": index_titles, "index_intro": {code: "" for code in index_titles}})
    vi = Locale.objects.get(language_code="vi")
    pages = {
        p.ref: p for model in (AttractionPage, FairPage, ProductPage) for p in model.objects.filter(locale=vi)
    }
    stops = stops or [
        {
            "time": "07:00",
            "page": "nui-cau",
            "travel_mode": "car",
            "travel_minutes": 150,
            "travel_km": "100",
            "description": "Leo núi.",
        },
        {
            "time": "10:00",
            "page": "lang-cao-su",
            "travel_mode": "car",
            "travel_minutes": 20,
            "travel_km": "10",
            "description": "Làng công nhân.",
        },
        {
            "time": "12:00",
            "page": "mat-ong",
            "lat": "11.245",
            "lon": "106.498",
            "travel_mode": "car",
            "travel_minutes": 30,
            "travel_km": "20",
        },
        {"time": "14:00", "page": "phien-cho-2026", "travel_mode": "car", "travel_minutes": 15},
        {
            "time": "16:00",
            "name": "Đường cao su",
            "lat": "11.29",
            "lon": "106.43",
            "travel_mode": "car",
            "travel_minutes": 10,
            "travel_km": "5",
        },
    ]

    def stream(text_suffix=""):
        value = []
        for n, stop in enumerate(stops):
            item = {
                "time": stop["time"],
                "page": pages[stop["page"]].pk if stop.get("page") else None,
                "name": stop.get("name", "") + (text_suffix if stop.get("name") else ""),
                "lat": stop.get("lat"),
                "lon": stop.get("lon"),
                "description": stop.get("description", ""),
                "stay_minutes": 30,
                "travel_mode": stop.get("travel_mode", ""),
                "travel_minutes": stop.get("travel_minutes"),
                "travel_km": stop.get("travel_km"),
            }
            value.append({"type": "item", "id": f"00000000-0000-4000-8000-{n:012d}", "value": item})
        per_day = max(1, len(value) // days)
        chunks = [value[i * per_day : (i + 1) * per_day if i < days - 1 else None] for i in range(days)]
        return [
            {
                "type": "day",
                "id": f"10000000-0000-4000-8000-{d:012d}",
                "value": {"title": f"Ngày {d + 1}{text_suffix}", "intro": "", "stops": chunk},
            }
            for d, chunk in enumerate(chunks)
        ]

    source = None
    for code, title, suffix in (
        ("vi", "Một ngày quanh Núi Cậu", ""),
        ("en", "A day around Núi Cậu", " (en)"),
    ):
        page = TripPage(
            ref=ref,
            slug=ref,
            title=title,
            summary=f"{title}.",
            locale=indexes[code].locale,
            duration="one-day" if days == 1 else "two-days",
            days=stream(suffix),
            live=False,
        )
        if source is not None:
            page.translation_key = source.translation_key
        indexes[code].add_child(instance=page)
        page.full_clean()
        page.save_revision().publish()
        source = source or page
    return source

"""The demo's pictures: one per item, differing in scene and composition, in the proportion of
the listing cards (so the crop cuts nothing), with alternative text in every language."""

import hashlib
import io

import pytest
from PIL import Image

from promo.demo.images import DEMO_SCENES, SCENE_ALT, SCENES, SIZE, alt_text, make_demo_image, scene_for

LANGUAGES = ("vi", "en", "ko", "ja", "zh-hans")


def test_every_scene_is_painted_and_described_in_five_languages():
    assert set(DEMO_SCENES.values()) <= set(SCENES) <= set(SCENE_ALT)
    for scene, words in SCENE_ALT.items():
        assert set(words) == set(LANGUAGES), scene
    assert alt_text("pagoda", "ko").startswith("일러스트: ") and "관음상" in alt_text("pagoda", "ko")


def test_items_without_a_demo_scene_get_one_by_kind_and_category():
    assert scene_for("someone-elses-item", "attraction", "religious") == "pagoda"
    assert scene_for("someone-elses-item", "investment", "logistics") == "cold_storage"
    assert scene_for("someone-elses-item", "fair") == "fair"


def test_pictures_have_the_card_proportion_and_differ_per_item():
    card_ratio = 400 / 260
    digests = set()
    refs = [
        "nui-cau",
        "ho-dau-tieng",
        "ket-noi-cung-cau-2025",
        "ket-noi-cung-cau-2026-12",
        "kcn-bau-bang-mo-rong-long-hoa",
        "nha-may-van-go-cao-su-minh-thanh",
    ]
    for ref in refs:
        data = make_demo_image(ref, "attraction")
        image = Image.open(io.BytesIO(data))
        assert image.size == SIZE and abs(image.width / image.height - card_ratio) < 0.01
        digests.add(hashlib.sha256(image.tobytes()).hexdigest())
    assert len(digests) == len(refs)
    assert make_demo_image("nui-cau", "attraction") == make_demo_image("nui-cau", "attraction")


@pytest.mark.django_db
def test_load_demo_describes_each_picture_in_each_language(site):

    from promo.models import AttractionPage
    from tests.factories import AttractionLine, load_lines, translated

    line = AttractionLine(ref="chua-thai-son", title="Chùa Thái Sơn", category="religious")
    load_lines([line] + [translated(line, code) for code in LANGUAGES[1:]])
    from promo.management.commands.load_demo import Command

    assert Command().add_pictures() == 1
    for page in AttractionPage.objects.filter(ref="chua-thai-son").select_related("locale"):
        assert page.hero_image is not None
        assert page.hero_alt == alt_text("pagoda", page.locale.language_code)


@pytest.mark.django_db
def test_the_demo_itineraries_pictures_are_described_not_titled(site):
    """A trip's picture is described in the page's language ("the view from a hilltop…"), not
    labelled with the trip's title."""
    from promo.demo.itineraries import load_itineraries
    from promo.models import TripPage

    load_itineraries(with_pictures=True)
    trips = list(TripPage.objects.select_related("locale"))
    assert {t.locale.language_code for t in trips} == set(LANGUAGES)
    for trip in trips:
        code = trip.locale.language_code
        assert trip.hero_image_id
        assert trip.hero_alt == alt_text(scene_for(trip.ref, "itinerary"), code)
        assert trip.title not in trip.hero_alt
    assert TripPage.objects.get(ref="nua-ngay-nui-cau", locale__language_code="ja").hero_alt == (
        "イラスト：丘の頂上から見下ろす湖と塔"
    )


@pytest.mark.django_db
def test_demo_officers_have_illustrated_portraits(site):
    """Each sample officer gets a drawn head-and-shoulders portrait of their own (not initials on
    a disc), the same picture in every language."""
    from promo.demo.investment import OFFICERS, ensure_officers
    from promo.models import Officer

    ensure_officers(pictures=True)
    ensure_officers(pictures=True)  # again: nothing duplicated
    digests = set()
    for data in OFFICERS:
        officers = list(Officer.objects.filter(slug=data["slug"]))
        assert len(officers) == len(LANGUAGES)
        assert len({o.photo_id for o in officers}) == 1 and officers[0].photo_id
        with officers[0].photo.open_file() as stream:
            picture = Image.open(stream).convert("RGB")
            assert picture.size == (320, 320)
            # background, skin, hair, clothes, collar each cover 1 % or more (initials on a disc: 3)
            areas = [count for count, _ in picture.quantize(16).getcolors() if count > 0.01 * 320 * 320]
            assert len(areas) >= 5
            digests.add(hashlib.sha256(picture.tobytes()).hexdigest())
    assert len(digests) == len(OFFICERS)

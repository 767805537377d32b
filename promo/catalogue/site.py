"""The fixed skeleton of the site: a home page and one index page per kind, in every locale.

Created on demand (by the importer, the demo loader and tests) so that a fresh database needs
no hand work before content can be loaded.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.dispatch import Signal
from wagtail.models import Locale, Page, Site

from promo.languages import LANGUAGE_CODES
from promo.models import INDEX_MODELS

LOCALES = LANGUAGE_CODES
# Sent once the skeleton is complete (homes={code: HomePage}): the staff app gives the editors'
# groups their permissions on the sections (staff/apps.py).
site_ready = Signal()


def _home_model():
    # by name: the home app (the home page's sections) sits above the catalogue
    return apps.get_model("home", "HomePage")


HOME_TITLES = {
    "vi": ("Dầu Tiếng", "Sản vật, hội chợ, du lịch và cơ hội đầu tư"),
    "en": ("Dầu Tiếng", "Local products, trade fairs, tourism and investment"),
    "ko": ("Dầu Tiếng", "지역 특산품, 박람회, 관광, 투자 기회"),
    "ja": ("Dầu Tiếng", "地域産品・見本市・観光・投資機会"),
    "zh-hans": ("Dầu Tiếng", "地方产品、展会、旅游与投资机会"),
}

# kind -> locale -> (title, slug)
INDEX_TITLES = {
    "product": {
        "vi": ("Sản phẩm địa phương", "san-pham"),
        "en": ("Local products", "products"),
        "ko": ("지역 특산품", "products"),
        "ja": ("地域産品", "products"),
        "zh-hans": ("地方产品", "products"),
    },
    "fair": {
        "vi": ("Hội chợ, sự kiện", "hoi-cho"),
        "en": ("Trade fairs and events", "fairs"),
        "ko": ("박람회·행사", "fairs"),
        "ja": ("見本市・イベント", "fairs"),
        "zh-hans": ("展会与活动", "fairs"),
    },
    "attraction": {
        "vi": ("Du lịch", "du-lich"),
        "en": ("Tourism", "tourism"),
        "ko": ("관광", "tourism"),
        "ja": ("観光", "tourism"),
        "zh-hans": ("旅游", "tourism"),
    },
    "investment": {
        "vi": ("Cơ hội đầu tư", "dau-tu"),
        "en": ("Investment opportunities", "investment"),
        "ko": ("투자 기회", "investment"),
        "ja": ("投資機会", "investment"),
        "zh-hans": ("投资机会", "investment"),
    },
    "news": {
        "vi": ("Tin tức", "tin-tuc"),
        "en": ("News", "news"),
        "ko": ("뉴스", "news"),
        "ja": ("ニュース", "news"),
        "zh-hans": ("新闻", "news"),
    },
}


def _publish(page):
    page.save_revision().publish()
    return page


def _complete_skeleton():
    """{locale code: HomePage} when the whole skeleton is already there (the usual case: every
    import calls ensure_site), found in a handful of queries; None when anything is missing."""
    homes = list(_home_model().objects.select_related("locale"))
    by_code = {home.locale.language_code: home for home in homes}
    if len(homes) != len(LOCALES) or set(by_code) != set(LOCALES):
        return None
    if len({home.translation_key for home in homes}) != 1:
        return None
    if not Site.objects.filter(is_default_site=True, root_page_id=by_code["vi"].pk).exists():
        return None
    types = {ContentType.objects.get_for_model(model).pk: kind for kind, model in INDEX_MODELS.items()}
    indexes = set(
        Page.objects.filter(content_type_id__in=types).values_list("content_type_id", "locale__language_code")
    )
    if indexes != {(content_type, code) for content_type in types for code in LOCALES}:
        return None
    return by_code


@transaction.atomic
def ensure_site():
    """Return {locale code: HomePage}; create whatever of the skeleton is missing."""
    HomePage = _home_model()  # noqa: N806
    homes = _complete_skeleton()
    if homes is not None:
        site_ready.send(sender=ensure_site, homes=homes)
        return homes
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LOCALES}
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()

    home = HomePage.objects.filter(locale=locales["vi"]).first()
    if home is None:
        title, tagline = HOME_TITLES["vi"]
        home = root.add_child(
            instance=HomePage(
                title=title, tagline=tagline, slug="trang-chu", locale=locales["vi"], live=False
            )
        )
        _publish(home)
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Dầu Tiếng"
        )
    elif site.root_page_id != home.id:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Dầu Tiếng"
        site.save()
        # Wagtail's placeholder "Welcome" page is replaced, never real content.
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()

    homes = {"vi": home}
    for code in LOCALES[1:]:
        translated = HomePage.objects.filter(
            translation_key=home.translation_key, locale=locales[code]
        ).first()
        if translated is None:
            title, tagline = HOME_TITLES[code]
            translated = root.add_child(
                instance=HomePage(
                    title=title,
                    tagline=tagline,
                    slug=f"home-{code}",
                    locale=locales[code],
                    translation_key=home.translation_key,
                    live=False,
                )
            )
            _publish(translated)
        homes[code] = translated

    for kind, model in INDEX_MODELS.items():
        source = model.objects.filter(locale=locales["vi"]).first()
        for code in LOCALES:
            existing = model.objects.filter(locale=locales[code]).first()
            if existing is not None:
                continue
            title, slug = INDEX_TITLES[kind][code]
            page = model(title=title, slug=slug, locale=locales[code], live=False)
            if source is not None:
                page.translation_key = source.translation_key
            homes[code].add_child(instance=page)
            _publish(page)
            if code == "vi":
                source = page
    # Page permissions and the review workflow attach to section pages, which exist only now.
    site_ready.send(sender=ensure_site, homes=homes)
    return homes


def index_page(kind, locale_code):
    return INDEX_MODELS[kind].objects.get(locale__language_code=locale_code)

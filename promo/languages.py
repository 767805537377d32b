"""The site's languages, defined once: Vietnamese is the source, the other four are
translations made with wagtail-localize. Settings (`LANGUAGES`, `WAGTAIL_CONTENT_LANGUAGES`,
`LANGUAGE_CODE`) and every module that lists or orders languages read this module, so adding a
language starts here (docs/DESIGN.md, "How to add a language").

Imported by the settings: it must not import Django models or anything that needs the settings.
"""

from django.utils.translation import to_locale

# (Django language code, the language's own name) — the order is the order of the switcher,
# of the exchange format's translations and of the search's fallback.
LANGUAGES = (
    ("vi", "Tiếng Việt"),
    ("en", "English"),
    ("ko", "한국어"),
    ("ja", "日本語"),
    ("zh-hans", "简体中文"),
)
LANGUAGE_CODES = tuple(code for code, _name in LANGUAGES)
SOURCE_LANGUAGE = LANGUAGE_CODES[0]
# The language of the msgids: it has no gettext catalogue of its own.
MSGID_LANGUAGE = "en"
# Open Graph wants language_TERRITORY; the territory is where most readers of the language are.
OPEN_GRAPH_LOCALES = {"vi": "vi_VN", "en": "en_US", "ko": "ko_KR", "ja": "ja_JP", "zh-hans": "zh_CN"}


# How a sentence ends before the next one, where it is not ". " (no space in CJK text).
SENTENCE_ENDS = {"ja": "。", "zh-hans": "。"}


def sentence_end(code):
    return SENTENCE_ENDS.get(code, ". ")


def bcp47(code):
    """The BCP 47 tag of a Django language code (`zh-hans` → `zh-Hans`), as schema.org's
    inLanguage and HarfBuzz's text shaping want it."""
    return to_locale(code).replace("_", "-")


def catalogue_locales():
    """The gettext catalogue names (`zh_Hans`) of every language but the msgids' own."""
    return [to_locale(code) for code in LANGUAGE_CODES if code != MSGID_LANGUAGE]

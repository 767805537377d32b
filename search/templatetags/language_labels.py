"""Names of the site's languages in the visitor's language, for labels such as "Available in
Vietnamese" on a result or a suggestion shown in another language (`베트남어로 제공` on a Korean
page, not `Tiếng Việt로 제공`). Reusable by any template: `{% load language_labels %}` then
`{{ code|translated_language }}` or `{{ code|available_in }}`.

Django's own `get_language_info(code)["name_translated"]` is not used: its Vietnamese catalogue
calls Chinese "Tiếng Tàu" and its Japanese one calls English "英語(米国)".
"""

from django import template
from django.utils.translation import gettext, pgettext_lazy

register = template.Library()

LANGUAGE_LABELS = {
    "vi": pgettext_lazy("language name", "Vietnamese"),
    "en": pgettext_lazy("language name", "English"),
    "ko": pgettext_lazy("language name", "Korean"),
    "ja": pgettext_lazy("language name", "Japanese"),
    "zh-hans": pgettext_lazy("language name", "Simplified Chinese"),
}


@register.filter
def translated_language(code):
    """The name of the language `code` in the active language (the code itself if unknown)."""
    label = LANGUAGE_LABELS.get(code)
    return str(label) if label is not None else code


@register.filter
def available_in(code):
    """“Available in <language>”, both words in the active language."""
    return gettext("Available in %(language)s") % {"language": translated_language(code)}

"""Saying which language a piece of content is in, in the visitor's language.

    {% load language_tags %}
    {% language_label "en" %}              <span class="lang-label">영어로 제공</span> on a Korean page
    <h3{{ item|lang_attr }}>               ` lang="en"` when the item is not in the page's language
    {% translation_fallback_notice %}      the notice on a page served in place of a translation

`language_label` is the one label for "this is shown in another language" across the site:
listings, home sections and search results use it.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext

register = template.Library()


def language_name(code):
    """The name of a site language, in the active language ("Vietnamese" is "tiếng Việt" in
    Vietnamese and "베트남어" in Korean)."""
    names = {
        "vi": pgettext("language name", "Vietnamese"),
        "en": pgettext("language name", "English"),
        "ko": pgettext("language name", "Korean"),
        "ja": pgettext("language name", "Japanese"),
        "zh-hans": pgettext("language name", "Chinese"),
    }
    return names.get(code, code)


def shown_language(item):
    """The language `item` (a page) is written in, without a query where it is already known
    (listings and the fallback router set `shown_language`)."""
    code = getattr(item, "shown_language", None)
    if code:
        return code
    if getattr(item, "locale_id", None) is not None:
        from pagecache.memo import language_of

        return language_of(item)
    locale = getattr(item, "locale", None)
    return getattr(locale, "language_code", None)


@register.simple_tag
def language_label(code):
    """A short label naming the language some content is shown in, in the visitor's language."""
    if not code or code == get_language():
        return ""
    return format_html(
        '<span class="lang-label">{}</span>',
        pgettext("content shown in another language", "In %(language)s") % {"language": language_name(code)},
    )


@register.filter
def lang_attr(item):
    """` lang="xx"` for content written in another language than the page around it."""
    code = item if isinstance(item, str) else shown_language(item)
    if not code or code == get_language():
        return ""
    return format_html(' lang="{}"', code)


@register.inclusion_tag("includes/translation_fallback_notice.html", takes_context=True)
def translation_fallback_notice(context):
    request = context.get("request")
    fallback = getattr(request, "translation_fallback", None)
    if fallback is None:
        return {"notice": ""}
    return {
        "notice": pgettext(
            "page shown in another language",
            "This page is not yet available in %(requested)s. It is shown in %(shown)s.",
        )
        % {"requested": language_name(fallback.requested), "shown": language_name(fallback.shown)}
    }

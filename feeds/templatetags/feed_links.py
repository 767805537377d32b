"""Visible subscribe links for the fairs and news indexes.

    {% load feed_links %}{% subscribe_links as links %}
    links.rss, links.atom, links.calendar_https, links.calendar_webcal

`webcal:` is the same address with the scheme calendar apps register for: following it opens
the app's "subscribe" dialog instead of downloading the file once.
"""

from django import template
from django.urls import reverse

register = template.Library()


def webcal(url):
    return "webcal:" + url.split(":", 1)[1] if url.startswith(("http:", "https:")) else url


@register.simple_tag(takes_context=True)
def subscribe_links(context):
    request = context["request"]
    calendar = request.build_absolute_uri(reverse("feeds:fairs_ics"))
    return {
        "rss": reverse("feeds:news_rss"),
        "atom": reverse("feeds:news_atom"),
        "calendar_https": calendar,
        "calendar_webcal": webcal(calendar),
    }

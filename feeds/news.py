"""RSS 2.0 and Atom feeds of the news section, one per language (the URL's language prefix)."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from feeds.common import current_locale, office_name, publication_datetime
from promo.models import NewsIndexPage, NewsPage

FEED_SIZE = 30


class NewsRssFeed(Feed):
    # The item hooks need the request (for page URLs and the office name), so each request
    # gets its own instance rather than sharing one across threads.
    @classmethod
    def as_view(cls):
        def view(request, *args, **kwargs):
            return cls()(request, *args, **kwargs)

        return view

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        locale = current_locale(get_language())
        if locale is None:
            raise Http404
        return locale

    def title(self, locale):
        return _("Dầu Tiếng news")

    def description(self, locale):
        return _("Latest news from Dầu Tiếng: local products, trade fairs, tourism and investment.")

    def link(self, locale):
        index = NewsIndexPage.objects.live().public().filter(locale=locale).first()
        return index.get_url(self.request) if index else f"/{locale.language_code}/"

    def feed_url(self, locale):
        return self.request.path

    def items(self, locale):
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale=locale)
            .order_by(
                F("published").desc(nulls_last=True), F("first_published_at").desc(nulls_last=True), "-pk"
            )
            .select_related("locale")
            .defer_streamfields()[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        # A site-relative path; the syndication framework adds the visitor's host.
        return item.get_url(self.request)

    def item_guid(self, item):
        # Stable across renames and slug changes: the item's ref and language.
        return f"tag:dautieng-promo.example,2025:news/{item.ref}/{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return publication_datetime(item)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or office_name(self.request)


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, locale):
        return self.description(locale)

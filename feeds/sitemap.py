"""One sitemap for the whole site: every live page of every locale, each listing its live
translations as hreflang alternates (x-default is the Vietnamese source)."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from feeds.common import DEFAULT_LANGUAGE, LANGUAGE_CODES


class PortalSitemap(Sitemap):
    limit = 5000

    def items(self):
        # The site's own tree in every language: the default site's root page and its
        # translations (Wagtail keeps each locale's home page as a sibling of the root).
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        query = Page.objects.none()
        for page in roots:
            query |= Page.objects.descendant_of(page, inclusive=True)
        return (
            query.live()
            .public()
            .select_related("locale")
            .only(
                "id",
                "path",
                "depth",
                "url_path",
                "translation_key",
                "locale",
                "last_published_at",
                "latest_revision_created_at",
            )
            .order_by("path")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        """Django's public hook for a sitemap page's entries: scheme and host come from the
        request (as in the pages' <head>), alternates from one query for the whole page."""
        pages = list(self.paginator.page(page).object_list)
        # Alternates come from the whole site, not just this sitemap page.
        translations = defaultdict(dict)
        for other in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in pages})
            .select_related("locale")
            .only("id", "path", "depth", "url_path", "translation_key", "locale")
        ):
            translations[other.translation_key][other.locale.language_code] = self._url(other)

        urls, last_mods = [], set()
        for item in pages:
            urls_by_language = translations[item.translation_key]
            alternates = [
                {"lang_code": code, "location": urls_by_language[code]}
                for code in LANGUAGE_CODES
                if code in urls_by_language
            ]
            if DEFAULT_LANGUAGE in urls_by_language:
                alternates.append({"lang_code": "x-default", "location": urls_by_language[DEFAULT_LANGUAGE]})
            lastmod = item.last_published_at or item.latest_revision_created_at
            last_mods.add(lastmod)
            urls.append(
                {
                    "location": self._url(item),
                    "lastmod": lastmod,
                    "alternates": alternates if len(urls_by_language) > 1 else [],
                }
            )
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _url(self, page):
        # Same host and scheme as the canonical and hreflang links in the pages' <head>.
        return self.request.build_absolute_uri(page.get_url(self.request))

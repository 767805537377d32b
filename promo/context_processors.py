"""Site chrome every template needs: the section navigation and the footer link groups, in the
visitor's language, kept until the content changes (pagecache.memo)."""

from django.utils.translation import get_language
from wagtail.models import Locale

from pagecache.memo import per_generation


def site_chrome(request):
    from home.models import LinkGroup

    language = get_language()

    def find_locale():
        try:
            return Locale.objects.get_for_language(language)
        except Locale.DoesNotExist:
            return None

    locale = per_generation(("locale", language), find_locale)
    if locale is None:
        return {}

    def link_groups():
        return per_generation(
            ("link-groups", locale.pk),
            lambda: list(LinkGroup.objects.filter(locale=locale).prefetch_related("links")),
        )

    return {"footer_link_groups": link_groups, "current_locale": locale}

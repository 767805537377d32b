"""Site chrome every template needs: the section navigation and the footer link groups, in the
visitor's language."""

from django.utils.translation import get_language
from wagtail.models import Locale


def site_chrome(request):
    from home.models import LinkGroup

    try:
        locale = Locale.objects.get_for_language(get_language())
    except Locale.DoesNotExist:
        return {}

    def link_groups():
        return list(LinkGroup.objects.filter(locale=locale).prefetch_related("links"))

    return {"footer_link_groups": link_groups, "current_locale": locale}

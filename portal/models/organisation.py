"""The organisation-and-contacts page Decree 42/2022 requires of an agency portal (its English
version is mandatory): functions, the officials responsible and how to reach them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pagecache.memo import ViewRestrictionsFromMemo
from portal.blocks import OfficialBlock


class OrganisationPage(ViewRestrictionsFromMemo, Page):
    intro = models.TextField(_("introduction"), blank=True)
    functions = RichTextField(
        _("functions and duties"), blank=True, features=["h3", "bold", "italic", "ol", "ul", "link"]
    )
    officials = StreamField(
        [("official", OfficialBlock())], verbose_name=_("responsible officials"), blank=True
    )
    office_name = models.CharField(_("office"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("functions"),
        FieldPanel("officials"),
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("address"),
                FieldPanel("office_hours"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Office"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("functions")]
    override_translatable_fields = [SynchronizedField("phone"), SynchronizedField("email")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "portal/organisation_page.html"

    class Meta:
        verbose_name = _("organisation and contacts page")

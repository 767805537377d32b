from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "catalogue_search"
    verbose_name = _("Catalogue search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion

        from search import indexing
        from search.cached import bump
        from search.models import SynonymGroup

        indexing.connect_signals()
        # Staff edits reach every worker's copy of synonyms and best bets on its next search.
        for model, name in (
            (SynonymGroup, "synonyms"),
            (SearchPromotion, "promotions"),
            (Query, "promotions"),
        ):
            for signal in (post_save, post_delete):
                signal.connect(
                    lambda *a, name=name, **kw: bump(name),
                    sender=model,
                    weak=False,
                    dispatch_uid=f"search-cached-{name}-{model.__name__}-{signal}",
                )

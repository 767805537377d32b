from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromoConfig(AppConfig):
    name = "promo"
    verbose_name = _("Catalogue")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from promo.csv_safety import guard_admin_exports
        from promo.validators import guard_text_fields

        guard_text_fields()
        guard_admin_exports()
        from promo.investment.profile import connect_signals

        connect_signals()
        from promo import search_documents

        search_documents.register()

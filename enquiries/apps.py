from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "enquiries"
    default_auto_field = "django.db.models.BigAutoField"

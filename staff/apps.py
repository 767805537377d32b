from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "staff"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from promo.catalogue.site import site_ready

        site_ready.connect(_apply_section_permissions, dispatch_uid="staff-section-permissions")


def _apply_section_permissions(**kwargs):
    """The editors' groups get their permissions on the sections whenever the catalogue has
    made sure its site skeleton exists."""
    from staff.setup import apply_section_permissions

    apply_section_permissions()

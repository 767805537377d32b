from django.core.management.base import BaseCommand

from staff.setup import apply_section_permissions


class Command(BaseCommand):
    help = (
        "Create the staff groups and review workflow, and attach them to every section "
        "index page that exists (idempotent)."
    )

    def handle(self, *args, **options):
        count = apply_section_permissions()
        if options["verbosity"]:
            self.stdout.write(f"Permissions and review workflow applied to {count} section pages.")

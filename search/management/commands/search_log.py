"""`manage.py search_log purge [--dry-run]` — delete search log rows past their retention."""

from django.core.management.base import BaseCommand

from search import searchlog


class Command(BaseCommand):
    help = (
        "Delete aggregated search log rows older than SEARCH_LOG_RETENTION_DAYS "
        "(also done by `search_index sync`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["purge"])
        parser.add_argument("--dry-run", action="store_true", help="Only say how many rows would go.")

    def handle(self, *args, action, dry_run=False, **options):
        searchlog.flush()
        n = searchlog.purge(dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(f"Search log: {verb} {n} day rows older than {searchlog.retention_days()} days.")

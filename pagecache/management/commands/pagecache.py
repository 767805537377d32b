from django.core.management.base import BaseCommand

from pagecache.store import invalidate, page_cache


class Command(BaseCommand):
    help = "Make every cached page stale (`invalidate`), or empty the page cache (`clear`)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["invalidate", "clear"])

    def handle(self, action, **options):
        if action == "clear":
            page_cache().clear()
            self.stdout.write("page cache emptied")
        else:
            invalidate()
            self.stdout.write("every cached page is stale from now on")

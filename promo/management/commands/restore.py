"""`manage.py restore ARCHIVE [--force]`: put a backup's database and media back."""

import time

from django.core.management.base import BaseCommand, CommandError

from promo.backup import BackupError, pending_migrations, restore


class Command(BaseCommand):
    help = (
        "Restore the database and media files from a `manage.py backup` archive. Refuses "
        "to overwrite a site that has content unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the backup file (dautieng-backup-….tar.gz)")
        parser.add_argument(
            "--force", action="store_true", help="replace this site's content even though it is not empty"
        )

    def handle(self, *args, archive, force=False, **options):
        started = time.monotonic()

        def progress(message):
            if options["verbosity"] >= 1:
                self.stdout.write("  " + message)

        try:
            manifest = restore(archive, force=force, progress=progress)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        contents = manifest.get("contents", {})
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']}: {contents.get('pages', '?')} pages, "
                f"{contents.get('images', '?')} images, {contents.get('documents', '?')} documents, "
                f"{manifest['media']['files']} media files in {time.monotonic() - started:.1f} s."
            )
        )
        if pending_migrations():
            self.stdout.write(
                "Next: the backup predates this version: run `manage.py migrate`, "
                "then `manage.py search_index rebuild`."
            )
        else:
            self.stdout.write("Next: rebuild the search index: `manage.py search_index rebuild`.")

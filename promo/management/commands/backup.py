"""`manage.py backup [--output FILE_OR_FOLDER] [--keep N]`: database and media in one archive."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from promo.backup import BackupError, backup
from promo.locks import add_wait_argument, single_run


class Command(BaseCommand):
    help = (
        "Write a backup of the database and the media files into one .tar.gz archive "
        "(restore it with `manage.py restore`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=None, help="archive file (…tar.gz) or folder; default: var/backups/"
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="when writing into a folder, keep only the newest N backups",
        )
        add_wait_argument(parser)

    @single_run("backup")  # one run at a time across servers (promo/locks.py)
    def handle(self, *args, output=None, keep=None, **options):
        if keep is not None and keep < 1:
            raise CommandError("--keep must be at least 1")
        output = output or settings.VAR_DIR / "backups"

        def progress(message):
            if options["verbosity"] >= 1:
                self.stdout.write("  " + message)

        try:
            summary = backup(output, keep=keep, progress=progress)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {summary.path}: database {summary.database_bytes / 1e6:.1f} MB, "
                f"{summary.media_files} media files ({summary.media_bytes / 1e6:.1f} MB) "
                f"in {summary.seconds:.1f} s."
            )
        )

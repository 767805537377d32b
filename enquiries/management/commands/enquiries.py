"""`manage.py enquiries resend` retries e-mails that failed; `manage.py enquiries purge`
deletes enquiries older than ENQUIRY_RETENTION_DAYS (run it daily, e.g. from cron)."""
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from enquiries.conf import retention_days
from enquiries.delivery import deliver
from enquiries.models import Enquiry


class Command(BaseCommand):
    help = "Maintain visitor enquiries: resend failed e-mails, purge old enquiries."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("resend", help="Retry the e-mail of every enquiry whose e-mail failed.")
        purge = sub.add_parser("purge", help="Delete enquiries older than the retention period.")
        purge.add_argument("--dry-run", action="store_true", help="Only count what would go.")
        purge.add_argument("--days", type=int, default=None,
                           help="Override ENQUIRY_RETENTION_DAYS for this run.")

    def handle(self, *args, action, **options):
        getattr(self, action)(**options)

    def resend(self, **options):
        failed = list(Enquiry.objects.filter(email_status=Enquiry.EmailStatus.FAILED)
                      .values_list("pk", flat=True))
        sent = sum(1 for pk in failed if deliver(pk))
        self.stdout.write(f"Resent {sent} of {len(failed)} failed enquiry e-mails.")
        if sent < len(failed):
            self.stderr.write(f"{len(failed) - sent} still failing; see email_error in the admin.")

    def purge(self, dry_run=False, days=None, **options):
        days = retention_days() if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        old = Enquiry.objects.filter(created_at__lt=cutoff)
        count = old.count()
        if dry_run:
            self.stdout.write(f"Would delete {count} enquiries received before {cutoff:%Y-%m-%d}.")
            return
        old.delete()
        self.stdout.write(f"Deleted {count} enquiries received before {cutoff:%Y-%m-%d}.")

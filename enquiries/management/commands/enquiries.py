"""`manage.py enquiries resend` stores enquiries kept in the spool and (re)sends every e-mail
still pending or failed; `manage.py enquiries purge` deletes enquiries older than
ENQUIRY_RETENTION_DAYS. Run both from cron (see README)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from enquiries.conf import retention_days
from enquiries.delivery import deliver, due_for_sending
from enquiries.intake import drain_spool
from enquiries.models import Enquiry
from promo.locks import single_run


class Command(BaseCommand):
    help = "Maintain visitor enquiries: resend failed e-mails, purge old enquiries."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("resend", help="Store spooled enquiries; send every pending or failed e-mail now.")
        purge = sub.add_parser("purge", help="Delete enquiries older than the retention period.")
        purge.add_argument("--dry-run", action="store_true", help="Only count what would go.")
        purge.add_argument(
            "--days", type=int, default=None, help="Override ENQUIRY_RETENTION_DAYS for this run."
        )

    @single_run("enquiries {action}")  # one run at a time across servers (promo/locks.py)
    def handle(self, *args, action, **options):
        getattr(self, action)(**options)

    def resend(self, **options):
        stored, left = drain_spool()
        if stored or left:
            self.stdout.write(f"Stored {stored} spooled enquiries; {left} still in the spool.")
        waiting = due_for_sending(every=True)
        sent = 0
        for done, pk in enumerate(waiting, 1):
            sent += deliver(pk)
            if done % 10 == 0:
                self.stderr.write(f"  {done}/{len(waiting)}")
        self.stdout.write(f"Sent {sent} of {len(waiting)} pending or failed enquiry e-mails.")
        if sent < len(waiting):
            self.stderr.write(f"{len(waiting) - sent} not sent; see email_error in the admin.")

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

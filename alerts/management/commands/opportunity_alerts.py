"""`manage.py opportunity_alerts send` (cron, e.g. hourly): one digest per subscriber of the
opportunities published since the last one; safe to run twice. `manage.py opportunity_alerts
purge` (daily): delete unconfirmed and lapsed subscriptions (the enquiries' retention rule)."""

from django.core.management.base import BaseCommand

from alerts.digest import purge, send_digests
from promo.locks import single_run
from promo.progress import progress_printer


class Command(BaseCommand):
    help = "Send opportunity alert digests, or purge old subscriptions."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        send = sub.add_parser("send", help="Send one digest per subscriber with new matches.")
        send.add_argument("--dry-run", action="store_true", help="Count, send nothing.")
        purge_parser = sub.add_parser("purge", help="Delete unconfirmed and lapsed subscriptions.")
        purge_parser.add_argument("--dry-run", action="store_true", help="Only count.")

    @single_run("opportunity_alerts {action}")  # one run at a time across servers
    def handle(self, *args, action, **options):
        getattr(self, f"do_{action}")(**options)

    def do_send(self, dry_run=False, **options):
        outcome = send_digests(progress=progress_printer(self.stderr, "subscribers"), dry_run=dry_run)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} {outcome.messages} digest(s) with {outcome.items} opportunity "
            f"alert(s) to {outcome.subscribers} confirmed subscriber(s); "
            f"{len(outcome.failed)} failed."
        )
        for pk, error in outcome.failed:
            self.stderr.write(f"subscription {pk}: {error} (will be retried on the next run)")

    def do_purge(self, dry_run=False, **options):
        unconfirmed, lapsed = purge(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {unconfirmed} unconfirmed and {lapsed} lapsed subscription(s).")

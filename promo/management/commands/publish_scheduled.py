"""Wagtail's `publish_scheduled`, one run at a time across servers (promo/locks.py): each
server's crontab starts it every minute, and two runs at once would both publish the same
scheduled revisions."""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from promo.locks import single_run


class Command(WagtailCommand):
    @single_run("publish_scheduled")
    def handle(self, *args, **options):
        return super().handle(*args, **options)

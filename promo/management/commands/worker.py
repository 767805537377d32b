"""`manage.py worker`: runs the background tasks (django-tasks' database queue) and, every
`--housekeeping` seconds, what keeps them from being lost:

- enquiries kept in the spool while the database was locked are stored;
- enquiry e-mails still pending (their task was lost) or failed (after a growing delay) are
  queued again;
- spreadsheet imports whose worker died are queued again.

It is `db_worker` of django-tasks-db with that loop beside it, so one process per host is all
a deployment runs (see README, "Processes").
"""

import logging
import threading

from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

log = logging.getLogger(__name__)


def housekeeping():
    """One round; every step is safe to run from several processes at once."""
    from enquiries.delivery import due_for_sending
    from enquiries.intake import drain_spool
    from enquiries.tasks import queue_email

    done = {}
    done["spooled enquiries stored"], _left = drain_spool()
    due = due_for_sending()
    for pk in due:
        queue_email(pk)
    done["enquiry e-mails queued"] = len(due)
    try:
        from staff.jobs import requeue_stale_imports
    except ImportError:
        pass
    else:
        done["imports queued again"] = requeue_stale_imports()
    return done


class Command(DbWorkerCommand):
    help = "Run background tasks (e-mails, spreadsheet imports, index refreshes) and housekeeping."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*")  # default, mail and imports
        parser.add_argument(
            "--housekeeping",
            type=float,
            default=60,
            metavar="SECONDS",
            help="Seconds between housekeeping rounds; 0 turns it off (default: %(default)s).",
        )

    def handle(self, *args, housekeeping=60, **options):
        if housekeeping > 0:
            stop = threading.Event()
            thread = threading.Thread(
                target=self._housekeeping_loop, args=(housekeeping, stop), name="housekeeping", daemon=True
            )
            thread.start()
        return super().handle(*args, **options)

    def _housekeeping_loop(self, every, stop):
        while not stop.wait(every if getattr(self, "_rounds", 0) else 1):
            self._rounds = getattr(self, "_rounds", 0) + 1
            try:
                close_old_connections()
                done = housekeeping()
                if any(done.values()):
                    log.warning("housekeeping: %s", ", ".join(f"{v} {k}" for k, v in done.items() if v))
            except Exception:  # a busy or unreachable database: try again next round
                log.exception("housekeeping round failed; trying again in %s s", every)
            finally:
                connection.close()

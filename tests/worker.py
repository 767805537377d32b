"""Run the queued background tasks in the test process, as `manage.py worker` would."""

from unittest import mock

from django.core.management import call_command


def run_worker():
    # The worker closes stale connections between tasks; inside a test's transaction that
    # would close the test's own connection (PostgreSQL), so that step is left out here.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker",
            batch=True,
            startup_delay=False,
            reload=False,
            interval=0,
            queue_name="*",
            verbosity=0,
        )

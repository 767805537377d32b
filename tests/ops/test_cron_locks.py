"""Cron jobs started on several servers at once run once (promo/locks.py): a lock, not luck.

On SQLite the lock is a file lock; with DATABASE_URL on PostgreSQL (the re-run in `make test`)
the same tests exercise the advisory lock, which is what several servers share."""

import datetime
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from promo.locks import Busy, advisory_key, exclusive

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def old_enquiry():
    from enquiries.models import Enquiry

    enquiry = Enquiry.objects.create(
        kind="general", language="en", name="Kim", email="kim@example.com", message="Hello"
    )
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=timezone.now() - datetime.timedelta(days=4000))
    return enquiry


@pytest.mark.parametrize(
    "command,lock",
    [
        (("enquiries", "purge"), "enquiries purge"),
        (("enquiries", "resend"), "enquiries resend"),
        (("opportunity_alerts", "send"), "opportunity_alerts send"),
        (("opportunity_alerts", "purge"), "opportunity_alerts purge"),
        (("search_index", "sync"), "search_index sync"),
        (("search_index", "rebuild"), "search_index rebuild"),
        (("backup",), "backup"),
        (("publish_scheduled",), "publish_scheduled"),
    ],
)
def test_a_job_running_elsewhere_makes_the_second_start_a_no_op(command, lock):
    with exclusive(lock):
        output = run(*command)
    assert output.strip() == (
        f"{lock}: already running on this site (another server or process holds the lock); nothing done."
    )


def test_the_skipped_run_changes_nothing_and_the_next_one_does_the_work(old_enquiry):
    from enquiries.models import Enquiry

    with exclusive("enquiries purge"):
        assert "already running" in run("enquiries", "purge")
        assert Enquiry.objects.filter(pk=old_enquiry.pk).exists()
    assert "Deleted 1 enquiries" in run("enquiries", "purge")
    assert not Enquiry.objects.filter(pk=old_enquiry.pk).exists()


def test_locks_are_per_job_and_status_needs_none():
    with exclusive("enquiries purge"):
        assert "already running" not in run("enquiries", "resend")
        with exclusive("search_index sync"):
            with pytest.raises(Busy):
                with exclusive("search_index sync"):
                    pass
            # Read-only status runs while a sync holds its lock.
            out = io.StringIO()
            call_command("search_index", "status", stdout=out, stderr=io.StringIO())
            assert "sqlite: ok" in out.getvalue()


def test_wait_takes_the_lock_once_the_other_run_ends():
    holder = subprocess.Popen(
        [sys.executable, "-c", _holder_script(hold=1.5)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=os.environ,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with exclusive("backup", wait=20):
            waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait(timeout=20)
    assert 0.5 <= waited < 15


def _holder_script(hold=600):
    """A process that takes the lock the way the site does and then hangs (until killed)."""
    if connection.vendor == "postgresql":
        settings_dict = connection.settings_dict
        return (
            "import psycopg, sys, time\n"
            f"c = psycopg.connect(host={settings_dict['HOST']!r}, port={str(settings_dict['PORT'])!r}, "
            f"user={settings_dict['USER']!r}, password={settings_dict['PASSWORD']!r}, "
            f"dbname={settings_dict['NAME']!r}, autocommit=True)\n"
            f"key = {advisory_key('backup')}\n"
            "assert c.execute('SELECT pg_try_advisory_lock(%s)', [key]).fetchone()[0]\n"
            f"print('locked', flush=True); time.sleep({hold})\n"
        )
    from django.conf import settings

    path = Path(settings.CRON_LOCK_DIR) / "backup.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    return (
        "import fcntl, time\n"
        f"f = open({str(path)!r}, 'a+'); fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
        f"print('locked', flush=True); time.sleep({hold})\n"
    )


def test_a_killed_job_leaves_no_stale_lock():
    holder = subprocess.Popen(
        [sys.executable, "-c", _holder_script()], stdout=subprocess.PIPE, text=True, cwd=ROOT, env=os.environ
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(Busy):
            with exclusive("backup"):
                pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=20)
    deadline = time.monotonic() + 10
    while True:  # the server notices the dropped connection at once; allow for a slow machine
        try:
            with exclusive("backup"):
                break
        except Busy:
            assert time.monotonic() < deadline, "the lock outlived the process that held it"
            time.sleep(0.2)

"""The visitor's request never waits for the mail server: the enquiry is stored, its e-mail
queued, and the worker sends it with a timeout; pending and failed e-mails are retried by the
worker's housekeeping and by `enquiries resend`, never sent twice."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from enquiries.delivery import deliver, due_for_sending
from enquiries.models import Enquiry
from tests.faults.listeners import silent_listener
from tests.worker import run_worker

pytestmark = pytest.mark.django_db
DB_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail", "imports"]}
}


@pytest.fixture
def hung_smtp(settings):
    with silent_listener() as port:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_TIMEOUT = 1
        yield port


def test_request_answers_at_once_while_the_mail_server_hangs(
    client, site, valid_data, settings, hung_smtp, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASKS
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/contact/", valid_data)
    assert response.status_code == 302
    assert time.monotonic() - started < 2  # no mail server is contacted in the request
    enquiry = Enquiry.objects.get()
    assert enquiry.email_status == "pending"
    assert DBTaskResult.objects.filter(task_path__endswith="send_enquiry_email").count() == 1

    # the worker tries, gives up after EMAIL_TIMEOUT, and records why
    started = time.monotonic()
    run_worker()
    assert time.monotonic() - started < 10
    enquiry.refresh_from_db()
    assert enquiry.email_status == "failed" and enquiry.email_attempts == 1
    assert "timed out" in enquiry.email_error.lower()

    # once the mail server works again, the worker's retry sends it, once
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert due_for_sending() == []  # not before its retry delay
    later = timezone.now() + timedelta(minutes=2)
    assert due_for_sending(now=later) == [enquiry.pk]
    Enquiry.objects.filter(pk=enquiry.pk).update(email_last_attempt_at=timezone.now() - timedelta(minutes=2))
    from promo.management.commands.worker import housekeeping

    assert housekeeping()["enquiry e-mails queued"] == 1
    run_worker()
    enquiry.refresh_from_db()
    assert enquiry.email_status == "sent" and len(mail.outbox) == 1
    assert deliver(enquiry.pk) is False and len(mail.outbox) == 1  # never twice


def test_a_pending_enquiry_whose_task_was_lost_is_sent_by_housekeeping(site, settings):
    settings.TASKS = DB_TASKS
    enquiry = Enquiry.objects.create(
        kind="general",
        language="en",
        name="Anna",
        email="anna@example.com",
        message="Hi",
        consent=True,
        recipient="office@example.com",
    )
    assert due_for_sending() == []  # its own task may still be coming
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    from promo.management.commands.worker import housekeeping

    housekeeping()
    run_worker()
    enquiry.refresh_from_db()
    assert enquiry.email_status == "sent"


def test_a_send_claimed_by_a_process_that_died_is_taken_again(site):
    enquiry = Enquiry.objects.create(
        kind="general",
        language="en",
        name="Anna",
        email="anna@example.com",
        message="Hi",
        consent=True,
        email_status="sending",
        email_last_attempt_at=timezone.now(),
    )
    assert deliver(enquiry.pk) is False  # someone is sending it
    Enquiry.objects.filter(pk=enquiry.pk).update(email_last_attempt_at=timezone.now() - timedelta(hours=1))
    assert deliver(enquiry.pk) is True and len(mail.outbox) == 1

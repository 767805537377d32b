from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from enquiries.models import Enquiry

pytestmark = pytest.mark.django_db


def make(days_old=0, **fields):
    enquiry = Enquiry.objects.create(
        kind="general",
        language="en",
        name="Anna",
        email="anna@example.com",
        message="Hi",
        consent=True,
        recipient="office@example.com",
        **fields,
    )
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return enquiry


def test_purge_deletes_only_enquiries_past_retention(settings, capsys):
    settings.ENQUIRY_RETENTION_DAYS = 365
    old, recent = make(days_old=400), make(days_old=30)

    call_command("enquiries", "purge", "--dry-run")
    assert "Would delete 1 " in capsys.readouterr().out
    assert Enquiry.objects.count() == 2

    call_command("enquiries", "purge")
    assert "Deleted 1 " in capsys.readouterr().out
    assert list(Enquiry.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Enquiry.objects.filter(pk=old.pk).exists()


def test_resend_delivers_failed_and_pending_enquiries(capsys):
    """A "pending" enquiry whose task was lost (worker killed, mail server hung) is sent too."""
    failed = make(email_status="failed", email_error="ConnectionRefusedError")
    pending = make(email_status="pending")
    make(email_status="sent")

    call_command("enquiries", "resend")

    assert "Sent 2 of 2 pending or failed" in capsys.readouterr().out
    for enquiry in (failed, pending):
        enquiry.refresh_from_db()
        assert enquiry.email_status == "sent" and enquiry.email_error == ""
        assert enquiry.email_attempts == 1
    assert [m.to for m in mail.outbox] == [["office@example.com"]] * 2
    call_command("enquiries", "resend")  # nothing is sent twice
    assert len(mail.outbox) == 2


def test_resend_keeps_failing_ones_failed(settings, capsys):
    settings.EMAIL_BACKEND = "tests.enquiries.backends.BrokenEmailBackend"
    failed = make(email_status="failed")
    call_command("enquiries", "resend")
    failed.refresh_from_db()
    assert failed.email_status == "failed"
    assert "1 not sent" in capsys.readouterr().err

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from enquiries.models import Enquiry

pytestmark = pytest.mark.django_db


def make(days_old=0, **fields):
    enquiry = Enquiry.objects.create(
        kind="general", language="en", name="Anna", email="anna@example.com", message="Hi",
        consent=True, recipient="office@example.com", **fields)
    Enquiry.objects.filter(pk=enquiry.pk).update(
        created_at=timezone.now() - timedelta(days=days_old))
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


def test_resend_delivers_failed_enquiries(capsys):
    failed = make(email_status="failed", email_error="ConnectionRefusedError")
    make(email_status="sent")

    call_command("enquiries", "resend")

    assert "Resent 1 of 1" in capsys.readouterr().out
    failed.refresh_from_db()
    assert failed.email_status == "sent" and failed.email_error == ""
    assert [m.to for m in mail.outbox] == [["office@example.com"]]


def test_resend_keeps_failing_ones_failed(settings, capsys):
    settings.EMAIL_BACKEND = "tests.enquiries.backends.BrokenEmailBackend"
    failed = make(email_status="failed")
    call_command("enquiries", "resend")
    failed.refresh_from_db()
    assert failed.email_status == "failed"
    assert "still failing" in capsys.readouterr().err

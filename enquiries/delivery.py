"""Telling staff about an enquiry by e-mail, from the task worker, never inside the visitor's
request. The enquiry is already saved: a failure here is recorded on it and retried (by the
worker with a growing delay, and by `manage.py enquiries resend`), never raised to anyone.

A send is claimed first (status "sending", in one conditional UPDATE), so the worker, cron and
a second worker never mail the same enquiry twice; a claim older than CLAIM_TIMEOUT (the
process died mid-send) may be taken again.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from enquiries.models import Enquiry

logger = logging.getLogger(__name__)


def recipient_for(opportunity, site):
    """The opportunity's officer or own contact, else the site's contact address, else the sender."""
    # The opportunity's named officer first (promo.models.InvestmentPage.contact_address).
    if opportunity is not None and opportunity.contact_address:
        return opportunity.contact_address
    if site is not None:
        from django.apps import apps

        # by name: the home app (site settings and the home page) sits above the enquiries
        email = apps.get_model("home", "ContactSettings").for_site(site).email
        if email:
            return email
    return settings.DEFAULT_FROM_EMAIL


def build_message(enquiry):
    # Staff read these; they work in the site's source language whatever the visitor used.
    with translation.override(settings.LANGUAGE_CODE):
        if enquiry.opportunity_ref:
            subject = _("Investor enquiry: %(title)s [%(ref)s]") % {
                "title": enquiry.opportunity_title,
                "ref": enquiry.opportunity_ref,
            }
        else:
            subject = _("Website enquiry from %(name)s") % {"name": enquiry.name}
        body = render_to_string("enquiries/email.txt", {"enquiry": enquiry})
    # Reply-To lets staff answer the visitor directly from their mail client.
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[enquiry.recipient or settings.DEFAULT_FROM_EMAIL],
        reply_to=[enquiry.email],
    )


# The worker retries a failed e-mail after 1, 5, 15, 60 minutes, then every 6 hours, up to
# MAX_AUTOMATIC_ATTEMPTS; `enquiries resend` retries every pending or failed one at once.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=6),
)
MAX_AUTOMATIC_ATTEMPTS = 12
# An enquiry still "pending" this long after it arrived lost its task (the worker was down
# or the task could not be queued): the worker's housekeeping queues it again.
PENDING_GRACE = timedelta(minutes=2)


def claim_timeout():
    """How long a send may take before another process may assume it died."""
    return timedelta(seconds=2 * (getattr(settings, "EMAIL_TIMEOUT", None) or 60) + 60)


def _claimable(now):
    Status = Enquiry.EmailStatus
    return Q(email_status__in=[Status.PENDING, Status.FAILED]) | Q(
        email_status=Status.SENDING, email_last_attempt_at__lt=now - claim_timeout()
    )


def deliver(enquiry_id):
    """Send the e-mail of one enquiry if nobody else is; True if it went out."""
    now = timezone.now()
    claimed = (
        Enquiry.objects.filter(pk=enquiry_id)
        .filter(_claimable(now))
        .update(
            email_status=Enquiry.EmailStatus.SENDING,
            email_last_attempt_at=now,
            email_attempts=F("email_attempts") + 1,
        )
    )
    if not claimed:
        return False  # sent already, being sent, or deleted
    enquiry = Enquiry.objects.get(pk=enquiry_id)
    try:
        # EMAIL_TIMEOUT bounds every socket operation: a mail server that accepts and never
        # answers fails this attempt instead of holding the worker forever.
        message = build_message(enquiry)
        message.connection = get_connection(timeout=getattr(settings, "EMAIL_TIMEOUT", None))
        message.send(fail_silently=False)
    except Exception as exc:  # any transport error: keep the enquiry, note why
        logger.warning("Enquiry %s: email to staff failed: %s", enquiry.pk, exc)
        Enquiry.objects.filter(pk=enquiry.pk).update(
            email_status=Enquiry.EmailStatus.FAILED, email_error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        return False
    Enquiry.objects.filter(pk=enquiry.pk).update(email_status=Enquiry.EmailStatus.SENT, email_error="")
    return True


def retry_delay(attempts):
    return RETRY_DELAYS[min(max(attempts, 1), len(RETRY_DELAYS)) - 1]


def due_for_sending(now=None, every=False):
    """Ids of enquiries whose e-mail should be (re)tried now: pending ones whose task was lost,
    failed ones whose retry delay has passed, and claims abandoned by a dead process.
    `every`: all pending and failed ones, whatever their delay (`enquiries resend`)."""
    now = now or timezone.now()
    Status = Enquiry.EmailStatus
    rows = Enquiry.objects.filter(_claimable(now)).values_list(
        "pk", "email_status", "email_attempts", "email_last_attempt_at", "created_at"
    )
    due = []
    for pk, status, attempts, last, created in rows.order_by("created_at"):
        if every or status == Status.SENDING:
            due.append(pk)
        elif status == Status.PENDING:
            if created <= now - PENDING_GRACE:
                due.append(pk)
        elif attempts < MAX_AUTOMATIC_ATTEMPTS and (last is None or last <= now - retry_delay(attempts)):
            due.append(pk)
    return due

"""Telling staff about an enquiry by e-mail. The enquiry is already saved: a failure here is
recorded on it (and `manage.py enquiries resend` tries again), never raised to the visitor."""
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from enquiries.models import Enquiry

logger = logging.getLogger(__name__)


def recipient_for(opportunity, site):
    """The opportunity's officer or own contact, else the site's contact address, else the sender."""
    # The opportunity's named officer first (promo.models.InvestmentPage.contact_address).
    if opportunity is not None and opportunity.contact_address:
        return opportunity.contact_address
    if site is not None:
        from home.models import ContactSettings

        email = ContactSettings.for_site(site).email
        if email:
            return email
    return settings.DEFAULT_FROM_EMAIL


def build_message(enquiry):
    # Staff read these; they work in the site's source language whatever the visitor used.
    with translation.override(settings.LANGUAGE_CODE):
        if enquiry.opportunity_ref:
            subject = _("Investor enquiry: %(title)s [%(ref)s]") % {
                "title": enquiry.opportunity_title, "ref": enquiry.opportunity_ref}
        else:
            subject = _("Website enquiry from %(name)s") % {"name": enquiry.name}
        body = render_to_string("enquiries/email.txt", {"enquiry": enquiry})
    # Reply-To lets staff answer the visitor directly from their mail client.
    return EmailMessage(
        subject=" ".join(subject.split()), body=body, from_email=settings.DEFAULT_FROM_EMAIL,
        to=[enquiry.recipient or settings.DEFAULT_FROM_EMAIL], reply_to=[enquiry.email],
    )


def deliver(enquiry_id):
    enquiry = Enquiry.objects.filter(pk=enquiry_id).first()
    if enquiry is None:
        return False
    try:
        build_message(enquiry).send(fail_silently=False)
    except Exception as exc:  # any transport error: keep the enquiry, note why
        logger.warning("Enquiry %s: email to staff failed: %s", enquiry.pk, exc)
        enquiry.email_status = Enquiry.EmailStatus.FAILED
        enquiry.email_error = f"{type(exc).__name__}: {exc}"[:2000]
        enquiry.save(update_fields=["email_status", "email_error"])
        return False
    enquiry.email_status = Enquiry.EmailStatus.SENT
    enquiry.email_error = ""
    enquiry.save(update_fields=["email_status", "email_error"])
    return True

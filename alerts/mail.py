"""Every message of the alerts app goes out through `send()`: one place to switch delivery
(e.g. to a background task queue) without touching the callers."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from alerts.conf import base_url


def send(message):
    """Send one EmailMessage now; raise on failure (callers decide what a failure means)."""
    message.send(fail_silently=False)


def _links(subscription, root=None):
    from django.urls import reverse

    root = (root or base_url()).rstrip("/")
    with translation.override(subscription.language):
        return {
            "confirm": root + reverse("alerts:confirm", args=[subscription.token]),
            "unsubscribe": root + reverse("alerts:unsubscribe", args=[subscription.token]),
            "renew": root + reverse("alerts:renew", args=[subscription.token]),
        }


def _message(subscription, subject, template, context, root=None):
    links = _links(subscription, root)
    with translation.override(subscription.language):
        body = render_to_string(template, {"subscription": subscription, "links": links, **context})
    headers = {
        # RFC 2369 / RFC 8058: mail clients show an unsubscribe button that POSTs one click.
        "List-Unsubscribe": f"<{links['unsubscribe']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers=headers,
    )


def confirmation_message(subscription, root=None):
    with translation.override(subscription.language):
        subject = _("Confirm your investment opportunity alerts")
    return _message(subscription, subject, "alerts/email_confirm.txt", {}, root)


def digest_message(subscription, items):
    with translation.override(subscription.language):
        subject = _("New investment opportunities in Dầu Tiếng (%(count)s)") % {"count": len(items)}
    return _message(subscription, subject, "alerts/email_digest.txt", {"items": items})


def send_confirmation(subscription_id, root=None):
    from alerts.models import AlertSubscription

    subscription = AlertSubscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.confirmed:
        return False
    try:
        send(confirmation_message(subscription, root))
    except Exception:  # the visitor can ask again; nothing else depends on it
        import logging

        logging.getLogger(__name__).warning(
            "alert confirmation to subscription %s failed", subscription_id, exc_info=True
        )
        return False
    return True

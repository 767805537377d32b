"""Background tasks of the alerts app, run by `manage.py worker` (as the enquiries' e-mails are:
no visitor's request waits on the mail server)."""

import logging

from django.db import DatabaseError
from django_tasks import task


@task(queue_name="mail")
def send_alert_confirmation(subscription_id, root):
    from alerts.mail import send_confirmation

    return send_confirmation(subscription_id, root)


def queue_confirmation(subscription_id, root):
    """Queue the confirmation e-mail; if the queue cannot be written now the request still
    succeeds (the subscription is stored) and the visitor can ask for the e-mail again."""
    try:
        send_alert_confirmation.enqueue(subscription_id, root)
    except DatabaseError as exc:
        logging.getLogger(__name__).warning("alert confirmation %s not queued (%s)", subscription_id, exc)

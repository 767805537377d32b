"""Background tasks of the enquiries app, run by `manage.py worker`."""

from django_tasks import task


# Its own queue: e-mails never wait behind a long import or an index refresh.
@task(queue_name="mail")
def send_enquiry_email(enquiry_id):
    from enquiries.delivery import deliver

    return deliver(enquiry_id)


def queue_email(enquiry_id):
    """Queue the e-mail of a stored enquiry; if even that cannot be written now, the enquiry
    stays "pending" and the worker's housekeeping (or `enquiries resend`) picks it up."""
    import logging

    from django.db import DatabaseError

    try:
        send_enquiry_email.enqueue(enquiry_id)
    except DatabaseError as exc:
        logging.getLogger(__name__).warning(
            "enquiry %s: e-mail not queued (%s); it stays pending and is retried", enquiry_id, exc
        )

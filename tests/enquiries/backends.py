from django.core.mail.backends.base import BaseEmailBackend


class BrokenEmailBackend(BaseEmailBackend):
    """An SMTP server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server unreachable")

"""Storing what a visitor sent, whatever the database is doing.

`accept(enquiry)` saves the enquiry and queues its e-mail after commit. If the database cannot
take the write (SQLite still locked after its busy timeout, PostgreSQL unreachable), the
enquiry is written to a spool file instead — durable before the visitor is thanked — and
`drain_spool()` (the worker's housekeeping, `manage.py enquiries resend`) stores it later.
Each enquiry carries an intake id, unique in the table, so a spool file stored twice (a crash
between the insert and the file's removal, two drainers at once) is stored once.
"""

import json
import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from enquiries.models import VISITOR_FIELDS, Enquiry
from enquiries.tasks import queue_email

log = logging.getLogger(__name__)

SPOOLED_FIELDS = VISITOR_FIELDS


def spool_dir():
    return Path(getattr(settings, "ENQUIRY_SPOOL_DIR", settings.VAR_DIR / "spool" / "enquiries"))


def accept(enquiry):
    """Store `enquiry` (unsaved) or keep it on disk; return "stored" or "spooled"."""
    enquiry.intake_id = enquiry.intake_id or uuid.uuid4()
    enquiry.created_at = enquiry.created_at or timezone.now()
    try:
        with transaction.atomic():
            enquiry.save()
            pk = enquiry.pk
            transaction.on_commit(lambda: queue_email(pk))
    except OperationalError as exc:
        log.warning(
            "enquiry %s kept in the spool: the database refused the write (%s)", enquiry.intake_id, exc
        )
        enquiry.pk = None
        spool(enquiry)
        return "spooled"
    return "stored"


def spool(enquiry):
    """Write the enquiry to its own file, atomically and durably (fsync of file and folder)."""
    folder = spool_dir()
    folder.mkdir(parents=True, exist_ok=True)
    data = {name: getattr(enquiry, name) for name in SPOOLED_FIELDS}
    data["intake_id"] = str(enquiry.intake_id)
    data["created_at"] = enquiry.created_at.isoformat()
    final = folder / f"{enquiry.intake_id}.json"
    partial = folder / f".{enquiry.intake_id}.json.part"
    with open(partial, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, final)
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return final


def spooled_files():
    folder = spool_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def drain_spool():
    """Store every spooled enquiry exactly once; return (stored, left in the spool)."""
    stored = left = 0
    for path in spooled_files():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            continue  # another drainer took it
        except (OSError, ValueError) as exc:
            log.error("spooled enquiry %s cannot be read: %s", path.name, exc)
            left += 1
            continue
        intake_id = uuid.UUID(data.pop("intake_id"))
        created_at = parse_datetime(data.pop("created_at"))
        try:
            with transaction.atomic():
                enquiry, created = Enquiry.objects.get_or_create(
                    intake_id=intake_id, defaults={**data, "created_at": created_at}
                )
                if created:
                    pk = enquiry.pk
                    transaction.on_commit(lambda pk=pk: queue_email(pk))
        except IntegrityError:
            created = False  # stored meanwhile by another drainer
        except OperationalError as exc:
            log.warning("spool: database still busy (%s); %s stays", exc, path.name)
            left += 1
            continue
        path.unlink(missing_ok=True)
        stored += int(created)
    return stored, left

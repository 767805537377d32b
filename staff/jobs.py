"""Spreadsheet imports as background jobs: confirm queues one, the worker runs it.

The import itself is the catalogue importer's (checked and prepared reading only, written in
one short transaction), so a job that dies leaves nothing half-written and can simply run
again; housekeeping queues a job again when its worker stopped reporting progress.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from staff.models import ImportJob

log = logging.getLogger(__name__)
STALE_AFTER = timedelta(minutes=10)  # a running job's progress is saved every few seconds
MAX_ATTEMPTS = 3


def start(token, user, data):
    """The job of upload `token`, created and queued the first time only: (job, created)."""
    with transaction.atomic():
        job, created = ImportJob.objects.get_or_create(
            token=token,
            defaults={
                "user": user,
                "kind": data["kind"],
                "file_name": data["name"][:255],
                "sheet": {"header": data["header"], "rows": data["rows"], "lines": data["lines"]},
                "total": len(data["lines"]),
            },
        )
        if created:
            # In the same transaction as the job: both are stored, or neither.
            run_import.enqueue(job.pk)
    return job, created


def _sheet(job):
    from staff import spreadsheet

    data = job.sheet
    return spreadsheet.Sheet(
        job.kind, [c for c in data["header"] if c], [tuple(r) for r in data["rows"]], data["lines"]
    )


@task(queue_name="imports")
def run_import(job_id):
    from promo.catalogue.importer import ImportFailed, import_records
    from staff import spreadsheet
    from staff.permissions import can_import_live

    now = timezone.now()
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.RUNNING, heartbeat_at=now, done=0
    )
    if not claimed:
        return "not queued"
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job_id).update(attempts=job.attempts + 1)

    def finish(status, **fields):
        ImportJob.objects.filter(pk=job_id).update(
            status=status, finished_at=timezone.now(), heartbeat_at=timezone.now(), **fields
        )
        return status

    def progress(done, total):
        ImportJob.objects.filter(pk=job_id).update(done=done, total=total, heartbeat_at=timezone.now())

    # The site may have changed since the preview: check again, as confirming always did.
    records, problems = spreadsheet.check(_sheet(job))
    if problems or not records:
        return finish(ImportJob.Status.FAILED, problems=[[p.line, p.key, p.message] for p in problems])
    if job.user is None or not can_import_live(job.user, job.kind, {r.locale for r in records}):
        return finish(ImportJob.Status.FAILED, error="permission")
    try:
        summary = import_records(records, progress=progress)
    except ImportFailed as exc:
        return finish(ImportJob.Status.FAILED, problems=[[p.line, p.key, p.message] for p in exc.problems])
    except Exception as exc:
        log.exception("spreadsheet import %s failed", job_id)
        return finish(ImportJob.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000])
    return finish(
        ImportJob.Status.DONE,
        done=len(records),
        summary={
            "total": summary.total,
            "created": summary.created,
            "updated": summary.updated,
            "unchanged": summary.unchanged,
        },
    )


def requeue_stale_imports(now=None):
    """Queue again the jobs whose worker died (no progress for STALE_AFTER); give up after
    MAX_ATTEMPTS. Returns how many were queued."""
    now = now or timezone.now()
    stale = ImportJob.objects.filter(status=ImportJob.Status.RUNNING, heartbeat_at__lt=now - STALE_AFTER)
    stale.filter(attempts__gte=MAX_ATTEMPTS).update(
        status=ImportJob.Status.FAILED, finished_at=now, error="interrupted"
    )
    queued = 0
    for job_id in stale.filter(attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True):
        if ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.RUNNING).update(
            status=ImportJob.Status.QUEUED
        ):
            run_import.enqueue(job_id)
            queued += 1
    return queued

"""Confirming a spreadsheet import queues a background job: the request answers at once, the
job page shows progress and then the result, closing the tab loses nothing, a second confirm
imports nothing twice, and a job whose worker died runs again."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from promo.models import ProductPage
from staff.jobs import requeue_stale_imports
from staff.models import ImportJob
from tests.staff.test_spreadsheet import IMPORT, csv_file, upload
from tests.worker import run_worker

pytestmark = pytest.mark.django_db
DB_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail", "imports"]}
}
ROWS = [["ref", "locale", "title", "commune", "category"]] + [
    [f"san-pham-{n}", "vi", f"Sản phẩm {n}", "xã Dầu Tiếng", "food"] for n in range(1, 31)
]


def test_confirm_queues_a_job_whose_page_shows_progress_then_the_result(admin_client, site, settings):
    settings.TASKS = DB_TASKS
    url, _preview = upload(admin_client, "product", csv_file(ROWS))
    response = admin_client.post(url + "confirm/")
    assert response.status_code == 302
    job_url = response["Location"]
    job = ImportJob.objects.get()
    assert job.status == "queued" and job.total == 30 and not ProductPage.objects.exists()

    waiting = admin_client.get(job_url).content.decode()
    assert 'http-equiv="refresh"' in waiting and "0 of 30 rows checked" in waiting
    assert "you may close this page" in waiting
    # the tab is closed; the job is listed where the staff member starts
    assert job_url in admin_client.get(IMPORT).content.decode()

    # a second confirm (double click, second tab) queues nothing more
    assert admin_client.post(url + "confirm/")["Location"] == job_url
    assert ImportJob.objects.count() == 1
    assert DBTaskResult.objects.filter(task_path__endswith="run_import").count() == 1

    run_worker()
    job.refresh_from_db()
    assert job.status == "done" and job.done == 30 and job.summary["created"] == 30
    assert ProductPage.objects.count() == 30
    result = admin_client.get(job_url).content.decode()
    assert "Imported 30 rows: 30 created" in result and 'http-equiv="refresh"' not in result


def test_a_job_failing_the_second_check_reports_its_problems(admin_client, site, settings):
    from promo.models import Commune

    settings.TASKS = DB_TASKS
    url, _preview = upload(admin_client, "product", csv_file(ROWS[:3]))
    job_url = admin_client.post(url + "confirm/")["Location"]
    Commune.objects.filter(name="xã Dầu Tiếng").update(name="xã Đã Đổi Tên", slug="da-doi")
    run_worker()
    page = admin_client.get(job_url).content.decode()
    assert "Nothing was imported" in page and "Row 2" in page and "unknown commune" in page
    assert not ProductPage.objects.exists()


def test_a_job_whose_worker_died_runs_again(admin_client, site, settings):
    settings.TASKS = DB_TASKS
    url, _preview = upload(admin_client, "product", csv_file(ROWS[:5]))
    admin_client.post(url + "confirm/")
    DBTaskResult.objects.all().delete()  # the worker took it and was killed
    ImportJob.objects.update(
        status="running", attempts=1, heartbeat_at=timezone.now() - timedelta(minutes=30)
    )
    assert requeue_stale_imports() == 1
    run_worker()
    job = ImportJob.objects.get()
    assert job.status == "done" and ProductPage.objects.count() == 4


def test_other_staff_cannot_open_someone_elses_job(admin_client, site, client, django_user_model):
    url, _preview = upload(admin_client, "product", csv_file(ROWS[:2]))
    job_url = admin_client.post(url + "confirm/")["Location"]
    other = django_user_model.objects.create_user("other", password="x")
    client.force_login(other)
    assert client.get(job_url).status_code in (302, 403, 404)

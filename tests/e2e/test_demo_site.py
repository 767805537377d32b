"""The demo site as `load_demo` leaves it: ready to browse and to edit, with no work queued that
the load already did (a worker would otherwise spend minutes redoing the admin indexes)."""

import sqlite3
from datetime import UTC, datetime

import pytest
from django_tasks_db.models import DBTaskResult

from promo.management.commands.load_demo import INDEX_TASK_PATHS
from tests.e2e import demo_build
from tests.e2e.conftest import DEMO_ENV

pytestmark = pytest.mark.e2e


def test_the_demo_leaves_no_index_task_queued(demo_server, tmp_path_factory, worker_id):
    built = float((demo_build.shared_folder(tmp_path_factory, worker_id) / demo_build.READY).read_text())
    database = DEMO_ENV["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(database) as db:
        table = DBTaskResult._meta.db_table
        rows = db.execute(f"SELECT task_path, enqueued_at FROM {table} WHERE status = 'READY'").fetchall()
    queued_by_the_load = [
        path
        for path, enqueued in rows
        if path in INDEX_TASK_PATHS
        and datetime.fromisoformat(enqueued).replace(tzinfo=UTC).timestamp() <= built
    ]
    assert queued_by_the_load == []

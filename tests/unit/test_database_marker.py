"""The PostgreSQL re-run (`pytest -m django_db`, `make test`) selects every test that touches the
database, including those that reach it only through a fixture."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def collected(*args):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode in (0, 5), result.stdout + result.stderr
    return {line for line in result.stdout.splitlines() if "::" in line}


def test_the_re_run_selects_tests_that_reach_the_database_through_fixtures():
    files = [
        "tests/integration/test_relevance_api.py",
        "tests/integration/test_relevance.py",
        "tests/unit/test_lock_files.py",
    ]
    selected = collected("-m", "django_db", *files)
    # `site` → `db`: no marker of its own.
    assert (
        "tests/integration/test_relevance_api.py::"
        "test_dev_set_through_the_api_meets_the_targets_on_both_engines_alike"
    ) in selected
    # The embedded engine on a temporary file and a lock-file check never open the database.
    assert not any("test_relevance.py" in test or "test_lock_files" in test for test in selected)

"""Settings come from the environment; production passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    full_env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "ELASTICSEARCH_URL", "SECRET_KEY")
    }
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="promo.settings.production",
        SECRET_KEY="x" * 20 + "-a-long-random-production-key-for-the-test-only-9f3k",
        ALLOWED_HOSTS="dautieng-promo.example",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="promo.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_database_and_search_paths_come_from_the_environment(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.DATABASES['default']['NAME']); "
        "print(s.SEARCH_INDEX_PATH); print(s.ELASTICSEARCH_URL)",
        DJANGO_SETTINGS_MODULE="promo.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path}/x.db",
        SEARCH_INDEX_PATH=str(tmp_path / "idx.sqlite3"),
        ELASTICSEARCH_URL="http://127.0.0.1:9200",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert lines[-3:] == [f"{tmp_path}/x.db", str(tmp_path / "idx.sqlite3"), "http://127.0.0.1:9200"]


SETTINGS = ROOT / "promo" / "settings"
READ_RE = __import__("re").compile(r'\benv(?:\.\w+|_list)\(\s*"([A-Z][A-Z0-9_]*)"')


def test_every_environment_variable_is_read_once_in_the_settings():
    """One place per variable: settings/*.py through environs, each name once; no app module
    reads os.environ (it asks django.conf.settings)."""
    names = []
    for path in sorted(SETTINGS.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "os.environ" not in text, f"{path.name} reads os.environ; use env (environs)"
        names += READ_RE.findall(text)
    twice = sorted({name for name in names if names.count(name) > 1})
    assert names and not twice, f"read more than once: {twice}"
    readers = []
    for app in (
        "promo",
        "search",
        "home",
        "portal",
        "feeds",
        "enquiries",
        "alerts",
        "maps",
        "staff",
        "opendata",
        "pagecache",
    ):
        for path in (ROOT / app).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "os.environ.get(" in text or "os.getenv(" in text:
                readers.append(str(path.relative_to(ROOT)))
    assert not readers, f"modules reading the environment outside the settings: {readers}"


def test_a_malformed_variable_stops_start_up_naming_it():
    result = run_manage("check", SEARCH_ES_TIMEOUT="fast")
    assert result.returncode != 0
    assert "SEARCH_ES_TIMEOUT" in result.stderr

"""The lock files pin what requirements*.txt declare (scripts/check_lock.py, run by every install)."""

import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("check_lock", ROOT / "scripts" / "check_lock.py")
check_lock = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_lock)


def test_the_lock_files_match_the_requirements():
    assert list(check_lock.problems(ROOT)) == []


def test_every_lock_entry_has_a_hash():
    for lock in check_lock.LOCKS.values():
        text = (ROOT / lock).read_text()
        pinned = [line for line in text.splitlines() if check_lock.PIN.match(line)]
        assert pinned and all(line.endswith("\\") for line in pinned), lock
        assert "--hash=sha256:" in text


def test_a_pin_changed_without_make_lock_is_reported(tmp_path):
    for name in (*check_lock.LOCKS, *check_lock.LOCKS.values()):
        shutil.copy(ROOT / name, tmp_path / name)
    declared = (tmp_path / "requirements.txt").read_text()
    (tmp_path / "requirements.txt").write_text(
        declared.replace("Django==", "Django==0.0.1\n# ", 1) + "not-locked-yet==1.0\n"
    )
    found = list(check_lock.problems(tmp_path))
    assert "requirements.txt pins django==0.0.1 but requirements.lock has" in found[0]
    assert "requirements.txt pins not-locked-yet==1.0 but requirements.lock lacks it" in found
    assert any(line.startswith("requirements-test.txt pins django==0.0.1") for line in found)

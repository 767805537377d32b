"""`make bench-import` writes its catalogue in a process where Django is not set up yet."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_benchmark_writes_valid_lines_from_a_fresh_interpreter(tmp_path):
    out = tmp_path / "catalogue.jsonl"
    code = (
        "import sys; from pathlib import Path; from bench.import_bench import write_catalogue; "
        "print(write_catalogue(Path(sys.argv[1]), 5))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "promo.settings.dev"}
    result = subprocess.run(
        [sys.executable, "-c", code, str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert result.stdout.split() == ["10"] and len(lines) == 10  # 5 items × vi/en
    assert {line["locale"] for line in lines} == {"vi", "en"}
    assert len({line["kind"] for line in lines}) == 5

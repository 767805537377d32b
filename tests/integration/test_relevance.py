"""The judged dev set (tests/data/search-eval) through service-level search, per engine.

Documents come straight from the corpus lines (`search.corpus`), without the site: a commune
filter written as a name is slugged the way the corpus slugs its communes. The real path
(importer, pages, API, commune resolution) is test_relevance_api.py; both hold the targets of
the search issue.
"""

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from search.corpus import load_jsonl, slugify
from search.query import Filters, QueryError
from search.service import search_with

EVAL = Path(__file__).resolve().parents[1] / "data" / "search-eval"
TODAY = dt.date(2026, 11, 26)  # the day the `upcoming` judgments assume


def _scorer():
    spec = importlib.util.spec_from_file_location("search_eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _filters(raw: dict) -> Filters:
    return Filters(
        kinds=tuple(raw.get("kind", ())),
        communes=tuple(slugify(c) for c in raw.get("commune", ())),
        sectors=tuple(raw.get("sector", ())),
        categories=tuple(raw.get("category", ())),
        upcoming=bool(raw.get("upcoming")),
        today=TODAY,
    )


def test_dev_set_relevance(engine, tmp_path, capsys):
    engine.rebuild(list(load_jsonl(EVAL / "dev-corpus.jsonl")))
    queries = json.loads((EVAL / "dev-queries.json").read_text(encoding="utf-8"))["queries"]
    results = {}
    for q in queries:
        try:
            res = search_with(engine, q["q"], q["lang"], _filters(q.get("filters", {})), page_size=10)
        except QueryError as exc:
            pytest.fail(f"{q['id']} {q['q']!r}: {exc}")
        results[q["id"]] = [{"ref": h.ref, "locale": h.locale} for h in res.hits]
    run = tmp_path / "run.json"
    run.write_text(json.dumps({"engine": engine.name, "results": results}), encoding="utf-8")

    scorer = _scorer()
    scorer.main([str(EVAL / "dev-queries.json"), str(run), "--json"])
    report = json.loads(capsys.readouterr().out)
    overall, cats = report["overall"], report["categories"]
    assert overall["ndcg@10"] >= 0.95, report
    assert overall["langok"] == 1.0, report
    for name, m in cats.items():
        if m["ndcg@10"] is not None:
            assert m["ndcg@10"] >= 0.85, (name, m)
    assert cats["no-result"]["noresult"] == 1.0, report

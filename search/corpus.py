"""Catalogue exchange-format lines (JSON Lines, see docs/catalogue-format.md) → `SearchDocument`s.

Used by tests and benchmarks to load a corpus straight into an engine, without the database.
Facet slugs follow the catalogue's rule: the folded commune name with spaces as hyphens
(`thị trấn Dầu Tiếng` → `thi-tran-dau-tieng`); category and sector are already slugs.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Iterator

from search.documents import SearchDocument
from search.text import fold

_URL_SECTION = {
    "product": "products",
    "fair": "fairs",
    "attraction": "tourism",
    "investment": "investment",
    "news": "news",
}
_FACT_KEYS = (
    "venue",
    "organizer",
    "producer",
    "opening_hours",
    "status",
    "area_ha",
    "capital_vnd",
    "price_from_vnd",
    "unit",
    "ocop_stars",
    "ticket_vnd",
)


def slugify(name: str) -> str:
    return "-".join(fold(name).split())


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def from_line(data: dict) -> SearchDocument:
    facets = {}
    if data.get("commune"):
        facets["commune"] = (slugify(data["commune"]),)
    for key in ("sector", "category"):
        if data.get(key):
            facets[key] = (str(data[key]),)
    return SearchDocument(
        ref=data["ref"],
        kind=data["kind"],
        locale=data["locale"],
        title=data["title"],
        url=f"/{data['locale']}/{_URL_SECTION.get(data['kind'], data['kind'])}/{data['ref']}/",
        summary=data.get("summary", ""),
        text=data.get("body", ""),
        tags=tuple(data.get("tags") or ()),
        facets=facets,
        published=_date(data.get("published")),
        start=_date(data.get("start")),
        end=_date(data.get("end")),
        facts={k: str(data[k]) for k in _FACT_KEYS if data.get(k) not in (None, "")},
    )


def load_jsonl(path: str | Path) -> Iterator[SearchDocument]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield from_line(json.loads(line))

"""A deterministic synthetic catalogue for benchmarks: `synthetic_documents(n_items, …)`.

The words come from the judged dev corpus (tests/data/search-eval/dev-corpus.jsonl), per
language, drawn with a Zipf-like skew so common words ("Dầu Tiếng", "the", "xã") match most of
the catalogue and rare ones a handful of items — the mix that makes broad queries expensive and
narrow ones cheap in a real index. Same arguments, same documents, on every machine.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import re
from pathlib import Path

from search.documents import KINDS, SearchDocument

DEV_CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "search-eval" / "dev-corpus.jsonl"
COMMUNES = (
    "dau-tieng",
    "minh-thanh",
    "long-hoa",
    "thanh-an",
    "dinh-thanh",
    "an-lap",
    "long-tan",
    "thanh-tuyen",
    "minh-tan",
    "dinh-an",
)
SECTORS = ("agriculture", "manufacturing", "tourism", "energy", "logistics")
CATEGORIES = {
    "product": ("food", "handicraft", "household", "agricultural"),
    "attraction": ("nature", "heritage", "recreation", "religious"),
    "news": ("economy", "culture", "environment", "investment"),
}
_SECTION = {
    "product": "products",
    "fair": "fairs",
    "attraction": "tourism",
    "investment": "investment",
    "news": "news",
}
# Kinds with a catalogue section of their own (documents and itineraries are few on a real site
# and have no synthetic model here).
_KINDS = tuple(kind for kind in KINDS if kind in _SECTION)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


FOLLOW = 0.6  # chance the next word continues a real word pair (keeps phrases like Dầu Tiếng)


def _vocabulary(locale: str) -> tuple[list[str], list[float], dict[str, list[str]]]:
    """Words of `locale` in the dev corpus, most frequent first, with cumulative Zipf weights
    (1/rank), and each word's successors as seen in the corpus."""
    counts: dict[str, int] = {}
    follows: dict[str, list[str]] = {}
    with open(DEV_CORPUS, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["locale"] != locale:
                continue
            for field in ("title", "summary", "body"):
                words = _WORD.findall(row.get(field) or "")
                for a, b in itertools.pairwise(words):
                    follows.setdefault(a, []).append(b)
                for word in words:
                    counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    return words, list(itertools.accumulate(1.0 / (r + 1) for r in range(len(words)))), follows


def _sentence(rng: random.Random, vocab, n: int) -> str:
    words, cum, follows = vocab
    out = rng.choices(words, cum_weights=cum, k=1)
    while len(out) < n:
        nxt = follows.get(out[-1])
        out.append(
            rng.choice(nxt) if nxt and rng.random() < FOLLOW else rng.choices(words, cum_weights=cum, k=1)[0]
        )
    return " ".join(out)


def synthetic_documents(n_items: int, locales=("vi", "en"), seed: int = 1) -> list[SearchDocument]:
    """`n_items` catalogue items, each translated into every locale in `locales`."""
    rng = random.Random(seed)
    vocabs = {loc: _vocabulary(loc) for loc in locales}
    docs = []
    for i in range(n_items):
        kind = _KINDS[i % len(_KINDS)]
        ref = f"item-{i:06d}"
        facets = {"commune": (rng.choice(COMMUNES),)}
        if kind == "investment":
            facets["sector"] = (rng.choice(SECTORS),)
        if kind in CATEGORIES:
            facets["category"] = (rng.choice(CATEGORIES[kind]),)
        start = end = None
        if kind == "fair":
            start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(730))
            end = start + dt.timedelta(days=rng.randrange(1, 6))
        published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(1000))
        # Per-item lengths shared by its translations, like a real translated page; the ranges
        # are those of the dev corpus (titles 3–16 words, summaries 11–26, bodies 30–70).
        n_title, n_summary, n_body = rng.randint(3, 12), rng.randint(11, 26), rng.randint(30, 80)
        for loc in locales:
            vocab = vocabs[loc]
            docs.append(
                SearchDocument(
                    ref=ref,
                    kind=kind,
                    locale=loc,
                    title=_sentence(rng, vocab, n_title).capitalize(),
                    url=f"/{loc}/{_SECTION[kind]}/{ref}/",
                    summary=_sentence(rng, vocab, n_summary) + ".",
                    text="\n\n".join(_sentence(rng, vocab, n_body // 2) + "." for _ in range(2)),
                    tags=tuple(_sentence(rng, vocab, 2) for _ in range(rng.randint(0, 3))),
                    facets=facets,
                    published=published,
                    start=start,
                    end=end,
                    facts={"end": end.isoformat()} if end else {},
                )
            )
    return docs

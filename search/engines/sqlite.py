"""The embedded engine: SQLite FTS5 in a file of its own, next to (not inside) the Django DB.

Layout: `fts` holds the analysed tokens (title, tags+synonyms, summary, body) with rowid = docs.id;
`docs` the original fields for display and snippets; `items` one row per ref; `item_facets`
(kind, commune, sector, category) per item as integer ids into `facet_values`, so facet counts
are one integer GROUP BY over the matching items; `ac` the unstemmed folded title words with a
prefix index for autocomplete; `sv` the surface keys of each document's Vietnamese syllables
(how they are written), which the vocabulary reads through `sv_vocab`.

A document's id is `item << 4 | slot` (slot: the locale's place in `LOCALES`), so the item of an
FTS hit is `rowid >> 4`: collapsing translations into items needs no join, and the match set
goes straight into a temporary table that the total, the page of hits and the facet counts all
read, instead of re-running the match for each.

Journal mode: rollback journal, not WAL, on purpose. `rebuild` swaps a freshly built file in
with `os.replace`; WAL keeps `<path>-wal`/`-shm` by *name*, so a connection still reading the
old file and one opening the new file would share (and the last closer delete) one WAL — a
corruption waiting to happen. With a rollback journal the swap is safe, readers never block on
the long rebuild (it writes another file), and incremental writes are small and short.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Iterable

from search.documents import LOCALES, SearchDocument
from search.engines import common
from search.engines.base import (
    EngineUnavailable,
    Health,
    Hit,
    Progress,
    SearchResults,
    Suggestion,
)
from search.query import Match, Plan, Tier
from search.snippets import make_snippet
from search.text import analyze
from search.vocabulary import Vocabulary

log = logging.getLogger(__name__)

WEIGHTS = tuple(common.FIELD_WEIGHTS.values())  # bm25 column weights, in column order
_TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co'"  # split on spaces only
AC_CANDIDATES = 300
SCHEMA_VERSION = "3"  # bump when the layout changes: an older file is emptied for a rebuild
SLOT_BITS = 4  # up to 16 translations per item
_MAX_COMBINATIONS = 70  # C(8, 6) = 28 for the largest CJK chunk the planner emits

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items(
    id INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, end_date TEXT);
CREATE TABLE IF NOT EXISTS docs(
    id INTEGER PRIMARY KEY, item INTEGER NOT NULL REFERENCES items(id), locale TEXT NOT NULL,
    kind TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL, summary TEXT NOT NULL,
    body TEXT NOT NULL, image_url TEXT NOT NULL, facts TEXT NOT NULL, facets TEXT NOT NULL,
    end_date TEXT, title_len INTEGER NOT NULL, UNIQUE(item, locale));
CREATE TABLE IF NOT EXISTS facet_values(
    id INTEGER PRIMARY KEY, facet TEXT NOT NULL, value TEXT NOT NULL, UNIQUE(facet, value));
CREATE TABLE IF NOT EXISTS item_facets(
    item INTEGER NOT NULL, fv INTEGER NOT NULL, PRIMARY KEY(item, fv)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS item_facets_fv ON item_facets(fv, item);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, tags, summary, body, tokenize="{_TOKENIZE}");
CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, 'row');
CREATE VIRTUAL TABLE IF NOT EXISTS ac USING fts5(words, tokenize="{_TOKENIZE}", prefix='1 2 3');
CREATE VIRTUAL TABLE IF NOT EXISTS sv USING fts5(words, tokenize="{_TOKENIZE}", detail=none);
CREATE VIRTUAL TABLE IF NOT EXISTS sv_vocab USING fts5vocab(sv, 'row');
"""
_TABLES = ("vocab", "sv_vocab", "fts", "ac", "sv", "item_facets", "facet_values", "docs", "items", "meta")


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _match_expr(m: Match) -> str:
    if m.mode == "some" and m.minimum < len(m.tokens):
        combos = list(itertools.combinations(m.tokens, m.minimum))[:_MAX_COMBINATIONS]
        return "(" + " OR ".join("(" + " AND ".join(map(_quote, c)) + ")" for c in combos) + ")"
    if m.mode == "some":
        return "(" + " AND ".join(map(_quote, m.tokens)) + ")"
    if m.mode == "prefix":
        return _quote(" ".join(m.tokens)) + " *"
    # A phrase: FTS5 re-tokenises the quoted string with the table tokenizer (spaces only).
    return _quote(" ".join(m.tokens))


def _clause_expr(options: tuple[Match, ...]) -> str:
    return "(" + " OR ".join(_match_expr(o) for o in options) + ")"


def tier_expression(tier: Tier, excluded: tuple[Match, ...] = ()) -> str:
    """The MATCH string of one tier, built only from analysed tokens, each one double-quoted.
    A "most words" tier is the OR of every way to pick enough of its droppable clauses."""
    required = [i for i in range(len(tier.clauses)) if tier.is_all or i in tier.required]
    expr = " AND ".join(_clause_expr(tier.clauses[i]) for i in required)
    if not tier.is_all:
        droppable = [i for i in range(len(tier.clauses)) if i not in tier.required]
        need = tier.minimum - len(tier.required)
        combos = list(itertools.combinations(droppable, need))[:_MAX_COMBINATIONS]
        picks = " OR ".join(
            "(" + " AND ".join(_clause_expr(tier.clauses[i]) for i in c) + ")" for c in combos
        )
        expr = f"({expr}) AND ({picks})" if expr else f"({picks})"
    if tier.needs:
        expr = f"({expr}) AND " + _clause_expr(tier.needs)
    if excluded:
        expr += " NOT (" + " OR ".join(_match_expr(m) for m in excluded) + ")"
    return expr


def fts_expression(plan: Plan) -> str:
    """The MATCH string of the plan's strictest tier (what a bare FTS5 query would run)."""
    return tier_expression(plan.tiers[0], plan.excluded) if plan.tiers else ""


class SqliteEngine:
    name = "sqlite"

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._vocab: tuple[tuple, Vocabulary] | None = None
        self._item_facets: tuple | None = None  # (generation, {item: fv ids}, {fv: (facet, value)})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._write_lock:
                conn = self._connect()
                self._init_schema(conn)
        except (sqlite3.Error, OSError) as exc:
            raise EngineUnavailable(f"cannot open search index {self.path}: {exc}") from exc

    # -- connections -------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        """This thread's connection, reopened when `rebuild` has swapped in a new file."""
        try:
            ino = os.stat(self.path).st_ino
        except FileNotFoundError:
            ino = None
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.ino == ino and ino is not None:
            return conn
        if conn is not None:
            conn.close()
        try:
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA temp_store=MEMORY")  # the per-search match table
            conn.execute("PRAGMA cache_size=-32000")
            # Reads through the page cache of the OS instead of copying every page in.
            conn.execute("PRAGMA mmap_size=268435456")
            self._local.ino = os.stat(self.path).st_ino
        except (sqlite3.Error, OSError) as exc:
            raise EngineUnavailable(f"cannot open search index {self.path}: {exc}") from exc
        self._local.conn = conn
        return conn

    @staticmethod
    def _init_schema(conn: sqlite3.Connection) -> None:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = None
        if "meta" in tables:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            version = row[0] if row else None
        if tables and version != SCHEMA_VERSION:
            # A file from an older layout cannot be read by this code: start it empty (the
            # database is the truth; `search_index rebuild` refills it) rather than fail searches.
            log.warning(
                "search index %s has layout %s, expected %s: emptied, rebuild it",
                conn.execute("PRAGMA database_list").fetchone()[2],
                version,
                SCHEMA_VERSION,
            )
            for name in _TABLES:
                conn.execute(f"DROP TABLE IF EXISTS {name}")
        conn.executescript(SCHEMA)
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('generation', ?)", (uuid.uuid4().hex,))
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    @staticmethod
    def _bump(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (uuid.uuid4().hex,))

    def _transaction(self, work):
        """Run `work(conn)` in one write transaction; a locked, read-only or broken file is an
        `EngineUnavailable` (the caller keeps the update pending), never a sqlite3 error."""
        with self._write_lock:
            try:
                conn = self._connect()
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise EngineUnavailable(f"search index {self.path}: {exc}") from exc
            try:
                result = work(conn)
                self._bump(conn)
                conn.execute("COMMIT")
            except BaseException as exc:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                if isinstance(exc, sqlite3.Error):
                    raise EngineUnavailable(f"search index {self.path}: {exc}") from exc
                raise
            return result

    # -- writing -----------------------------------------------------------------------------

    def index(self, docs: Iterable[SearchDocument]) -> int:
        docs = list(docs)
        return self._transaction(lambda conn: self._write(conn, docs))

    def _write(
        self,
        conn: sqlite3.Connection,
        docs: Iterable[SearchDocument],
        progress: Progress | None = None,
        total: int | None = None,
        fresh: bool = False,
    ) -> int:
        n = 0
        touched: set[int] = set()
        for doc in docs:
            item = self._item_id(conn, doc)
            if not fresh:
                self._delete_doc(conn, item, doc.locale)
            facets = {k: list(v) for k, v in doc.facets.items() if v}
            end = doc.end.isoformat() if doc.end else None
            rowid = self._doc_id(conn, item, doc.locale)
            analysed = common.analyse(doc)
            conn.execute(
                "INSERT INTO docs(id, item, locale, kind, title, url, summary, body, image_url,"
                " facts, facets, end_date, title_len) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    rowid,
                    item,
                    doc.locale,
                    doc.kind,
                    doc.title,
                    doc.url,
                    doc.summary,
                    doc.text,
                    doc.image_url,
                    json.dumps(doc.facts, ensure_ascii=False),
                    json.dumps(facets, ensure_ascii=False),
                    end,
                    analysed.title_len,
                ),
            )
            conn.execute(
                "INSERT INTO fts(rowid, title, tags, summary, body) VALUES (?,?,?,?,?)",
                (rowid, *(" ".join(toks) for toks in analysed.fields.values())),
            )
            conn.execute(
                "INSERT INTO ac(rowid, words) VALUES (?,?)", (rowid, " ".join(analysed.autocomplete))
            )
            conn.execute("INSERT INTO sv(rowid, words) VALUES (?,?)", (rowid, " ".join(analysed.surfaces)))
            touched.add(item)
            n += 1
            if progress and n % 500 == 0:
                progress(n, total or n)
        self._refresh_items(conn, touched)
        if progress:
            progress(n, total or n)
        return n

    @staticmethod
    def _item_id(conn: sqlite3.Connection, doc: SearchDocument) -> int:
        row = conn.execute("SELECT id FROM items WHERE ref = ?", (doc.ref,)).fetchone()
        if row:
            return row[0]
        return conn.execute("INSERT INTO items(ref, kind) VALUES (?, ?)", (doc.ref, doc.kind)).lastrowid

    @staticmethod
    def _doc_id(conn: sqlite3.Connection, item: int, locale: str) -> int:
        """`item << SLOT_BITS | slot`: the locale's own slot, or the first free one for a locale
        outside `LOCALES` (called after the item's old document for `locale` is gone)."""
        base = item << SLOT_BITS
        used = {
            r[0] - base
            for r in conn.execute(
                "SELECT id FROM docs WHERE id BETWEEN ? AND ?", (base, base + (1 << SLOT_BITS) - 1)
            )
        }
        preferred = [LOCALES.index(locale)] if locale in LOCALES else []
        for slot in preferred + list(range(len(LOCALES), 1 << SLOT_BITS)):
            if slot not in used:
                return base + slot
        raise ValueError(f"item {item} has more than {1 << SLOT_BITS} translations")

    @staticmethod
    def _delete_doc(conn: sqlite3.Connection, item: int, locale: str) -> bool:
        row = conn.execute("SELECT id FROM docs WHERE item = ? AND locale = ?", (item, locale)).fetchone()
        if not row:
            return False
        for table in ("fts", "ac", "sv"):
            conn.execute(f"DELETE FROM {table} WHERE rowid = ?", row)
        conn.execute("DELETE FROM docs WHERE id = ?", row)
        return True

    @staticmethod
    def _refresh_items(conn: sqlite3.Connection, items: set[int]) -> None:
        """Item-level kind, end date and facets (`common.item_values`) from the item's live
        translations."""
        for item in items:
            rows = conn.execute(
                "SELECT locale, kind, end_date, facets FROM docs WHERE item = ?", (item,)
            ).fetchall()
            conn.execute("DELETE FROM item_facets WHERE item = ?", (item,))
            if not rows:
                conn.execute("DELETE FROM items WHERE id = ?", (item,))
                continue
            values = common.item_values(
                {loc: {"kind": kind, "end": end, "facets": json.loads(f)} for loc, kind, end, f in rows}
            )
            conn.execute(
                "UPDATE items SET kind = ?, end_date = ? WHERE id = ?", (values["kind"], values["end"], item)
            )
            conn.executemany(
                "INSERT OR IGNORE INTO facet_values(facet, value) VALUES (?, ?)", values["facets"]
            )
            conn.executemany(
                "INSERT INTO item_facets SELECT ?, id FROM facet_values WHERE facet = ? AND value = ?",
                [(item, f, v) for f, v in values["facets"]],
            )

    def delete(self, keys: Iterable[str]) -> int:
        keys = list(keys)

        def work(conn):
            n, touched = 0, set()
            for key in keys:
                ref, _, locale = key.rpartition(":")
                row = conn.execute("SELECT id FROM items WHERE ref = ?", (ref,)).fetchone()
                if row and self._delete_doc(conn, row[0], locale):
                    n += 1
                    touched.add(row[0])
            self._refresh_items(conn, touched)
            return n

        return self._transaction(work)

    def rebuild(
        self, docs: Iterable[SearchDocument], total: int | None = None, progress: Progress | None = None
    ) -> int:
        """Build a new file beside the live one and swap it in atomically; searches keep
        answering from the old file until the swap, and from the new one right after."""
        tmp = self.path.with_name(f"{self.path.name}.building-{uuid.uuid4().hex[:8]}")
        try:
            conn = sqlite3.connect(tmp, isolation_level=None)
        except sqlite3.Error as exc:
            raise EngineUnavailable(f"cannot create {tmp}: {exc}") from exc
        try:
            conn.execute("PRAGMA journal_mode=OFF")  # a crash leaves only a temp file to delete
            conn.execute("PRAGMA synchronous=OFF")
            self._init_schema(conn)
            conn.execute("BEGIN")
            n = self._write(conn, docs, progress, total, fresh=True)
            conn.execute("COMMIT")
            for table in ("fts", "ac", "sv"):
                conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.close()
            with self._write_lock:
                os.replace(tmp, self.path)
            return n
        except BaseException as exc:
            conn.close()
            tmp.unlink(missing_ok=True)
            if isinstance(exc, (sqlite3.Error, OSError)):
                raise EngineUnavailable(f"rebuilding {self.path}: {exc}") from exc
            raise

    # -- vocabulary --------------------------------------------------------------------------

    def _generation(self, conn: sqlite3.Connection) -> tuple:
        gen = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return (self._local.ino, gen[0] if gen else "")

    def vocabulary(self) -> Vocabulary:
        """Read once per index generation (every write bumps it) and shared by threads."""
        try:
            conn = self._connect()
            key = self._generation(conn)
            cached = self._vocab
            if cached is None or cached[0] != key:
                terms = dict(conn.execute("SELECT term, doc FROM vocab"))
                surfaces = frozenset(r[0] for r in conn.execute("SELECT term FROM sv_vocab"))
                cached = self._vocab = (key, Vocabulary(terms, surfaces))
        except sqlite3.Error as exc:
            raise EngineUnavailable(f"search index {self.path}: {exc}") from exc
        return cached[1]

    # -- searching ---------------------------------------------------------------------------

    def search(self, query: Plan, lang: str, page: int = 1, page_size: int = 10) -> SearchResults:
        plan = query
        try:
            conn = self._connect()
            where, params = self._filter_sql(conn, plan)
            if where is None or not plan.tiers:  # a filter value nothing carries, or no words
                return SearchResults(total=0, hits=[], facets=common.empty_facets(), engine=self.name)
            conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS m(item INTEGER PRIMARY KEY,"
                " tier INTEGER, score REAL, doc INTEGER)"
            )
            conn.execute("DELETE FROM temp.m")
            total, counts = 0, {}
            for number, tier in enumerate(plan.tiers):
                if not tier.counts(total, plan.relax_below):
                    break
                self._match_tier(conn, plan, number, tier, where, params)
                # Not changes(): an upsert that folds a second translation counts as one too.
                before, total = total, conn.execute("SELECT count(*) FROM temp.m").fetchone()[0]
                if total > before:
                    counts[tier.name] = total - before
            rows = conn.execute(
                "SELECT m.item, m.tier, m.score, m.doc FROM temp.m m CROSS JOIN items i"
                " ON i.id = m.item ORDER BY m.tier, m.score, i.ref LIMIT ? OFFSET ?",
                (page_size, (page - 1) * page_size),
            ).fetchall()
            facets = self._facets(conn) if total else common.empty_facets()
            hits = self._hits(conn, rows, lang, plan)
        except sqlite3.Error as exc:
            raise EngineUnavailable(f"search index {self.path}: {exc}") from exc
        return SearchResults(total=total, hits=hits, facets=facets, engine=self.name, tier_counts=counts)

    def _match_tier(self, conn, plan: Plan, number: int, tier: Tier, where: str, params: list) -> None:
        """Add the items this tier matches and no stricter tier did. bm25 is negative (lower is
        better); one pass over the FTS hits folds translations into their item as they come
        (an upsert on the item key, keeping the best translation of the item's tier)."""
        item = f"(fts.rowid >> {SLOT_BITS})"
        bm25 = "bm25(fts, " + ", ".join(map(str, WEIGHTS)) + ")"
        factor, factor_params = self._factor(tier)
        fresh = f" AND {item} NOT IN (SELECT item FROM temp.m WHERE tier < {number})" if number else ""
        conn.execute(
            f"INSERT INTO temp.m SELECT {item}, {number}, {bm25} * {factor}, fts.rowid"
            f" FROM fts WHERE fts MATCH ? AND {where}{fresh}"
            " ON CONFLICT(item) DO UPDATE SET score = excluded.score, doc = excluded.doc"
            " WHERE excluded.tier = m.tier AND excluded.score < m.score",
            [*factor_params, tier_expression(tier, plan.excluded), *params],
        )

    @staticmethod
    def _factor(tier: Tier) -> tuple[str, list]:
        """SQL for the ranking factors of the current FTS row (see `SearchEngine`): the title
        factor times the phrase factor. The rows whose title holds a phrase come from one FTS
        subquery (run once per search); only those read their own title tokens (`fts.title`,
        spaces between tokens) to tell an exact title or a prefix from a phrase inside."""
        phrases = [" ".join(p) for p in tier.phrases if p]
        if not phrases:
            return "1.0", []
        quoted = " OR ".join(_quote(p) for p in phrases)
        exact = " OR ".join("fts.title = ?" for _ in phrases)
        prefix = " OR ".join("substr(fts.title, 1, ?) = ?" for _ in phrases)
        params: list = [f"title : ({quoted})", *phrases]
        for p in phrases:
            params += [len(p) + 1, p + " "]
        sql = (
            f"(CASE WHEN fts.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?) THEN"
            f" (CASE WHEN {exact} THEN {common.TITLE_EXACT} WHEN {prefix} THEN"
            f" {common.TITLE_PREFIX} ELSE {common.TITLE_PHRASE} END) ELSE 1.0 END)"
        )
        long = [p for p in tier.phrases if len(p) > 1]
        if long:
            sql += (
                f" * (CASE WHEN fts.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)"
                f" THEN {common.PHRASE_ANYWHERE} ELSE 1.0 END)"
            )
            params.append(" OR ".join(_quote(" ".join(p)) for p in long))
        return sql, params

    def _facets(self, conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
        """Facet counts over the match set, from each item's facet values held in memory (read
        once per index generation): counting a few thousand matched items in Python is several
        times cheaper than joining them to `item_facets` in SQL."""
        key = self._generation(conn)
        cached = self._item_facets
        if cached is None or cached[0] != key:
            values = {
                fv: (facet, value)
                for fv, facet, value in conn.execute("SELECT id, facet, value FROM facet_values")
            }
            by_item: dict[int, tuple] = {}
            for item, fv in conn.execute("SELECT item, fv FROM item_facets ORDER BY item"):
                by_item[item] = by_item.get(item, ()) + (fv,)
            cached = self._item_facets = (key, by_item, values)
        _, by_item, values = cached
        empty: tuple = ()
        counts = Counter(
            itertools.chain.from_iterable(
                by_item.get(item, empty) for (item,) in conn.execute("SELECT item FROM temp.m")
            )
        )
        return common.ordered_facets((*values[fv], n) for fv, n in counts.items())

    @staticmethod
    def _filter_sql(conn: sqlite3.Connection, plan: Plan) -> tuple[str | None, list]:
        """The WHERE clause over the FTS row's item for the plan's filters; None when a facet
        filter names only values no item carries."""
        item = f"(fts.rowid >> {SLOT_BITS})"
        f = plan.filters
        where, params = ["1"], []
        for name, values in f.facets():
            marks = ",".join("?" * len(values))
            ids = [
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM facet_values WHERE facet = ? AND value IN ({marks})", (name, *values)
                )
            ]
            if not ids:
                return None, []
            where.append(f"{item} IN (SELECT item FROM item_facets WHERE fv IN ({','.join('?' * len(ids))}))")
            params += ids
        if f.upcoming:
            where.append(f"{item} IN (SELECT id FROM items WHERE kind = 'fair' AND end_date >= ?)")
            params.append(f.reference_day().isoformat())
        return " AND ".join(where), params

    def _hits(self, conn, rows, lang: str, plan: Plan) -> list[Hit]:
        """The page's hits from (item, tier, score, best doc) rows: every translation of those
        items in one query, each item shown per `common.shown_locale`."""
        if not rows:
            return []
        items = [r[0] for r in rows]
        found: dict[int, list] = {}
        for r in conn.execute(
            "SELECT d.item, d.locale, d.title, d.url, d.summary, d.body, d.image_url, d.facts,"
            f" d.id, i.ref, i.kind FROM docs d JOIN items i ON i.id = d.item"
            f" WHERE d.item IN ({','.join('?' * len(items))})",
            items,
        ):
            found.setdefault(r[0], []).append(r[1:])
        hits = []
        for item, tier, score, best_doc in rows:
            translations = found[item]
            by_locale = {r[0]: r for r in translations}
            best = next((r for r in translations if r[7] == best_doc), translations[0])
            locale, title, url, summary, body, image_url, facts, _, ref, kind = by_locale[
                common.shown_locale(by_locale, lang, best[0])
            ]
            match = plan.tiers[tier].name
            tags = ""
            if plan.tiers[tier].when == "thin":  # the words a partial match lacks: tags count
                row = conn.execute("SELECT tags FROM fts WHERE rowid = ?", (best[7],)).fetchone()
                tags = row[0] if row else ""
            hits.append(
                Hit(
                    ref=ref,
                    kind=kind,
                    locale=locale,
                    title=title,
                    url=url,
                    snippet=make_snippet((summary, body), plan),
                    score=round(-score, 4),
                    image_url=image_url,
                    facts=json.loads(facts),
                    match=match,
                    matched_text="\n".join(best[1:2] + best[3:5]),
                    matched_tags=tags,
                )
            )
        return hits

    def autocomplete(self, prefix: str, lang: str, limit: int = 8) -> list[Suggestion]:
        tokens = analyze(prefix[:200], stemming=False)
        if not tokens or limit < 1:
            return []
        expr = _quote(" ".join(tokens)) + " *"
        try:
            conn = self._connect()
            # Rank only the first candidates: a one-letter prefix matches thousands of titles and
            # the box must answer within a keystroke; longer prefixes have few candidates anyway.
            rows = conn.execute(
                "WITH a AS MATERIALIZED (SELECT rowid AS rid, rank AS r FROM ac WHERE ac MATCH ?"
                " LIMIT ?) SELECT d.item, MIN(a.r) AS r FROM a JOIN docs d ON d.id = a.rid"
                " GROUP BY d.item ORDER BY r, min(d.title_len), min(d.item) LIMIT ?",
                (expr, AC_CANDIDATES, limit),
            ).fetchall()
            out = []
            for item, _ in rows:
                found = {
                    r[4]: r
                    for r in conn.execute(
                        "SELECT i.ref, i.kind, d.title, d.url, d.locale FROM docs d"
                        " JOIN items i ON i.id = d.item WHERE d.item = ?",
                        (item,),
                    )
                }
                ref, kind, title, url, locale = found[common.shown_locale(found, lang)]
                out.append(Suggestion(ref=ref, kind=kind, title=title, url=url, locale=locale))
        except sqlite3.Error as exc:
            raise EngineUnavailable(f"search index {self.path}: {exc}") from exc
        return out

    def health(self) -> Health:
        try:
            conn = self._connect()
            t0 = time.perf_counter()
            counts = dict(conn.execute("SELECT locale, count(*) FROM docs GROUP BY locale"))
            ms = (time.perf_counter() - t0) * 1000
        except (sqlite3.Error, EngineUnavailable, OSError) as exc:
            return Health(ok=False, detail=f"search index {self.path}: {exc}")
        return Health(ok=True, detail=f"SQLite FTS5 index {self.path} ({ms:.1f} ms)", documents=counts)

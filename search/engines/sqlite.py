"""The embedded engine: SQLite FTS5 in a file of its own, next to (not inside) the Django DB.

Layout: `fts` holds the analysed tokens (title, tags+synonyms, summary, body) with rowid = docs.id;
`docs` the original fields for display and snippets; `items` one row per ref; `item_facets`
(kind, commune, sector, category) per item as integer ids into `facet_values`, so facet counts
are one integer GROUP BY over the matching items; `ac` the unstemmed folded title words with a
prefix index for autocomplete.

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

import datetime as dt
import itertools
import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Iterable

from search import text
from search.documents import LOCALES, SOURCE_LOCALE, SearchDocument
from search.engines.base import (
    EngineUnavailable,
    Health,
    Hit,
    Progress,
    SearchResults,
    Suggestion,
)
from search.query import Match, Plan, edits1
from search.snippets import make_snippet

log = logging.getLogger(__name__)

# Field weights for bm25 (title, tags, summary, body): a word in the title says far more about
# what the item is than the same word deep in the body.
WEIGHTS = (10.0, 5.0, 3.0, 1.0)
FACET_NAMES = ("kind", "commune", "sector", "category")
_TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co'"  # split on spaces only
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
AC_CANDIDATES = 300
SCHEMA_VERSION = "2"  # bump when the layout changes: an older file is emptied for a rebuild
SLOT_BITS = 4  # up to 16 translations per item
# Title match bonus (see `SearchEngine` in base.py): the best translation's bm25 is multiplied
# by the largest factor whose condition its title meets.
TITLE_EXACT, TITLE_PREFIX, TITLE_PHRASE = 2.0, 1.5, 1.25
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
"""


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _match_expr(m: Match) -> str:
    if m.mode == "some" and m.minimum < len(m.tokens):
        combos = list(itertools.combinations(m.tokens, m.minimum))[:_MAX_COMBINATIONS]
        return "(" + " OR ".join("(" + " AND ".join(map(_quote, c)) + ")" for c in combos) + ")"
    if m.mode == "some":
        return "(" + " AND ".join(map(_quote, m.tokens)) + ")"
    # A phrase: FTS5 re-tokenises the quoted string with the table tokenizer (spaces only).
    return _quote(" ".join(m.tokens))


def fts_expression(plan: Plan) -> str:
    """The MATCH string, built only from analysed tokens, each one double-quoted."""
    required = " AND ".join(
        "(" + " OR ".join(_match_expr(o) for o in c.options) + ")" for c in plan.clauses
    )
    if plan.excluded:
        required += " NOT (" + " OR ".join(_match_expr(m) for m in plan.excluded) + ")"
    return required


class SqliteEngine:
    name = "sqlite"

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._vocab: tuple[tuple, dict[str, int]] | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._write_lock:
            conn = self._connect()
            self._init_schema(conn)

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
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA temp_store=MEMORY")  # the per-search match table
            conn.execute("PRAGMA cache_size=-32000")
            # Reads through the page cache of the OS instead of copying every page in.
            conn.execute("PRAGMA mmap_size=268435456")
        except sqlite3.Error as exc:
            raise EngineUnavailable(f"cannot open search index {self.path}: {exc}") from exc
        self._local.conn = conn
        self._local.ino = os.stat(self.path).st_ino
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
            log.warning("search index %s has layout %s, expected %s: emptied, rebuild it",
                        conn.execute("PRAGMA database_list").fetchone()[2], version, SCHEMA_VERSION)
            for name in ("vocab", "fts", "ac", "item_facets", "facet_values", "docs", "items",
                         "meta"):
                conn.execute(f"DROP TABLE IF EXISTS {name}")
        conn.executescript(SCHEMA)
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('generation', ?)", (uuid.uuid4().hex,))
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    @staticmethod
    def _bump(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (uuid.uuid4().hex,))

    # -- writing -----------------------------------------------------------------------------

    def index(self, docs: Iterable[SearchDocument]) -> int:
        with self._write_lock:
            conn = self._connect()
            conn.execute("BEGIN IMMEDIATE")
            try:
                n = self._write(conn, docs)
                self._bump(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return n

    def _write(self, conn: sqlite3.Connection, docs: Iterable[SearchDocument],
               progress: Progress | None = None, total: int | None = None,
               fresh: bool = False) -> int:
        n = 0
        touched: set[int] = set()
        for doc in docs:
            item = self._item_id(conn, doc)
            if not fresh:
                self._delete_doc(conn, item, doc.locale)
            facets = {k: list(v) for k, v in doc.facets.items() if v}
            end = doc.end.isoformat() if doc.end else None
            rowid = self._doc_id(conn, item, doc.locale)
            title_tokens = text.analyze(doc.title)
            conn.execute(
                "INSERT INTO docs(id, item, locale, kind, title, url, summary, body, image_url,"
                " facts, facets, end_date, title_len) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (rowid, item, doc.locale, doc.kind, doc.title, doc.url, doc.summary, doc.text,
                 doc.image_url, json.dumps(doc.facts, ensure_ascii=False),
                 json.dumps(facets, ensure_ascii=False), end, len(title_tokens)))
            tags = " ".join(text.analyze(" \n ".join(doc.tags + doc.synonyms)))
            conn.execute("INSERT INTO fts(rowid, title, tags, summary, body) VALUES (?,?,?,?,?)",
                         (rowid, " ".join(title_tokens), tags,
                          " ".join(text.analyze(doc.summary)), " ".join(text.analyze(doc.text))))
            conn.execute("INSERT INTO ac(rowid, words) VALUES (?,?)",
                         (rowid, " ".join(text.analyze(doc.title, stemming=False))))
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
        used = {r[0] - base for r in conn.execute(
            "SELECT id FROM docs WHERE id BETWEEN ? AND ?", (base, base + (1 << SLOT_BITS) - 1))}
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
        conn.execute("DELETE FROM fts WHERE rowid = ?", row)
        conn.execute("DELETE FROM ac WHERE rowid = ?", row)
        conn.execute("DELETE FROM docs WHERE id = ?", row)
        return True

    @staticmethod
    def _refresh_items(conn: sqlite3.Connection, items: set[int]) -> None:
        """Item-level kind, end date and facets: the union over the item's live translations
        (they normally agree; the source translation wins for kind and end date)."""
        for item in items:
            rows = conn.execute(
                "SELECT kind, end_date, facets FROM docs WHERE item = ? ORDER BY locale != ?",
                (item, SOURCE_LOCALE)).fetchall()
            conn.execute("DELETE FROM item_facets WHERE item = ?", (item,))
            if not rows:
                conn.execute("DELETE FROM items WHERE id = ?", (item,))
                continue
            conn.execute("UPDATE items SET kind = ?, end_date = ? WHERE id = ?",
                         (rows[0][0], rows[0][1], item))
            values = {("kind", rows[0][0])}
            for _, _, facets in rows:
                for name, slugs in json.loads(facets).items():
                    values.update((name, s) for s in slugs)
            conn.executemany("INSERT OR IGNORE INTO facet_values(facet, value) VALUES (?, ?)",
                             sorted(values))
            conn.executemany(
                "INSERT INTO item_facets SELECT ?, id FROM facet_values WHERE facet = ? AND value = ?",
                [(item, f, v) for f, v in values])

    def delete(self, keys: Iterable[str]) -> int:
        with self._write_lock:
            conn = self._connect()
            conn.execute("BEGIN IMMEDIATE")
            try:
                n, touched = 0, set()
                for key in keys:
                    ref, _, locale = key.rpartition(":")
                    row = conn.execute("SELECT id FROM items WHERE ref = ?", (ref,)).fetchone()
                    if row and self._delete_doc(conn, row[0], locale):
                        n += 1
                        touched.add(row[0])
                self._refresh_items(conn, touched)
                self._bump(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return n

    def rebuild(self, docs: Iterable[SearchDocument], total: int | None = None,
                progress: Progress | None = None) -> int:
        """Build a new file beside the live one and swap it in atomically; searches keep
        answering from the old file until the swap, and from the new one right after."""
        tmp = self.path.with_name(f"{self.path.name}.building-{uuid.uuid4().hex[:8]}")
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=OFF")  # a crash leaves only a temp file to delete
            conn.execute("PRAGMA synchronous=OFF")
            self._init_schema(conn)
            conn.execute("BEGIN")
            n = self._write(conn, docs, progress, total, fresh=True)
            conn.execute("COMMIT")
            conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
            conn.execute("INSERT INTO ac(ac) VALUES ('optimize')")
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.close()
            with self._write_lock:
                os.replace(tmp, self.path)
            return n
        except BaseException:
            conn.close()
            tmp.unlink(missing_ok=True)
            raise

    # -- vocabulary (typo tolerance) ---------------------------------------------------------

    def _vocabulary(self, conn: sqlite3.Connection) -> dict[str, int]:
        gen = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        key = (self._local.ino, gen[0] if gen else "")
        cached = self._vocab
        if cached is None or cached[0] != key:
            vocab = dict(conn.execute("SELECT term, doc FROM vocab"))
            cached = self._vocab = (key, vocab)
        return cached[1]

    def known_terms(self, tokens: Iterable[str]) -> set[str]:
        vocab = self._vocabulary(self._connect())
        return {t for t in tokens if t in vocab}

    def similar_terms(self, token: str, limit: int = 3) -> list[str]:
        vocab = self._vocabulary(self._connect())
        found = [(vocab[c], c) for c in edits1(token, _ALPHABET) if c in vocab]
        found.sort(key=lambda x: (-x[0], x[1]))
        return [c for _, c in found[:limit]]

    # -- searching ---------------------------------------------------------------------------

    def search(self, query: Plan, lang: str, page: int = 1, page_size: int = 10) -> SearchResults:
        conn = self._connect()
        bm25 = "bm25(fts, " + ", ".join(map(str, WEIGHTS)) + ")"
        item = f"(fts.rowid >> {SLOT_BITS})"
        try:
            where, params = self._filter_sql(conn, query, item)
            if where is None:  # a filter value nothing carries: no item can pass
                return SearchResults(total=0, hits=[], facets={n: {} for n in FACET_NAMES},
                                     engine=self.name)
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS m(item INTEGER PRIMARY KEY, score REAL,"
                         " doc INTEGER)")
            conn.execute("DELETE FROM temp.m")
            # bm25 is negative (lower is better); the best translation decides the item's rank.
            # One pass over the FTS hits, folding translations into their item as they come
            # (an upsert on the item key): cheaper than materialising and sorting for GROUP BY.
            factor, factor_params = self._title_factor(query)
            conn.execute(
                f"INSERT INTO temp.m SELECT {item}, {bm25} * {factor}, fts.rowid"
                f" FROM fts WHERE fts MATCH ? AND {where}"
                " ON CONFLICT(item) DO UPDATE SET score = min(score, excluded.score),"
                " doc = CASE WHEN excluded.score < score THEN excluded.doc ELSE doc END",
                [*factor_params, fts_expression(query), *params])
            # Not changes(): an upsert that folds a second translation counts as a change too.
            total = conn.execute("SELECT count(*) FROM temp.m").fetchone()[0]
            rows = conn.execute(
                "SELECT m.item, m.score, m.doc FROM temp.m m CROSS JOIN items i ON i.id = m.item"
                " ORDER BY m.score, i.ref LIMIT ? OFFSET ?",
                (page_size, (page - 1) * page_size)).fetchall()
            facets = self._facets(conn)
            hits = [self._hit(conn, item, score, doc, lang, query) for item, score, doc in rows]
        except sqlite3.Error as exc:
            raise EngineUnavailable(f"search index {self.path}: {exc}") from exc
        return SearchResults(total=total, hits=hits, facets=facets, engine=self.name)

    @staticmethod
    def _title_factor(plan: Plan) -> tuple[str, list]:
        """SQL for the title match factor of the current FTS row (see `SearchEngine`)."""
        if not plan.phrase:
            return "1.0", []
        phrase = _quote(" ".join(plan.phrase))
        # Each IN (subquery) runs once per search; only the few titles that start with the
        # phrase look up their length.
        return (f"(CASE WHEN fts.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?) THEN"
                f" (CASE WHEN (SELECT title_len FROM docs WHERE id = fts.rowid) = {len(plan.phrase)}"
                f" THEN {TITLE_EXACT} ELSE {TITLE_PREFIX} END)"
                f" WHEN fts.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?) THEN {TITLE_PHRASE}"
                f" ELSE 1.0 END)", [f"title : ^{phrase}", f"title : {phrase}"])

    @staticmethod
    def _facets(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
        facets: dict[str, dict[str, int]] = {name: {} for name in FACET_NAMES}
        for facet, value, count in conn.execute(
                # CROSS JOIN keeps the match set as the outer loop: the planner has no statistics
                # for the temp table and would otherwise scan every item's facets.
                "SELECT v.facet, v.value, c.n FROM (SELECT f.fv, count(*) AS n FROM temp.m m"
                " CROSS JOIN item_facets f ON f.item = m.item GROUP BY f.fv) c"
                " JOIN facet_values v ON v.id = c.fv ORDER BY c.n DESC, v.value"):
            facets.setdefault(facet, {})[value] = count
        return facets

    @staticmethod
    def _filter_sql(conn: sqlite3.Connection, plan: Plan, item: str) -> tuple[str | None, list]:
        """The WHERE clause over `item` (an SQL expression) for the plan's filters; None when a
        facet filter names only values no item carries."""
        f = plan.filters
        where, params = ["1"], []
        for name, values in (("kind", f.kinds), ("commune", f.communes), ("sector", f.sectors),
                             ("category", f.categories)):
            if values:
                marks = ",".join("?" * len(values))
                ids = [r[0] for r in conn.execute(
                    f"SELECT id FROM facet_values WHERE facet = ? AND value IN ({marks})",
                    (name, *values))]
                if not ids:
                    return None, []
                where.append(f"{item} IN (SELECT item FROM item_facets WHERE fv IN"
                             f" ({','.join('?' * len(ids))}))")
                params += ids
        if f.upcoming:
            where.append(f"{item} IN (SELECT id FROM items WHERE kind = 'fair' AND end_date >= ?)")
            params.append((f.today or dt.date.today()).isoformat())
        return " AND ".join(where), params

    def _hit(self, conn, item: int, score: float, best_doc: int, lang: str, plan: Plan) -> Hit:
        # Shown in the visitor's language when that translation exists, else vi, else the one
        # that matched best.
        row = conn.execute(
            "SELECT d.locale, d.title, d.url, d.summary, d.body, d.image_url, d.facts, i.ref,"
            " i.kind FROM docs d JOIN items i ON i.id = d.item WHERE d.item = ?"
            " ORDER BY d.locale = ? DESC, d.locale = ? DESC, d.id = ? DESC LIMIT 1",
            (item, lang, SOURCE_LOCALE, best_doc)).fetchone()
        locale, title, url, summary, body, image_url, facts, ref, kind = row
        snippet = make_snippet((summary, body), plan.highlight_tokens)
        return Hit(ref=ref, kind=kind, locale=locale, title=title, url=url, snippet=snippet,
                   score=round(-score, 4), image_url=image_url, facts=json.loads(facts))

    def autocomplete(self, prefix: str, lang: str, limit: int = 8) -> list[Suggestion]:
        tokens = text.analyze(prefix[:200], stemming=False)
        if not tokens:
            return []
        expr = _quote(" ".join(tokens)) + " *"
        conn = self._connect()
        try:
            # Rank only the first candidates: a one-letter prefix matches thousands of titles and
            # the box must answer within a keystroke; longer prefixes have few candidates anyway.
            rows = conn.execute(
                "WITH a AS MATERIALIZED (SELECT rowid AS rid, rank AS r FROM ac WHERE ac MATCH ?"
                " LIMIT ?) SELECT d.item, MIN(a.r) AS r FROM a JOIN docs d ON d.id = a.rid"
                " GROUP BY d.item ORDER BY r, min(length(d.title)) LIMIT ?",
                (expr, AC_CANDIDATES, limit)).fetchall()
            out = []
            for item, _ in rows:
                ref, kind, title, url, locale = conn.execute(
                    "SELECT i.ref, i.kind, d.title, d.url, d.locale FROM docs d"
                    " JOIN items i ON i.id = d.item"
                    " WHERE d.item = ? ORDER BY d.locale = ? DESC, d.locale = ? DESC LIMIT 1",
                    (item, lang, SOURCE_LOCALE)).fetchone()
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
        return Health(ok=True, detail=f"SQLite FTS5 index {self.path} ({ms:.1f} ms)",
                      documents=counts)

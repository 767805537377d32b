"""The embedded engine: SQLite FTS5 in a file of its own, next to (not inside) the Django DB.

Layout: `fts` holds the analysed tokens (title, tags+synonyms, summary, body) with rowid = docs.id;
`docs` the original fields for display and snippets; `items` one row per ref; `item_facets`
(kind, commune, sector, category) per item so facet counts are SQL over all matching items;
`ac` the unstemmed folded title words with a prefix index for autocomplete.

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
import os
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Iterable

from search import text
from search.documents import SOURCE_LOCALE, SearchDocument
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

# Field weights for bm25 (title, tags, summary, body): a word in the title says far more about
# what the item is than the same word deep in the body.
WEIGHTS = (10.0, 5.0, 3.0, 1.0)
FACET_NAMES = ("kind", "commune", "sector", "category")
_TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co'"  # split on spaces only
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
AC_CANDIDATES = 300
_MAX_COMBINATIONS = 70  # C(8, 6) = 28 for the largest CJK chunk the planner emits

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items(
    id INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, end_date TEXT);
CREATE TABLE IF NOT EXISTS docs(
    id INTEGER PRIMARY KEY, item INTEGER NOT NULL REFERENCES items(id), locale TEXT NOT NULL,
    kind TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL, summary TEXT NOT NULL,
    body TEXT NOT NULL, image_url TEXT NOT NULL, facts TEXT NOT NULL, facets TEXT NOT NULL,
    end_date TEXT, UNIQUE(item, locale));
CREATE TABLE IF NOT EXISTS item_facets(
    facet TEXT NOT NULL, value TEXT NOT NULL, item INTEGER NOT NULL,
    PRIMARY KEY(facet, value, item)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS item_facets_item ON item_facets(item);
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
            conn.execute("PRAGMA temp_store=MEMORY")
            conn.execute("PRAGMA cache_size=-32000")
        except sqlite3.Error as exc:
            raise EngineUnavailable(f"cannot open search index {self.path}: {exc}") from exc
        self._local.conn = conn
        self._local.ino = os.stat(self.path).st_ino
        return conn

    @staticmethod
    def _init_schema(conn: sqlite3.Connection) -> None:
        conn.executescript(SCHEMA)
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('generation', ?)", (uuid.uuid4().hex,))

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
            cur = conn.execute(
                "INSERT INTO docs(item, locale, kind, title, url, summary, body, image_url, facts,"
                " facets, end_date) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (item, doc.locale, doc.kind, doc.title, doc.url, doc.summary, doc.text,
                 doc.image_url, json.dumps(doc.facts, ensure_ascii=False),
                 json.dumps(facets, ensure_ascii=False), end))
            rowid = cur.lastrowid
            tags = " ".join(text.analyze(" \n ".join(doc.tags + doc.synonyms)))
            conn.execute("INSERT INTO fts(rowid, title, tags, summary, body) VALUES (?,?,?,?,?)",
                         (rowid, " ".join(text.analyze(doc.title)), tags,
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
            conn.executemany("INSERT INTO item_facets VALUES (?, ?, ?)",
                             [(f, v, item) for f, v in values])

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
        where, params = self._filter_sql(query)
        bm25 = "bm25(fts, " + ", ".join(map(str, WEIGHTS)) + ")"
        try:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS m(item INTEGER PRIMARY KEY, score REAL,"
                         " doc INTEGER)")
            conn.execute("DELETE FROM temp.m")
            # bm25 is negative (lower is better); the best translation decides the item's rank.
            # MATERIALIZED: bm25() only works in the FTS query itself, never after flattening.
            conn.execute(
                f"WITH f AS MATERIALIZED (SELECT rowid AS rid, {bm25} AS score FROM fts"
                f" WHERE fts MATCH ?)"
                f" INSERT INTO temp.m SELECT d.item, MIN(f.score), d.id FROM f"
                f" JOIN docs d ON d.id = f.rid JOIN items i ON i.id = d.item"
                f" WHERE {where} GROUP BY d.item",
                [fts_expression(query), *params])
            total = conn.execute("SELECT count(*) FROM temp.m").fetchone()[0]
            rows = conn.execute(
                "SELECT m.item, m.score, m.doc FROM temp.m m JOIN items i ON i.id = m.item"
                " ORDER BY m.score, i.ref LIMIT ? OFFSET ?",
                (page_size, (page - 1) * page_size)).fetchall()
            facets: dict[str, dict[str, int]] = {name: {} for name in FACET_NAMES}
            for facet, value, count in conn.execute(
                    "SELECT f.facet, f.value, count(*) FROM temp.m m JOIN item_facets f"
                    " ON f.item = m.item GROUP BY f.facet, f.value ORDER BY count(*) DESC, f.value"):
                facets.setdefault(facet, {})[value] = count
            hits = [self._hit(conn, item, score, doc, lang, query) for item, score, doc in rows]
        except sqlite3.Error as exc:
            raise EngineUnavailable(f"search index {self.path}: {exc}") from exc
        return SearchResults(total=total, hits=hits, facets=facets, engine=self.name)

    @staticmethod
    def _filter_sql(plan: Plan) -> tuple[str, list]:
        f = plan.filters
        where, params = ["1"], []
        for name, values in (("kind", f.kinds), ("commune", f.communes), ("sector", f.sectors),
                             ("category", f.categories)):
            if values:
                marks = ",".join("?" * len(values))
                where.append(f"d.item IN (SELECT item FROM item_facets WHERE facet = ?"
                             f" AND value IN ({marks}))")
                params += [name, *values]
        if f.upcoming:
            where.append("i.kind = 'fair' AND i.end_date >= ?")
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
                ref, kind, title, url = conn.execute(
                    "SELECT i.ref, i.kind, d.title, d.url FROM docs d JOIN items i ON i.id = d.item"
                    " WHERE d.item = ? ORDER BY d.locale = ? DESC, d.locale = ? DESC LIMIT 1",
                    (item, lang, SOURCE_LOCALE)).fetchone()
                out.append(Suggestion(ref=ref, kind=kind, title=title, url=url))
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

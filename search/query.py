"""What a visitor typed → a `Query` → an engine-neutral `Plan`.

`parse` never raises anything but `QueryError` (a property test feeds it arbitrary Unicode).
`expand` turns a `Query` into a `Plan` that every engine executes with the same semantics:

* every `Clause` must match (AND); a clause matches when any of its `Match` options does (OR);
* a `Match` in mode "phrase" needs its tokens adjacent and in order (one token: just that token);
  mode "some" needs at least `minimum` of its tokens anywhere in the same document (used for CJK
  runs, where the bigram spanning two words a visitor ran together is absent from the text);
* no `excluded` match may occur.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Protocol, Sequence

from search import text
from search.engines.base import Filters

MAX_QUERY_CHARS = 200
# A CJK run longer than this is split into chunks so a "some of" clause stays cheap to execute
# (SQLite expands it into combinations) and one missing bigram cannot sink a long sentence.
MAX_CJK_CHUNK = 8
CJK_MIN_SHARE = 0.75  # of the bigrams in a chunk that must occur (cf. ES minimum_should_match)
SYNONYM_WEIGHT = 0.8
TYPO_WEIGHT = 0.5
MAX_TYPO_CANDIDATES = 3

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»「」『』＂"})
_QUOTES.update({ord(c): "-" for c in "−–—"})  # a dash typed by a phone keyboard still excludes
_PARTS = re.compile(r'(-?)"([^"]*)"?|(\S+)')


class QueryError(ValueError):
    """The visitor's text cannot be searched; `str(err)` says why, in plain words."""


@dataclass(frozen=True)
class Query:
    text: str  # the trimmed, normalised input
    terms: tuple[str, ...] = ()  # free words, in order
    phrases: tuple[str, ...] = ()  # "quoted phrases", without the quotes
    excluded: tuple[str, ...] = ()  # -words and -"phrases"
    filters: Filters = field(default_factory=Filters)
    wanted: tuple[str, ...] = ()  # terms and phrases together, in the order they were typed


def _clean(raw: str) -> str:
    # Control and format characters (NUL, bidi overrides, zero-width joiners …) are never part of
    # a word; treating them as spaces keeps `gă\x00ng` from turning into a silent non-match.
    chars = [" " if unicodedata.category(c)[0] in "CZ" else c for c in raw]
    return unicodedata.normalize("NFC", "".join(chars)).translate(_QUOTES).strip()


def parse(raw: str, filters: Filters | None = None) -> Query:
    if not isinstance(raw, str):
        raise QueryError("The search text must be a string.")
    cleaned = _clean(raw)
    if not cleaned:
        raise QueryError("Type a word to search for.")
    if len(cleaned) > MAX_QUERY_CHARS:
        raise QueryError(f"The search text is too long: {len(cleaned)} characters, at most "
                         f"{MAX_QUERY_CHARS} are allowed.")
    terms: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    wanted: list[str] = []
    for m in _PARTS.finditer(cleaned):
        neg, quoted, word = m.group(1), m.group(2), m.group(3)
        if word is not None:
            if word.startswith("-") and len(word) > 1:
                neg, word = "-", word[1:]
            if text.analyze(word):
                (excluded if neg else terms).append(word)
                wanted.extend(() if neg else (word,))
        elif text.analyze(quoted):
            (excluded if neg else phrases).append(quoted.strip())
            wanted.extend(() if neg else (quoted.strip(),))
    if not terms and not phrases:
        if excluded:
            raise QueryError("Add a word to search for; excluding words alone finds nothing.")
        raise QueryError("The search text has no letters or digits to search for.")
    return Query(cleaned, tuple(terms), tuple(phrases), tuple(excluded), filters or Filters(),
                 tuple(wanted))


# ---------------------------------------------------------------------------------------------
# Plan


@dataclass(frozen=True)
class Match:
    tokens: tuple[str, ...]
    mode: str = "phrase"  # "phrase" | "some"
    minimum: int = 1  # for "some": how many tokens must occur
    weight: float = 1.0  # relative importance (original 1.0 > synonym > typo)
    origin: str = "query"  # "query" | "synonym" | "typo"


@dataclass(frozen=True)
class Clause:
    label: str  # what the visitor typed for this clause
    options: tuple[Match, ...]


@dataclass(frozen=True)
class Plan:
    clauses: tuple[Clause, ...]
    excluded: tuple[Match, ...] = ()
    filters: Filters = field(default_factory=Filters)
    # The analysed tokens of what was typed (terms and phrases, in order, without synonyms or
    # typo corrections): the phrase the title match bonus looks for (see SearchEngine).
    phrase: tuple[str, ...] = ()

    @property
    def highlight_tokens(self) -> frozenset[str]:
        """Every token whose occurrence in a result should be marked."""
        return frozenset(t for c in self.clauses for o in c.options for t in o.tokens)


class Vocabulary(Protocol):
    """What `expand` needs from an engine (see `SearchEngine` in search/engines/base.py)."""

    def known_terms(self, tokens: Iterable[str]) -> set[str]: ...

    def similar_terms(self, token: str, limit: int = MAX_TYPO_CANDIDATES) -> list[str]: ...


Synonyms = Iterable[Sequence[str]] | Callable[[], Iterable[Sequence[str]]] | None


@lru_cache(maxsize=16)
def _compile_synonyms(groups: tuple[tuple[str, ...], ...]) -> dict[tuple[str, ...], tuple]:
    """analysed phrase → the analysed phrases of every group it belongs to (itself excluded)."""
    table: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for group in groups:
        analysed = {tuple(text.analyze(p)) for p in group}
        analysed.discard(())
        for phrase in analysed:
            table.setdefault(phrase, set()).update(analysed - {phrase})
    return {k: tuple(sorted(v)) for k, v in table.items() if v}


def _normalise_groups(synonyms: Synonyms) -> tuple[tuple[str, ...], ...]:
    if callable(synonyms):
        synonyms = synonyms()
    if not synonyms:
        return ()
    return tuple(tuple(str(p) for p in g) for g in synonyms)


def _cjk_some(tokens: tuple[str, ...]) -> list[Match]:
    chunks = [tokens[i : i + MAX_CJK_CHUNK] for i in range(0, len(tokens), MAX_CJK_CHUNK)]
    return [Match(c, "some", max(1, math.ceil(CJK_MIN_SHARE * len(c)))) for c in chunks]


def _typo_allowed(token: str, others_known: bool) -> bool:
    # One edit on a short word reaches too many real words (`hot` → ho, hoa, hon, hop …), so:
    # folded length ≥ 4 always (`nhiêm`→nhiên, `phéo`→phép), length 3 only when every other
    # word of the query is a known word that anchors the meaning (`măng cục An Lập` → cụt).
    # Digits are never corrected: `2026` is not a typo of `2025`.
    if not token.isalpha() or text.is_cjk(token):
        return False
    return len(token) >= 4 or (len(token) == 3 and others_known)


def expand(query: Query, vocabulary: Vocabulary | None = None, synonyms: Synonyms = None) -> Plan:
    """Build the plan: synonyms first (longest phrase wins), then typo tolerance."""
    table = _compile_synonyms(_normalise_groups(synonyms))
    # Units: one per Latin word token or CJK run of the free words, in order.
    units: list[tuple[str, tuple[str, ...], bool]] = []  # (label, tokens, cjk)
    for term in query.terms:
        latin: list[str] = []
        for seg in text.segments(term):
            if seg.cjk:
                units.append((term, seg.tokens, True))
            else:
                latin.extend(seg.tokens)
        if len(latin) == 1:
            units.append((term, tuple(latin), False))
        elif latin:  # `e-commerce`, `Long-Hòa`: the parts belong together
            units.append((term, tuple(latin), False))
    clauses: list[Clause] = []
    i = 0
    while i < len(units):
        matched = 0
        for n in range(min(4, len(units) - i), 0, -1):
            span = units[i : i + n]
            if n > 1 and any(u[2] for u in span):
                continue
            key = tuple(t for u in span for t in u[1])
            if key in table:
                label = " ".join(u[0] for u in span)
                first = _cjk_some(key) if span[0][2] else [Match(key)]
                opts = first + [Match(s, weight=SYNONYM_WEIGHT, origin="synonym") for s in table[key]]
                if span[0][2] and len(first) > 1:  # long CJK run: keep the chunks as separate ANDs
                    clauses.extend(Clause(label, (m,)) for m in first)
                else:
                    clauses.append(Clause(label, tuple(opts)))
                matched = n
                break
        if not matched:
            label, tokens, cjk = units[i]
            if cjk:
                clauses.extend(Clause(label, (m,)) for m in _cjk_some(tokens))
            else:
                clauses.append(Clause(label, (Match(tokens),)))
            matched = 1
        i += matched
    for phrase in query.phrases:
        tokens = tuple(text.analyze(phrase))
        if tokens:
            clauses.append(Clause(phrase, (Match(tokens),)))
    excluded = tuple(Match(tuple(text.analyze(w))) for w in query.excluded if text.analyze(w))
    if vocabulary is not None:
        clauses = _add_typos(clauses, vocabulary)
    phrase = tuple(t for w in query.wanted for t in text.analyze(w))
    return Plan(tuple(clauses), excluded, query.filters, phrase)


def _add_typos(clauses: list[Clause], vocabulary: Vocabulary) -> list[Clause]:
    singles = {c.options[0].tokens[0] for c in clauses
               if len(c.options) == 1 and len(c.options[0].tokens) == 1}
    all_tokens = {t for c in clauses for o in c.options for t in o.tokens}
    known = vocabulary.known_terms(all_tokens) if all_tokens else set()
    out = []
    for c in clauses:
        tok = c.options[0].tokens[0] if len(c.options) == 1 and len(c.options[0].tokens) == 1 else None
        if tok is None or tok in known or c.options[0].mode != "phrase":
            out.append(c)
            continue
        others_known = all(t in known for t in singles - {tok}) and len(singles) > 1
        if not _typo_allowed(tok, others_known):
            out.append(c)
            continue
        cands = vocabulary.similar_terms(tok, MAX_TYPO_CANDIDATES)
        extra = tuple(Match((s,), weight=TYPO_WEIGHT, origin="typo") for s in cands if s != tok)
        out.append(Clause(c.label, c.options + extra))
    return out


def plan_tokens(plan: Plan) -> list[str]:
    """All tokens a plan can look up, for engines that pre-fetch statistics."""
    return sorted({t for c in plan.clauses for o in c.options for t in o.tokens})


def edits1(token: str, alphabet: str) -> set[str]:
    """Every string one Damerau–Levenshtein edit (delete, transpose, replace, insert) away."""
    splits = [(token[:i], token[i:]) for i in range(len(token) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in alphabet}
    out |= {a + c + b for a, b in splits for c in alphabet}
    out.discard(token)
    return out

"""What a visitor typed → a `Query` → an engine-neutral `Plan`.

`parse` never raises anything but `QueryError` (a property test feeds it arbitrary Unicode).
`expand` turns a `Query` into a `Plan`, asking the engine's `Vocabulary` (search/vocabulary.py)
what the index knows. Every engine executes a plan with the same semantics:

* A `Clause` is one thing the visitor asked for (a word, a quoted phrase, a CJK word, a span a
  synonym group or a compound covers). It matches a document when one of its `Match` options
  does. `options` are the exact readings (as typed, synonyms, the compound split or joined),
  `variants` the spelling corrections the vocabulary offers for a word the index does not know
  as typed; `in_context` the same corrections as they must appear in a document of the
  "variants" tier — next to the word typed beside them (`găng tai` → the phrase `găng tay`),
  since a correction that fits no context is more often noise than what was meant.
* A `Match` in mode "phrase" needs its tokens adjacent and in order in one field (one token:
  just that token); mode "some" needs at least `minimum` of its tokens anywhere in the document
  (a CJK word typed without the page's spaces); mode "prefix": the tokens as a phrase whose last
  token is a prefix.
* `Plan.tiers`, strictest first, say which documents match and in what order (see `Tier`): a
  document belongs to the first tier it satisfies; items are ranked by tier, then by relevance
  within the tier, so a looser tier never outranks a stricter one.
* No `excluded` match may occur in a document, in any tier.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from search import text
from search.vocabulary import MAX_VARIANTS, Vocabulary

MAX_QUERY_CHARS = 200
# A CJK run longer than this is split into chunks so a "some of" clause stays cheap to execute
# (SQLite expands it into combinations) and one missing bigram cannot sink a long sentence.
MAX_CJK_CHUNK = 8
CJK_MIN_SHARE = 0.75  # of the bigrams in a chunk that must occur (cf. ES minimum_should_match)
SYNONYM_WEIGHT = 0.8
VARIANT_WEIGHT = 0.8
# "Most words": how many clauses a document may miss, by the number of clauses (at least 3).
RELAXED_MISSING = lambda n: max(1, n // 4)  # noqa: E731 - a rule, read like a table
# Items that miss a word are shown only beside a few (fewer than this) items that have them all:
# they fill a thin answer, and never invent one for a query nothing answers.
RELAX_BELOW = 10
MAX_RANKED_CORRECTIONS = 6  # corrections the ranking bonus looks for (each costs a phrase check)
KNOWN_WORD_VARIANTS = 2  # confusion pairs tried (beside a neighbour) for a word the index knows

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»「」『』＂"})
_QUOTES.update({ord(c): "-" for c in "−–—"})  # a dash typed by a phone keyboard still excludes
_PARTS = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_PARTICLE = re.compile("[\u3041-\u309f\uac00-\ud7af]")  # Hiragana, Hangul syllables


class QueryError(ValueError):
    """The visitor's text cannot be searched; `str(err)` says why, in plain words."""


@dataclass(frozen=True)
class Filters:
    """Facet filters (stable codes), `upcoming` fairs; OR within a facet, AND across facets."""

    kinds: tuple[str, ...] = ()
    communes: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    upcoming: bool = False
    today: dt.date | None = None  # the reference day for `upcoming` (injected for tests)

    def facets(self) -> list[tuple[str, tuple[str, ...]]]:
        """(facet name, wanted values) for every facet filtered on, in `FACET_NAMES` order."""
        pairs = (
            ("kind", self.kinds),
            ("commune", self.communes),
            ("sector", self.sectors),
            ("category", self.categories),
        )
        return [(name, values) for name, values in pairs if values]

    def reference_day(self) -> dt.date:
        return self.today or dt.date.today()


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
        raise QueryError(
            f"The search text is too long: {len(cleaned)} characters, at most {MAX_QUERY_CHARS} are allowed."
        )
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
    return Query(cleaned, tuple(terms), tuple(phrases), tuple(excluded), filters or Filters(), tuple(wanted))


# ---------------------------------------------------------------------------------------------
# Plan


@dataclass(frozen=True)
class Match:
    tokens: tuple[str, ...]
    mode: str = "phrase"  # "phrase" | "some" | "prefix"
    minimum: int = 1  # for "some": how many tokens must occur
    weight: float = 1.0  # relative importance (as typed 1.0 > synonym, variant)
    origin: str = "query"  # "query" | "synonym" | "compound" | "variant"


@dataclass(frozen=True)
class Clause:
    label: str  # what the visitor typed for this clause
    options: tuple[Match, ...]  # exact readings; empty when the word is unknown as typed
    variants: tuple[Match, ...] = ()  # spelling corrections the vocabulary offers
    required: bool = False  # a quoted phrase: a "most words" tier never drops it
    in_context: tuple[Match, ...] = ()  # the corrections beside a neighbouring word
    # Whether a correction may match on its own (a word the index does not know as typed), or
    # only beside its neighbour (a known word that may still be a slip: `cao xu` → `cao su`).
    trusted: bool = True

    @property
    def every_option(self) -> tuple[Match, ...]:
        """The readings a document may match this clause by, in any tier but "variants"."""
        return self.options + (self.variants if self.trusted else ())

    @property
    def corrected(self) -> tuple[Match, ...]:
        """The corrections a "variants" tier matches: beside a neighbour where there is one."""
        return self.in_context or (self.variants if self.trusted else ())


@dataclass(frozen=True)
class Tier:
    """One level of strictness: a document satisfies it when at least `minimum` of `clauses`
    match it (each clause: any of its options) and every clause listed in `required` does.

    `when` says when the tier's items count, given the items the tiers before it counted
    (under the same filters): "always"; "few" — fewer than `Plan.relax_below` (spelling
    corrections are consulted when the words as typed find little or nothing); "thin" — at
    least one and fewer than `Plan.relax_below` (items missing a word fill a thin answer but
    never stand alone). Once a tier does not count, no later one does. `phrases` are the token
    sequences the ranking bonus looks for (the typed words, or the typed words with their
    variants)."""

    name: str  # "all" | "variants" | "most"
    clauses: tuple[tuple[Match, ...], ...]
    minimum: int
    required: frozenset[int] = frozenset()
    when: str = "always"  # "always" | "few" | "thin"
    phrases: tuple[tuple[str, ...], ...] = ()
    # A document of this tier contains at least one of these (the "variants" tier: some
    # correction, since one with the words as typed is already in the "all" tier).
    needs: tuple[Match, ...] = ()

    @property
    def is_all(self) -> bool:
        return self.minimum >= len(self.clauses)

    @property
    def conditional(self) -> bool:
        return self.when != "always"

    def counts(self, counted: int, relax_below: int) -> bool:
        """Whether this tier's items count, after the earlier tiers counted `counted` items."""
        if self.when == "few":
            return counted < relax_below
        if self.when == "thin":
            return 0 < counted < relax_below
        return True


@dataclass(frozen=True)
class Plan:
    clauses: tuple[Clause, ...]
    excluded: tuple[Match, ...] = ()
    filters: Filters = field(default_factory=Filters)
    # The analysed tokens of what was typed (terms and phrases, in order, without synonyms or
    # corrections): the phrase the title match bonus looks for (see SearchEngine).
    phrase: tuple[str, ...] = ()
    tiers: tuple[Tier, ...] = ()
    relax_below: int = RELAX_BELOW

    def __post_init__(self):
        if not self.tiers and self.clauses:
            object.__setattr__(self, "tiers", build_tiers(self.clauses, self.phrase))

    @property
    def highlight_tokens(self) -> frozenset[str]:
        """Every token whose occurrence in a result should be marked."""
        return frozenset(t for c in self.clauses for o in c.every_option + c.corrected for t in o.tokens)

    @property
    def highlight_sequences(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Per clause, in typed order, the token sequences it may appear as: a highlighter
        prefers a place where consecutive clauses meet over scattered single words."""
        return tuple(tuple(o.tokens for o in c.every_option) for c in self.clauses)


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


def _cjk_words(tokens: tuple[str, ...], vocabulary: Vocabulary | None) -> list[tuple[str, ...]]:
    """A CJK run typed without spaces, cut into the words the index knows.

    Where a bigram is in no document, the page has a space (or other words) between its two
    characters: the run is cut there, so `고무장갑공장투자` finds `고무장갑 제조 공장 투자`. A single
    character left between two cuts is a one-character word (`꽃` in `캐슈 꽃 꿀`) when the index
    has it alone; a Hangul or Hiragana one at either end of the run that the index does not have
    alone is a grammatical particle (`장갑을`, `湖で`) and is dropped. Any other character the
    index has neither in a bigram nor alone is a word the index lacks: it stays, and the run
    finds nothing, as an unknown Latin word would (`榴莲酒` is not `榴莲`). A run with no known
    bigram at all stays whole.
    """
    if vocabulary is None or len(tokens) < 2:
        return [tokens]
    known = [vocabulary.known(t) for t in tokens]
    if not any(known):
        return [tokens]
    chars = tokens[0][0] + "".join(t[1] for t in tokens)
    pieces: list[tuple[int, int]] = []  # [start, end) character spans joined by known bigrams
    start = 0
    for i, ok in enumerate(known):
        if not ok:
            pieces.append((start, i + 1))
            start = i + 1
    pieces.append((start, len(chars)))
    words: list[tuple[str, ...]] = []
    last = len(pieces) - 1
    for n, (a, b) in enumerate(pieces):
        if b - a > 1:
            words.append(tuple(chars[k : k + 2] for k in range(a, b - 1)))
        elif vocabulary.known(chars[a]) or (0 < n < last) or not _PARTICLE.match(chars[a]):
            words.append((chars[a],))
    return words or [tokens]


@dataclass
class _Unit:
    label: str
    tokens: tuple[str, ...]
    raw: tuple[str, ...] = ()  # unstemmed folded words (Latin)
    word: str = ""  # the word as typed (one Latin word)
    cjk: bool = False


def _cjk_label(tokens: tuple[str, ...]) -> str:
    return tokens[0] + "".join(t[-1] for t in tokens[1:])


def _units(query: Query, vocabulary: Vocabulary | None) -> list[_Unit]:
    """One unit per Latin word (a hyphenated word is one unit) or CJK word, in typed order."""
    units: list[_Unit] = []
    for term in query.terms:
        latin: list[tuple[str, str, str]] = []  # (token, raw, typed word)
        for seg in text.segments(term):
            if seg.cjk:
                for word in _cjk_words(seg.tokens, vocabulary):
                    units.append(_Unit(_cjk_label(word), word, cjk=True))
            else:
                typed = term[seg.start : seg.end]
                latin.append((seg.tokens[0], text.analyze(typed, stemming=False)[0], typed))
        if len(latin) == 1:
            tok, raw, typed = latin[0]
            units.append(_Unit(term, (tok,), (raw,), typed))
        elif latin:  # `e-commerce`, `Long-Hòa`: the parts belong together
            units.append(_Unit(term, tuple(t for t, _, _ in latin), tuple(r for _, r, _ in latin)))
    return units


def _corrections(
    unit: _Unit, vocabulary: Vocabulary, accented: bool, vietnamese: bool, context: bool
) -> tuple[bool, list[str], bool]:
    """(typed as the index knows it, corrections, corrections trusted alone) for a Latin word.

    A word typed with diacritics (or bare among words typed with them) that no document writes
    that way — `sán`, `găng tai`, `Minh Thạn` — is a misspelling even when its folded form is a
    known word: its folded form becomes one correction among the others. A word the index does
    not know at all also gets the known words one edit away. A known Vietnamese syllable among
    other words (`context`) may still be a slip (`cao xu`): its confusion pairs and dropped
    letters are tried, but only beside the neighbouring word."""
    (tok,), (raw,) = unit.tokens, unit.raw
    shaped = text.is_vietnamese_syllable(raw)
    as_typed = not (accented and shaped and not vocabulary.surface_known(unit.word))
    known = vocabulary.known(tok)
    if as_typed and known:
        if shaped and vietnamese and context:
            found = vocabulary.vietnamese_variants(raw, KNOWN_WORD_VARIANTS, confusions_only=True)
            return True, [v for v in found if v != tok], False
        return True, [], True
    found = [tok] if known else []
    if shaped and (vietnamese or not as_typed):
        found += [v for v in vocabulary.vietnamese_variants(raw) if v not in found]
    if not known:
        found += [s for s in vocabulary.similar(tok) if s not in found]
    keep = 1 + MAX_VARIANTS if known else MAX_VARIANTS  # the word itself, then corrections
    return as_typed, found[:keep], True


def expand(
    query: Query, vocabulary: Vocabulary | None = None, synonyms: Synonyms = None, prefix_last: bool = False
) -> Plan:
    """Build the plan: synonyms (longest phrase wins), compounds, spelling variants, tiers.

    `prefix_last`: the last typed word also matches words it begins (the search page retries so
    when whole words find nothing: `nui c` finds `Núi Cậu`)."""
    table = _compile_synonyms(_normalise_groups(synonyms))
    units = _units(query, vocabulary)
    # Vietnamese corrections for a bare word only when the whole query reads as Vietnamese:
    # `hot` in `Núi Cậu hot spring` is English, not a slip for `hót`.
    accented = text.has_vietnamese_marks(" ".join(query.terms))
    vietnamese = accented or all(text.is_vietnamese_syllable(r) for u in units for r in u.raw)
    clauses: list[Clause] = []
    i = 0
    while i < len(units):
        n = _synonym_span(units, i, table)
        if n:
            span = units[i : i + n]
            key = tuple(t for u in span for t in u.tokens)
            first = _cjk_some(key) if span[0].cjk else [Match(key)]
            synonyms_ = [Match(s, weight=SYNONYM_WEIGHT, origin="synonym") for s in table[key]]
            clauses.append(Clause(" ".join(u.label for u in span), tuple(first + synonyms_)))
            i += n
            continue
        unit = units[i]
        if unit.cjk:
            for m in _cjk_some(unit.tokens):
                clauses.append(Clause(_cjk_label(m.tokens), (m,)))
            i += 1
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        joined = (
            vocabulary.joined(unit.raw[0], nxt.raw[0])
            if vocabulary and nxt and len(unit.raw) == len(nxt.raw) == 1 and not nxt.cjk
            else None
        )
        if joined:  # `rubber wood` also finds `rubberwood`
            tokens = unit.tokens + nxt.tokens
            clauses.append(
                Clause(f"{unit.label} {nxt.label}", (Match(tokens), Match((joined,), origin="compound")))
            )
            i += 2
            continue
        options, variants, trusted = [Match(unit.tokens)], [], True
        if vocabulary is not None and len(unit.tokens) == 1:
            as_typed, found, trusted = _corrections(unit, vocabulary, accented, vietnamese, len(units) > 1)
            options = options if as_typed else []
            variants = [Match((v,), weight=VARIANT_WEIGHT, origin="variant") for v in found]
            split = vocabulary.split(unit.raw[0])
            if split and as_typed:  # `rubberwood` also finds `rubber wood`
                options.append(Match(split, origin="compound"))
        clauses.append(Clause(unit.label, tuple(options), tuple(variants), trusted=trusted))
        i += 1
    clauses = _in_context(clauses)
    for phrase in query.phrases:
        tokens = tuple(text.analyze(phrase))
        if tokens:
            clauses.append(Clause(phrase, (Match(tokens),), required=True))
    if prefix_last:
        clauses = _prefix_last(clauses, query, vocabulary)
    excluded = tuple(Match(tuple(text.analyze(w))) for w in query.excluded if text.analyze(w))
    phrase = tuple(t for w in query.wanted for t in text.analyze(w))
    return Plan(tuple(clauses), excluded, query.filters, phrase, build_tiers(tuple(clauses), phrase))


def _edge_tokens(clause: Clause, first: bool) -> list[str]:
    """The tokens a clause can start (`first`) or end with, for Latin phrase options."""
    out = []
    for m in clause.every_option:
        if m.mode == "phrase" and m.tokens:
            out.append(m.tokens[0] if first else m.tokens[-1])
    return list(dict.fromkeys(out))


def _in_context(clauses: list[Clause]) -> list[Clause]:
    """Each correction as a phrase with the word typed before or after it (free words, in
    typed order); a clause with no Latin neighbour keeps its corrections alone."""
    out = []
    for i, clause in enumerate(clauses):
        if not clause.variants:
            out.append(clause)
            continue
        before = _edge_tokens(clauses[i - 1], first=False) if i else []
        after = _edge_tokens(clauses[i + 1], first=True) if i + 1 < len(clauses) else []
        context = []
        for m in clause.variants:
            context += [Match((t,) + m.tokens, weight=m.weight, origin="variant") for t in before]
            context += [Match(m.tokens + (t,), weight=m.weight, origin="variant") for t in after]
        out.append(dataclasses.replace(clause, in_context=tuple(context)))
    return out


def _synonym_span(units: list[_Unit], i: int, table: dict) -> int:
    """How many units from `i` a synonym group covers (longest first; a CJK word alone)."""
    for n in range(min(4, len(units) - i), 0, -1):
        span = units[i : i + n]
        if n > 1 and any(u.cjk for u in span):
            continue
        if tuple(t for u in span for t in u.tokens) in table:
            return n
    return 0


def _prefix_last(clauses: list[Clause], query: Query, vocabulary: Vocabulary | None) -> list[Clause]:
    """The last free word's clause, matching words it begins: only when a free word was typed
    last, is Latin (a CJK word is already matched in parts) and is not a whole word the index
    knows (`nui c`, not `tinh bọt sắn`: `sắn` is a word, finding `sản…` for it would be noise)."""
    if not query.terms or query.wanted[-1:] != query.terms[-1:]:
        return clauses
    last = query.terms[-1]
    raw = tuple(text.analyze(last, stemming=False))
    if not raw or any(s.cjk for s in text.segments(last)):
        return clauses
    whole = len(raw[-1]) > 1 and vocabulary is not None and vocabulary.known(text.analyze(last)[-1])
    if whole:
        return clauses
    i = max(i for i, c in enumerate(clauses) if not c.required)
    if clauses[i].label != last:  # a synonym or compound spans it: leave it whole
        return clauses
    return clauses[:i] + [Clause(last, (Match(raw, "prefix"),))] + clauses[i + 1 :]


def build_tiers(clauses: tuple[Clause, ...], phrase: tuple[str, ...]) -> tuple[Tier, ...]:
    """All words as typed; then with spelling variants; then most words. The ranking bonus
    looks for the typed phrase in the first and last, for the corrections in the second."""
    tiers: list[Tier] = []
    n = len(clauses)
    if not n or not all(c.every_option for c in clauses):
        return ()  # a word with no reading at all: nothing can match every word
    exact = tuple(c.options for c in clauses)
    corrected = tuple(c.options + c.corrected for c in clauses)
    loose = tuple(c.every_option for c in clauses)
    typed = (phrase,) if phrase else ()
    if all(exact):
        tiers.append(Tier("all", exact, n, phrases=typed))
    needs = tuple(m for c in clauses for m in c.corrected)
    if needs and all(corrected):
        # Ranked by the corrections themselves: an item titled `Núi Cậu` leads for `núi cạu`.
        fixed = tuple(dict.fromkeys(m.tokens for m in needs))[:MAX_RANKED_CORRECTIONS]
        tiers.append(Tier("variants", corrected, n, when="few", needs=needs, phrases=fixed))
    droppable = [i for i, c in enumerate(clauses) if not c.required]
    if len(droppable) >= 3:
        missing = RELAXED_MISSING(len(droppable))
        required = frozenset(i for i, c in enumerate(clauses) if c.required)
        tiers.append(Tier("most", loose, n - missing, required, when="thin", phrases=typed))
    return tuple(tiers)

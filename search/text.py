"""Language rules shared by every search engine.

Both engines index exactly the tokens produced here (Elasticsearch with its plain `whitespace`
analyzer), so matching cannot drift between them:

* Unicode NFC, then case folding;
* Vietnamese folding: `Đ/đ → d` and every combining mark in U+0300–U+036F removed, so
  `Dầu Tiếng ≡ dau tieng` (Japanese dakuten U+3099/U+309A are outside that block and survive,
  so `ガ` does not collapse into `カ`);
* English stemming (Snowball) of Latin-script words, except words shaped like one Vietnamese
  syllable (see `_VI_SYLLABLE`);
* Han, Hiragana, Katakana and Hangul runs become overlapping bigrams (a one-character run stays a
  unigram), so `榴莲包装厂` matches without spaces.

Beside the index tokens, a few rules that spelling tolerance builds on, all in this one place:
`surface_key` (a Vietnamese syllable as written, tone mark wherever it was typed), and
`vietnamese_variants` / `edits1` (the candidate spellings a query word is checked against the
indexed vocabulary with; see `search.vocabulary`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# Scripts written without spaces between words. The Katakana middle dot U+30FB is punctuation
# and deliberately left out so `文化・観光` splits there.
_CJK = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u3041-\u309f"  # Hiragana
    "\u30a1-\u30fa\u30fc-\u30ff"  # Katakana (incl. ー)
    "\u3130-\u318f"  # Hangul compatibility Jamo
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\ua960-\ua97f"  # Hangul Jamo extended-A
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff66-\uff9f"  # halfwidth Katakana
)
# A token is a run of CJK characters, or a run of other word characters. Combining marks are
# included so a stray decomposed accent never splits a word.
_TOKEN_RE = re.compile(rf"([{_CJK}]+)|((?:[^\W_{_CJK}]|[\u0300-\u036f])+)")
_CJK_RE = re.compile(rf"[{_CJK}]")
_MARKS = dict.fromkeys(range(0x0300, 0x0370))
_MARKS[ord("đ")] = "d"

# One Vietnamese syllable after folding: optional onset, 1–3 vowels, optional final consonant.
# Such words are never stemmed: Snowball would turn `thuy` into `thui` or `may` ... into forms
# that collide with other syllables, while English inflections (-s, -ed, -er, -ly, -ies, -ing
# after two syllables) never have this shape, so English loses nothing.
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
_STEMMER = snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    """NFC, casefold, drop Vietnamese marks: `Đầu Tư` → `dau tu`. Keeps every other character."""
    text = unicodedata.normalize("NFC", text).casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFD", text).translate(_MARKS)
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem one folded Latin-script word (cached: vocabularies are small, documents are many)."""
    if len(word) <= 3 or not word.isascii() or not word.isalpha() or _VI_SYLLABLE.fullmatch(word):
        return word
    return _STEMMER.stemWord(word)


# Snippets re-tokenise a few displayed texts per request; words repeat, so fold each once.
_fold_word = lru_cache(maxsize=100_000)(fold)


def is_cjk(token: str) -> bool:
    return bool(_CJK_RE.match(token))


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def analyze(text: str, stemming: bool = True) -> list[str]:
    """Index tokens of `text`, in order (positions matter for phrases)."""
    return analyze_with_surfaces(text, stemming)[0] if text else []


@lru_cache(maxsize=200_000)
def _plain_word(word: str) -> str:
    """The folded, unstemmed token of one Latin-script word."""
    return fold(word).translate(_MARKS)


def analyze_with_surfaces(text: str, stemming: bool = True) -> tuple[list[str], list[str]]:
    """`analyze(text)` and, in the same pass, the `surface_key`s of its Vietnamese syllables.

    Words are folded one by one (cached: texts share most of their words), which gives the
    same tokens as folding the whole text first: folding never joins or splits a word."""
    tokens: list[str] = []
    surfaces: list[str] = []
    if not text:
        return tokens, surfaces
    for cjk, word in _TOKEN_RE.findall(unicodedata.normalize("NFC", text)):
        if cjk:
            tokens.extend(_bigrams(_fold_word(cjk)))
            continue
        token = _index_word(word) if stemming else _plain_word(word)
        if token:
            tokens.append(token)
            surface = _surface(word)
            if surface:
                surfaces.append(surface[0])
    return tokens, surfaces


@dataclass(frozen=True)
class Segment:
    """A stretch of analysed text that came from one run of the input (a word or a CJK run)."""

    tokens: tuple[str, ...]
    cjk: bool
    start: int
    end: int


def segments(text: str, stemming: bool = True) -> list[Segment]:
    """Analysed runs with their character spans in `text` (which must already be NFC).

    A Latin word gives one segment with one token; a CJK run gives one segment with its bigrams.
    The query parser uses this to keep a CJK run together; highlighting uses the spans.
    """
    out: list[Segment] = []
    for m in _TOKEN_RE.finditer(text):
        if m.group(1):
            toks = tuple(_bigrams(_fold_word(m.group(1))))
            out.append(Segment(toks, True, m.start(), m.end()))
        else:
            word = _fold_word(m.group(2)).translate(_MARKS)
            if word:  # a lone combining mark is no word
                out.append(Segment((stem(word) if stemming else word,), False, m.start(), m.end()))
    return out


@lru_cache(maxsize=200_000)
def _index_word(word: str) -> str:
    """The index token of one Latin-script word as it appears in a text (cached: texts share
    most of their words)."""
    return stem(_plain_word(word))


@lru_cache(maxsize=4096)
def tokenize_with_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """(token, start, end) for every index token of `text` (NFC), spans into `text` itself.

    CJK bigrams overlap, so their spans do too; callers merge them when highlighting.
    The same tokens as `segments`, without building a `Segment` per word: this runs for every
    hit of every search, and the same texts come back search after search (cached).
    """
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group(2)
        if word is not None:
            token = _index_word(word)
            if token:
                out.append((token, m.start(), m.end()))
            continue
        toks, start = _bigrams(_fold_word(m.group(1))), m.start()
        if len(toks) == 1:
            out.append((toks[0], start, m.end()))
        else:
            out.extend((tok, start + i, start + i + 2) for i, tok in enumerate(toks))
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Spelling: surface forms and candidate variants


def is_vietnamese_syllable(folded: str) -> bool:
    """`folded` (a folded, unstemmed Latin word) has the shape of one Vietnamese syllable."""
    return bool(_VI_SYLLABLE.fullmatch(folded))


# The five tone marks; the other Vietnamese marks (circumflex, breve, horn) and đ belong to the
# letter. Both `hòa` and `hoà` are in use (old and new tone placement): the key ignores where the
# tone sits.
_TONE_MARKS = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_VI_MARKS = re.compile("[\u0300-\u036f\u0111\u0110]")


def has_vietnamese_marks(text: str) -> bool:
    """Whether `text` carries any Vietnamese diacritic or đ (i.e. was typed with diacritics)."""
    return bool(_VI_MARKS.search(unicodedata.normalize("NFD", text)))


@lru_cache(maxsize=100_000)
def surface_key(word: str) -> str:
    """A word as written, case-insensitive, with its tone as a trailing digit: `Hòa`, `hoà` →
    `hoa2`, `Cậu` → `câu5`, `cao` → `cao`. Two spellings of a syllable share a key exactly when
    they are the same syllable, whichever convention placed the tone."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", word).casefold())
    tone = "".join(_TONE_MARKS[c] for c in decomposed if c in _TONE_MARKS)[:1]
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tone


@lru_cache(maxsize=200_000)
def _surface(word: str) -> tuple[str, str] | None:
    folded = _plain_word(word)
    return (surface_key(word), folded) if is_vietnamese_syllable(folded) else None


def surface_words(text: str) -> list[tuple[str, str]]:
    """(surface key, folded word) of every Latin word of `text` shaped like a Vietnamese
    syllable: what the index records of how words are written, so a query word typed with
    diacritics nobody in the catalogue uses can be told from one that is simply right."""
    found = (_surface(word) for _, word in _TOKEN_RE.findall(unicodedata.normalize("NFC", text)) if word)
    return [f for f in found if f]


# Confusions a Vietnamese writer makes between spellings of the same or a nearby sound
# (regional pronunciation and spelling rules): initial consonants, then final ones.
_ONSET_GROUPS = (
    ("s", "x"),
    ("ch", "tr"),
    ("d", "gi", "r", "v"),
    ("ng", "ngh"),
    ("g", "gh"),
    ("c", "k"),
    ("l", "n"),
)
_CODA_GROUPS = (("n", "ng", "nh"), ("c", "t", "ch"))
_VI_PARTS = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?([aeiouy]{1,3})(ng|nh|ch|[cmnpt])?"
)
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _swap(part: str, groups) -> list[str]:
    for group in groups:
        if part in group:
            return [g for g in group if g != part]
    return []


def vietnamese_variants(folded: str) -> dict[str, int]:
    """Candidate spellings of one folded Vietnamese syllable, with a rank (lower = closer):
    0 a confusion pair (s/x, ch/tr, d/gi/r/v, ng/ngh, g/gh, c/k, l/n; final n/ng/nh, c/t/ch;
    i/y), 1 a letter the writer dropped or two letters swapped. Not checked against anything:
    `search.vocabulary` keeps those the index knows and that are syllables themselves."""
    out: dict[str, int] = {}
    m = _VI_PARTS.fullmatch(folded)
    if m:
        onset, nucleus, coda = m.group(1) or "", m.group(2), m.group(3) or ""
        for o in _swap(onset, _ONSET_GROUPS):
            out.setdefault(o + nucleus + coda, 0)
        for c in _swap(coda, _CODA_GROUPS):
            out.setdefault(onset + nucleus + c, 0)
        for i, ch in enumerate(nucleus):
            if ch in "iy":
                out.setdefault(onset + nucleus[:i] + ("y" if ch == "i" else "i") + nucleus[i + 1 :] + coda, 0)
    for i in range(len(folded) + 1):  # a dropped letter
        for ch in LETTERS:
            out.setdefault(folded[:i] + ch + folded[i:], 1)
    for i in range(len(folded) - 1):  # two letters swapped
        out.setdefault(folded[:i] + folded[i + 1] + folded[i] + folded[i + 2 :], 1)
    out.pop(folded, None)
    return out


def edits1(token: str, alphabet: str = LETTERS + "0123456789") -> set[str]:
    """Every string one Damerau–Levenshtein edit (delete, transpose, replace, insert) away."""
    splits = [(token[:i], token[i:]) for i in range(len(token) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in alphabet}
    out |= {a + c + b for a, b in splits for c in alphabet}
    out.discard(token)
    return out

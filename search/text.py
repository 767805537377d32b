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
    if not text:
        return []
    out: list[str] = []
    for cjk, word in _TOKEN_RE.findall(fold(text)):
        if cjk:
            out.extend(_bigrams(cjk))
        else:
            word = word.translate(_MARKS)
            out.append(stem(word) if stemming else word)
    return out


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
            out.append(Segment((stem(word) if stemming else word,), False, m.start(), m.end()))
    return out


@lru_cache(maxsize=100_000)
def _index_word(word: str) -> str:
    """The index token of one Latin-script word as it appears in a text (cached: snippets
    re-tokenise displayed texts on every search, and their words repeat)."""
    return stem(fold(word).translate(_MARKS))


def tokenize_with_spans(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every index token of `text` (NFC), spans into `text` itself.

    CJK bigrams overlap, so their spans do too; callers merge them when highlighting.
    The same tokens as `segments`, without building a `Segment` per word: this runs for every
    hit of every search.
    """
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group(2)
        if word is not None:
            out.append((_index_word(word), m.start(), m.end()))
            continue
        toks, start = _bigrams(_fold_word(m.group(1))), m.start()
        if len(toks) == 1:
            out.append((toks[0], start, m.end()))
        else:
            out.extend((tok, start + i, start + i + 2) for i, tok in enumerate(toks))
    return out

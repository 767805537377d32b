"""What the index knows about words: the one place spelling tolerance asks.

Every engine answers `vocabulary()` with a `Vocabulary` built from what it has indexed: each
index token with the number of documents holding it, and the surface keys (`text.surface_key`)
of the Vietnamese syllables as the catalogue writes them. The query planner (`search.query`)
asks it which words are known, which corrections exist, and where a compound splits; because
the answers come from the same data and the same code for both engines, both plan a query the
same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from search import text

MAX_VARIANTS = 3  # corrections per word: more would mostly add noise
MIN_TYPO_LENGTH = 4  # one edit on a shorter word reaches too many real words (hot → ho, hoa, hop…)
MAX_WORD = 40  # longer "words" are noise; their one-edit neighbourhood is thousands of strings
MIN_COMPOUND_PART = 3


@dataclass(frozen=True)
class Vocabulary:
    terms: Mapping[str, int] = field(default_factory=dict)  # index token -> documents
    surfaces: frozenset[str] = frozenset()  # surface keys of the syllables as written

    def known(self, token: str) -> bool:
        return token in self.terms

    def df(self, token: str) -> int:
        return self.terms.get(token, 0)

    def surface_known(self, word: str) -> bool:
        """Whether some document writes this Vietnamese syllable the way it was typed (tone and
        vowel marks included, tone placement and case ignored)."""
        return text.surface_key(word) in self.surfaces

    def rank(
        self, candidates: Iterable[str], limit: int = MAX_VARIANTS, order: Mapping[str, int] | None = None
    ) -> list[str]:
        """The known candidates, closest kind first (`order`: candidate -> rank, lower first),
        then the most documents, ties alphabetical; at most `limit`."""
        order = order or {}
        found = [c for c in set(candidates) if c in self.terms]
        found.sort(key=lambda c: (order.get(c, 0), -self.terms[c], c))
        return found[:limit]

    def similar(self, token: str, limit: int = MAX_VARIANTS) -> list[str]:
        """Indexed tokens one edit away from an unknown token (`text.edits1`)."""
        if len(token) > MAX_WORD or len(token) < MIN_TYPO_LENGTH or not token.isalpha():
            return []
        return self.rank(text.edits1(token), limit)

    def vietnamese_variants(
        self, folded: str, limit: int = MAX_VARIANTS, confusions_only: bool = False
    ) -> list[str]:
        """Known Vietnamese syllables a writer may have meant by `folded` (confusion pairs,
        a dropped or swapped letter; see `text.vietnamese_variants`); `confusions_only`: the
        confusion pairs alone (for a word the index knows, a slip of the ear is the likely one)."""
        if len(folded) > MAX_WORD:
            return []
        ranked = text.vietnamese_variants(folded)
        if confusions_only:
            ranked = {c: r for c, r in ranked.items() if r == 0}
        return self.rank((c for c in ranked if text.is_vietnamese_syllable(c)), limit, ranked)

    def split(self, raw: str) -> tuple[str, str] | None:
        """Where an unspaced compound (`rubberwood`, `caosu`) splits into two known words, as
        their index tokens; the split whose rarer part is most common wins."""
        # One Vietnamese syllable is never two (`dau` is not `da u`).
        if not raw.isalpha() or len(raw) > MAX_WORD or text.is_vietnamese_syllable(raw):
            return None
        best, best_df = None, 0
        for i in range(2, len(raw) - 1):
            left, right = raw[:i], raw[i:]
            short = min(len(left), len(right)) < MIN_COMPOUND_PART
            if short and not (text.is_vietnamese_syllable(left) and text.is_vietnamese_syllable(right)):
                continue
            a, b = text.stem(left), text.stem(right)
            df = min(self.df(a), self.df(b))
            if df > best_df:
                best, best_df = (a, b), df
        return best

    def joined(self, raw_left: str, raw_right: str) -> str | None:
        """The index token of two typed words written as one (`rubber wood` → `rubberwood`),
        when the index knows it."""
        word = raw_left + raw_right
        if not word.isalpha() or len(word) > MAX_WORD:
            return None
        token = text.stem(word)
        return token if token in self.terms else None


EMPTY = Vocabulary()

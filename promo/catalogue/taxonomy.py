"""Resolve the taxonomy words of an import line (commune, category, sector) to snippets.

A commune may be written by its current name in any language, its code, or a former name from
before the 2025 merger; categories and sectors by code or name. Matching ignores case and
Vietnamese diacritics, so `Dinh Thanh` and `Định Thành` are the same commune.
"""

from collections import defaultdict

from promo.models import Category, Commune, FormerCommuneName, InvestmentForm, Officer, Sector
from search.text import fold

UNIT_PREFIXES = ("xa ", "phuong ", "thi tran ")


def _key(name):
    return " ".join(fold(name).split())


def _variants(name):
    key = _key(name)
    yield key
    for prefix in UNIT_PREFIXES:
        if key.startswith(prefix):
            yield key[len(prefix) :]


class TaxonomyResolver:
    def __init__(self):
        self._maps = {}
        self._rows = {}

    def _build(self, kind):
        names, rows = defaultdict(set), {}
        models = {"commune": Commune, "sector": Sector, "investment_form": InvestmentForm, "officer": Officer}
        if kind in models:
            queryset = models[kind].objects.all()
        else:
            queryset = Category.objects.filter(kind=kind.removesuffix("_category"))
        for obj in queryset.select_related("locale"):
            rows[(obj.translation_key, obj.locale.language_code)] = obj
            names[_key(obj.slug)].add(obj.translation_key)
            for variant in _variants(obj.name):
                names[variant].add(obj.translation_key)
        if kind == "commune":
            # Former names count only where no current name claims the word, and a former
            # commune split between units resolves to the unit marked as its primary successor.
            former = defaultdict(lambda: {"primary": set(), "other": set()})
            for row in FormerCommuneName.objects.select_related("commune"):
                bucket = "primary" if row.primary else "other"
                former[_key(row.name)][bucket].add(row.commune.translation_key)
            for key, found in former.items():
                if key not in names:
                    names[key] = found["primary"] or found["other"]
        self._maps[kind] = names
        self._rows[kind] = rows

    def known(self, kind):
        if kind not in self._maps:
            self._build(kind)
        locale_rows = [obj for (tk, code), obj in self._rows[kind].items() if code == "vi"]
        return sorted(obj.slug for obj in locale_rows)

    def resolve(self, kind, word, locale):
        """The snippet in `locale` (else in vi) that `word` names; raise LookupError if none."""
        if kind not in self._maps:
            self._build(kind)
        keys = self._maps[kind].get(_key(word), set())
        if not keys:
            raise LookupError(
                f"unknown {kind.replace('_', ' ')} {word!r}; known: {', '.join(self.known(kind))}"
            )
        if len(keys) > 1:
            raise LookupError(f"{word!r} names more than one {kind.replace('_', ' ')}; use its code")
        (key,) = keys
        rows = self._rows[kind]
        return rows.get((key, locale)) or rows[(key, "vi")]

    def in_locale(self, kind, obj, locale):
        """The translation of snippet `obj` in `locale`, else `obj` (no query once built)."""
        if kind not in self._maps:
            self._build(kind)
        return self._rows[kind].get((obj.translation_key, locale)) or obj

"""Result snippets cut from the original text, shared by every engine.

The engines only say which translation matched; the window, the escaping and the `<mark>` tags
are decided here, so a snippet looks the same whichever engine answered and nothing from the
content can ever become markup.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

from search.text import tokenize_with_spans

WINDOW = 200
# Marks are looked for in the first this many characters of a field: a snippet from deep inside
# a very long text is not worth reading all of it on every search.
SCAN = 5000


def _matchers(plan) -> list[list[tuple[tuple[str, ...], bool]]]:
    """Per clause of the plan, its Latin options as (tokens, last token is a prefix)."""
    out = []
    for clause in plan.clauses:
        options = [
            (m.tokens, m.mode == "prefix") for m in clause.every_option if m.mode != "some" and m.tokens
        ]
        out.append(options)
    return out


def _at(tokens: list[str], i: int, option: tuple[tuple[str, ...], bool]) -> int:
    """How many text tokens from `i` the option covers (0: it does not occur there)."""
    seq, prefix = option
    if i + len(seq) > len(tokens):
        return 0
    for k, want in enumerate(seq):
        got = tokens[i + k]
        if got != want and not (prefix and k == len(seq) - 1 and got.startswith(want)):
            return 0
    return len(seq)


def _phrase_spans(found: list[tuple[str, int, int]], matchers) -> tuple[list, set[int]]:
    """Where the query's words stand together in the text: chains of consecutive clauses (in
    typed order), or one option of several tokens (a phrase, a synonym like `cao su`). Returns
    the spans and the clauses those chains cover."""
    tokens = [t for t, _, _ in found]
    # (clause, option) by the option's first token; prefix options are tried everywhere.
    starting: dict[str, list] = {}
    anywhere = []
    for c, options in enumerate(matchers):
        for option in options:
            seq, prefix = option
            if prefix and len(seq) == 1:
                anywhere.append((c, option))
            else:
                starting.setdefault(seq[0], []).append((c, option))
    spans, covered = [], set()
    i = 0
    while i < len(tokens):
        best = (0, 0, ())  # (tokens covered, clauses chained, clause indexes)
        for c, option in starting.get(tokens[i], []) + anywhere:
            n = _at(tokens, i, option)
            if not n:
                continue
            j, chain, clauses = i + n, 1, [c]
            while chain + c < len(matchers):
                step = max((_at(tokens, j, o) for o in matchers[c + chain]), default=0)
                if not step:
                    break
                clauses.append(c + chain)
                j, chain = j + step, chain + 1
            if (j - i > 1 or chain > 1) and (j - i, chain) > best[:2]:
                best = (j - i, chain, tuple(clauses))
        if best[0]:
            spans.append((found[i][1], found[i + best[0] - 1][2]))
            covered.update(best[2])
            i += best[0]
        else:
            i += 1
    return spans, covered


def _marked_spans(text: str, tokens: frozenset[str], matchers=None) -> list[tuple[int, int, int]]:
    """(start, end, weight) of the marks: where the words stand together (weight 3), and single
    words of the clauses that stand together nowhere in this text (weight 1)."""
    found = tokenize_with_spans(text)
    phrases, covered = _phrase_spans(found, matchers) if matchers else ([], set())
    singles = tokens
    if matchers and covered:
        singles = frozenset(
            t for c, options in enumerate(matchers) if c not in covered for seq, _ in options for t in seq
        ) | frozenset(t for t in tokens if not any(t in seq for options in matchers for seq, _ in options))
    prefixes = [
        seq[-1]
        for c, options in enumerate(matchers or ())
        if c not in covered
        for seq, prefix in options
        if prefix
    ]
    marks: list[tuple[int, int, int]] = [(s, e, 3) for s, e in phrases]
    j = 0  # the next phrase span that ends after the current token (both lists are in order)
    for tok, start, end in found:
        while j < len(phrases) and phrases[j][1] <= start:
            j += 1
        if j < len(phrases) and phrases[j][0] <= start:
            continue  # inside a phrase already marked
        if tok in singles or (prefixes and any(tok.startswith(p) for p in prefixes)):
            marks.append((start, end, 1))
    marks.sort()
    merged: list[tuple[int, int, int]] = []
    for s, e, w in marks:
        if merged and s <= merged[-1][1]:  # overlapping CJK bigrams become one mark
            ps, pe, pw = merged[-1]
            merged[-1] = (ps, max(pe, e), max(pw, w))
        else:
            merged.append((s, e, w))
    return merged


def _best_window(text: str, spans: list[tuple[int, int, int]], width: int) -> tuple[int, int, int]:
    """(start, end, score): the window holding the most (weighted) marks, ties to the earliest."""
    best = (0, min(len(text), width), 0)
    j, weight = 0, 0
    for i, (s, _, w) in enumerate(spans):
        if j < i:
            j, weight = i, 0
        while j < len(spans) and spans[j][1] <= s + width:
            weight += spans[j][2]
            j += 1
        if weight > best[2]:
            best = (s, s + width, weight)
        if j > i:
            weight -= w
    start, end, score = best
    if score and end > len(text):  # window runs past the end: pull it back to show more context
        start = max(0, len(text) - width)
    elif score:
        start = max(0, start - width // 4)  # a little context before the first mark
    end = min(len(text), start + width)
    return start, end, score


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    # Cut on whitespace when there is some nearby, so words are not chopped in half.
    if start > 0:
        sp = text.find(" ", start, start + 20)
        if sp != -1:
            start = sp + 1
    if end < len(text):
        sp = text.rfind(" ", end - 20, end)
        if sp != -1:
            end = sp
    return start, end


def _render(text: str, spans: list[tuple[int, int, int]], start: int, end: int) -> str:
    out = ["… " if start > 0 else ""]
    pos = start
    for s, e, _ in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    if end < len(text):
        out.append(" …")
    return "".join(out)


def make_snippet(fields: Iterable[str], plan, width: int = WINDOW) -> str:
    """Best window of about `width` characters over `fields` (e.g. summary, body), HTML-escaped,
    with the words that match wrapped in `<mark>`; the first non-empty field when nothing
    matches. `plan` is a `search.query.Plan` (where its words stand together, that place is
    marked rather than each word wherever it occurs) or a plain set of tokens."""
    if isinstance(plan, (set, frozenset)):
        tokens, matchers = frozenset(plan), None
    else:
        tokens, matchers = plan.highlight_tokens, _matchers(plan)
    fallback = ""
    best: tuple[int, str] | None = None
    for raw in fields:
        text = " ".join((raw or "")[:SCAN].split())  # collapse paragraphs: a snippet is one line
        if not text:
            continue
        fallback = fallback or text
        spans = _marked_spans(text, tokens, matchers) if tokens else []
        if not spans:
            continue
        start, end, score = _best_window(text, spans, width)
        if best is None or score > best[0]:
            start, end = _snap(text, start, end)
            best = (score, _render(text, spans, start, end))
    if best is not None:
        return best[1]
    if not fallback:
        return ""
    end = len(fallback) if len(fallback) <= width else _snap(fallback, 0, width)[1]
    return _render(fallback, [], 0, end)

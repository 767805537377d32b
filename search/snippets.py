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


def _marked_spans(text: str, tokens: frozenset[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for tok, start, end in tokenize_with_spans(text):
        if tok in tokens:
            if spans and start <= spans[-1][1]:  # overlapping CJK bigrams become one mark
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
    return spans


def _best_window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int, int]:
    """(start, end, score): the window holding the most marks, ties to the earliest."""
    best = (0, min(len(text), width), 0)
    j = 0
    for i, (s, _) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= s + width:
            j += 1
        if j - i > best[2]:
            best = (s, s + width, j - i)
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


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out = ["… " if start > 0 else ""]
    pos = start
    for s, e in spans:
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


def make_snippet(fields: Iterable[str], tokens: frozenset[str] | set[str], width: int = WINDOW) -> str:
    """Best window of about `width` characters over `fields` (e.g. summary, body), HTML-escaped,
    with the words that match `tokens` wrapped in `<mark>`; the first non-empty field when
    nothing matches."""
    tokens = frozenset(tokens)
    fallback = ""
    best: tuple[int, str] | None = None
    for raw in fields:
        text = " ".join((raw or "").split())  # collapse paragraphs: a snippet is one line
        if not text:
            continue
        fallback = fallback or text
        spans = _marked_spans(text, tokens) if tokens else []
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

"""The exchange format's plain-text body <-> the page's StreamField paragraphs."""

import html
import re
import uuid

_BREAK = re.compile(r"<br\s*/?>", re.I)
_BLOCK_END = re.compile(r"</(p|h[1-6]|li)>", re.I)
_TAG = re.compile(r"<[^>]+>")


# Block ids depend on the paragraph's position only: a re-import keeps them, and a translation's
# paragraphs carry its source's ids, so wagtail-localize pairs each paragraph with its translation.
_BLOCK_IDS = uuid.UUID("6b1f7c52-3d0e-4c57-9a51-3f6c2f0d8a11")


def paragraph_id(position):
    return str(uuid.uuid5(_BLOCK_IDS, f"paragraph-{position}"))


def text_to_stream(body):
    paragraphs = [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return [
        {
            "type": "paragraph",
            "id": paragraph_id(i),
            "value": "<p>" + "<br/>".join(html.escape(line, quote=False) for line in p.split("\n")) + "</p>",
        }
        for i, p in enumerate(paragraphs)
    ]


def rich_text_to_paragraphs(source):
    marked = _BLOCK_END.sub("\n\n", _BREAK.sub("\n", source))
    plain = html.unescape(_TAG.sub("", marked))
    return [p.strip() for p in plain.split("\n\n") if p.strip()]


def stream_to_text(stream):
    """Paragraph text of a body, paragraphs separated by a blank line. Other blocks (images,
    tables, downloads) have no plain-text form in the exchange format and are left out."""
    paragraphs = []
    for block in stream:
        if block.block_type == "paragraph":
            paragraphs.extend(rich_text_to_paragraphs(block.value.source))
        elif block.block_type == "quote":
            paragraphs.append(block.value["text"].strip())
    return "\n\n".join(p for p in paragraphs if p)

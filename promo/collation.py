"""Alphabetical order of titles, the same on SQLite and PostgreSQL.

Neither database sorts Vietnamese correctly by itself: SQLite compares code points (every "Đ…"
and "Ẩ…" after "Z"), and PostgreSQL's order depends on the collations the server happens to
have. So each page stores `title_sort_key`, computed here when it is saved, made of lowercase
hexadecimal digits only — a string every collation orders exactly like its bytes.

The key has three levels, compared one after the other as in the Unicode Collation Algorithm:
1. letters: in Vietnamese, the Vietnamese alphabet `a ă â b c d đ e ê … o ô ơ … u ư …`; in the
   other languages ă, â, ê, ô, ơ, ư count as their base letter (the marks go to level 2) and đ
   as a letter of its own right after d, as in Unicode's default order. Either way "Đ…" files
   between D and E and "Ẩ…" among the A words. Hangul in code point order (가나다), katakana as
   hiragana (五十音), Han characters in code point order (radical and stroke);
2. marks: the tone (none, huyền, hỏi, ngã, sắc, nặng — dictionary order);
3. case: lower before upper.
Spaces and punctuation between words count as one word break; leading punctuation is ignored.
"""

import unicodedata

VIETNAMESE_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
BASE_ALPHABET = "abcdđefghijklmnopqrstuvwxyz"
# tone marks, in the order Vietnamese dictionaries sort them
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# marks that make a letter of the Vietnamese alphabet: breve, circumflex, horn
LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}
LETTER_MARK_OF = {"ă": "\u0306", "â": "\u0302", "ê": "\u0302", "ô": "\u0302", "ơ": "\u031b", "ư": "\u031b"}

MAX_CHARACTERS = 48
WORD_BREAK = 0x0002
DIGITS = 0x0010
LETTERS = 0x0100
OTHER = 0x0200
KEY_LENGTH = MAX_CHARACTERS * 7 + 4  # 4 + 2 + 1 hex digits per character, plus the level break


def _clusters(text):
    """(base character, [combining marks]) for each character of `text`, decomposed."""
    clusters = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and clusters:
            clusters[-1][1].append(char)
        elif unicodedata.combining(char):
            continue
        else:
            clusters.append((char, []))
    return clusters


def _primary(base, marks, vietnamese):
    lower = base.lower()
    if lower.isdigit() and lower.isascii():
        return DIGITS + int(lower), 0
    if "a" <= lower <= "z" or lower == "đ":
        letter_mark = next((LETTER_MARKS[m] for m in marks if m in LETTER_MARKS), 0)
        if vietnamese:
            letter = lower + next((m for m in marks if m in LETTER_MARKS), "")
            letter = unicodedata.normalize("NFC", letter)
            if letter in VIETNAMESE_ALPHABET:
                return LETTERS + VIETNAMESE_ALPHABET.index(letter), 0
        return LETTERS + BASE_ALPHABET.index(lower), letter_mark
    code = ord(lower)
    if 0x30A1 <= code <= 0x30F6:  # katakana sorts with the hiragana of the same sound
        code -= 0x60
    return max(OTHER, min(code, 0xFFFF)), 0


def sort_key(title, language="vi"):
    """The `title_sort_key` of `title` in `language` (a site language code)."""
    vietnamese = language == "vi"
    primary, secondary, tertiary = [], [], []
    pending_break = False
    for base, marks in _clusters(title or ""):
        if len(primary) >= MAX_CHARACTERS:
            break
        if not (base.isalnum() or unicodedata.category(base).startswith(("L", "N"))):
            pending_break = bool(primary)
            continue
        if pending_break:
            primary.append(WORD_BREAK)
            secondary.append(0)
            tertiary.append(0)
            pending_break = False
        weight, letter_mark = _primary(base, marks, vietnamese)
        tone = next((TONES[m] for m in marks if m in TONES), 0)
        other_marks = any(m not in TONES and m not in LETTER_MARKS for m in marks)
        primary.append(weight)
        secondary.append(letter_mark * 6 + tone + (24 if other_marks else 0))
        tertiary.append(1 if base != base.lower() else 0)
    primary, secondary, tertiary = (level[:MAX_CHARACTERS] for level in (primary, secondary, tertiary))
    return (
        "".join(f"{w:04x}" for w in primary)
        + "0000"
        + "".join(f"{w:02x}" for w in secondary)
        + "".join(f"{w:x}" for w in tertiary)
    )


def sort_key_ordering(ordering):
    """A listing's ordering with "title" replaced by the stored key (and "-title" likewise)."""
    return tuple({"title": "title_sort_key", "-title": "-title_sort_key"}.get(o, o) for o in ordering)

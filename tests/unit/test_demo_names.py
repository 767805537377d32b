"""Vietnamese proper names in the Korean, Japanese and Chinese texts: one convention everywhere.

The convention (README, "Translating the interface"): a Vietnamese place or dish name keeps its
Latin spelling with diacritics ("Suối Trúc", "Dầu Tiếng"), followed where it helps by a translated
generic word ("Suối Trúc 계곡", "Suối Trúc渓流", "Suối Trúc溪"); never a transliteration ("쭉 계곡",
"チュック渓流"), a half translation ("竹溪", "美东"), the name twice ("Miền Đông（Miền Đông）") or a
Vietnamese phrase left untranslated. Checked over every demo file and the interface catalogues.
"""

import json
import re
import unicodedata
from pathlib import Path

import polib
import pytest

from promo.demo import images, investment, site_texts

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "promo" / "demo"
TARGETS = ("ko", "ja", "zh-hans")
SCRIPT = {
    "ko": re.compile("[\uac00-\ud7af]"),
    "ja": re.compile("[\u3040-\u30ff\u4e00-\u9fff]"),
    "zh-hans": re.compile("[\u4e00-\u9fff]"),
}
# The names kept in Latin script, as written in every language. A name counts as present in a
# source text when its form without diacritics is there with the same capitals, so that the
# English msgid "Ho Chi Minh City centre" asks for "Hồ Chí Minh" in its translations; "Suối Trúc"
# is written "suối Trúc" inside a Vietnamese sentence.
NAMES = (
    "Dầu Tiếng",
    "Núi Cậu",
    "Thái Sơn",
    "Suối Trúc",
    "Đá Trứng",
    "Cần Nôm",
    "Tha La",
    "Định Thành",
    "Định Hiệp",
    "Định An",
    "Long Hòa",
    "Long Tân",
    "Minh Thạnh",
    "Minh Tân",
    "Minh Hòa",
    "Thanh An",
    "Thanh Tuyền",
    "An Lập",
    "Tây Nam",
    "Bàu Bàng",
    "Thủ Dầu Một",
    "Tây Ninh",
    "Dương Minh Châu",
    "Bình Dương",
    "Hồ Chí Minh",
    "Sài Gòn",
    "Thị Tính",
    "Miền Đông",
    "Bến Cát",
    "Cát Lái",
    "Tân Châu",
    "Hớn Quản",
    "Bình Phước",
    "Tân Sơn Nhất",
    "Rạch Bắp",
)
# Dish names and brands also kept in Latin script (never required to appear).
ALSO_LATIN = ("bánh canh", "hủ tiếu", "Michelin", "Cửa Ông", "Chúa", "Ông", "An Tây")
SOURCE_FORMS = {"Suối Trúc": ("Suối Trúc", "suối Trúc", "Suoi Truc", "suoi Truc")}
LATIN = "[A-Za-zÀ-ỹĐđ]"
VIETNAMESE_LETTER = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
# Fields that hold codes, references or addresses, not text for a reader.
CODE_KEYS = {
    "ref",
    "kind",
    "locale",
    "commune",
    "category",
    "sector",
    "published",
    "registration_url",
    "url",
    "booth",
    "product",
    "from",
    "slug",
    "email",
    "phone",
    "unit",
    "status",
    "form",
    "stage",
    "land_status",
    "currency",
    "documents",
}


def _fold(text):
    return (
        "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        .replace("Đ", "D")
        .replace("đ", "d")
    )


def _names_in(source):
    """The NAMES a source text (Vietnamese or English) mentions."""
    folded = _fold(source)
    found = []
    for name in NAMES:
        for form in SOURCE_FORMS.get(name, (name, _fold(name))):
            if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", source if form == name else folded):
                found.append(name)
                break
    return found


def _missing_names(source, text):
    return [name for name in _names_in(source) if name not in text]


def _vietnamese_words(text, code):
    """Words with Vietnamese letters outside the names kept in Latin script."""
    words = re.findall(r"[^\W\d_]+", _without_latin_names(text))
    return [w for w in words if VIETNAMESE_LETTER.search(w) and not SCRIPT[code].search(w)]


def _strings(value, path=""):
    """(path, text) for every reader-facing string in a JSON value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in CODE_KEYS:
                yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def _jsonl(name):
    with (DEMO / name).open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def _records_by_ref(records):
    return {(r["ref"], r.get("kind"), r["locale"]): r for r in records}


def _aligned_demo_texts():
    """(where, language, source text or None, translated text) over every demo file."""
    catalogue = _records_by_ref(_jsonl("catalogue.jsonl"))
    for code in TARGETS:
        for record in _jsonl(f"catalogue.{code}.jsonl"):
            source = catalogue.get((record["ref"], record.get("kind"), "vi"), {})
            for path, text in _strings(record):
                yield f"catalogue.{code}.jsonl {record['ref']}{path}", code, _at(source, path), text
    for name in ("visit-facts.jsonl", "investment.jsonl"):
        records = _jsonl(name)
        by_ref = _records_by_ref(records)
        for record in records:
            if record["locale"] not in TARGETS:
                continue
            source = by_ref.get((record["ref"], record.get("kind"), "vi"), {})
            for path, text in _strings(record):
                yield f"{name} {record['ref']}{path}", record["locale"], _at(source, path), text
    trips = json.loads((DEMO / "itineraries.json").read_text(encoding="utf-8"))
    for where, texts in _by_language(trips, "itineraries.json"):
        for code in TARGETS:
            if code in texts:
                for path, text in _strings(texts[code]):
                    yield f"{where}{path}", code, _at(texts.get("vi"), path), text
    chrome = {"office": site_texts.OFFICE, "links": site_texts.LINK_GROUPS}
    for where, texts in _by_language(chrome, "site_texts"):
        for code in TARGETS:
            for path, text in _strings(texts[code]):
                yield f"{where}{path}", code, _at(texts.get("vi"), path), text
    for where, texts in _by_language(images.SCENE_ALT, "images.SCENE_ALT"):
        for code in TARGETS:
            yield where, code, texts.get("vi"), texts[code]
    for officer in investment.OFFICERS:
        for code in TARGETS:
            title = officer["title"]
            yield f"investment.OFFICERS {officer['slug']}", code, title["vi"], title[code]


def _by_language(value, where):
    """Every dict keyed by language codes inside value, with where it sits."""
    if isinstance(value, dict):
        if "vi" in value and any(code in value for code in TARGETS):
            yield where, value
            return
        for key, item in value.items():
            yield from _by_language(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _by_language(item, f"{where}[{index}]")


def _at(value, path):
    """The string at a path like `.exhibitors[0].name` inside value, or None."""
    for key, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", path):
        try:
            value = value[key] if key else value[int(index)]
        except (KeyError, IndexError, TypeError):
            return None
    return value if isinstance(value, str) else None


DOCUMENT_NUMBER = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ][A-ZĐ\-]*")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _without_latin_names(text):
    text = DOCUMENT_NUMBER.sub(" ", text)
    for name in sorted(NAMES + ALSO_LATIN, key=len, reverse=True):
        text = text.replace(name, " ")
    return text


DEMO_TEXTS = list(_aligned_demo_texts())


def test_the_demo_files_hold_texts_in_every_target_language():
    assert {code for _, code, _, _ in DEMO_TEXTS} == set(TARGETS)
    assert len(DEMO_TEXTS) > 1000


def test_every_demo_text_is_written_in_its_language():
    """A field with no Hangul / kana / Han is an untranslated sentence, unless it is only names,
    acronyms (OCOP, WTC, 64/KH-UBND) and numbers, as some tags are."""
    faults = []
    for where, code, _, text in DEMO_TEXTS:
        if SCRIPT[code].search(text) or SLUG.fullmatch(text):
            continue
        rest = re.sub(r"https?://\S+|\b[A-Z][A-Z0-9]+\b|[\W\d_]+", " ", _without_latin_names(text))
        if rest.strip():
            faults.append(f"{where} [{code}]: {text[:80]!r}")
    assert not faults, "untranslated:\n" + "\n".join(faults)


def test_no_vietnamese_words_left_untranslated():
    """Outside the names kept in Latin, a word with Vietnamese letters is an untranslated phrase
    (e.g. an exhibitor called "Cơ sở mật ong Long Hòa (mẫu)" on a Korean page)."""
    faults = []
    for where, code, _, text in DEMO_TEXTS:
        words = _vietnamese_words(text, code)
        if words:
            faults.append(f"{where} [{code}]: {words} in {text[:80]!r}")
    assert not faults, "Vietnamese left untranslated:\n" + "\n".join(faults)


def test_names_keep_their_latin_spelling_in_the_demo():
    """Each name the Vietnamese text mentions appears, spelt the same, in the translation."""
    faults = []
    for where, code, source, text in DEMO_TEXTS:
        if not source:
            continue
        missing = _missing_names(source, text)
        if missing:
            faults.append(f"{where} [{code}]: {missing} not in {text[:100]!r}")
    assert not faults, "names translated, transliterated or dropped:\n" + "\n".join(faults)


def _catalogue_entries():
    for path in sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po")):
        if any(part in {".venv", "node_modules"} for part in path.parts):
            continue
        code = {"ko": "ko", "ja": "ja", "zh_Hans": "zh-hans"}.get(path.parts[-3])
        if code:
            for entry in polib.pofile(str(path)):
                texts = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
                for text in texts:
                    yield f"{path.relative_to(ROOT)}: {entry.msgid[:60]!r}", code, entry.msgid, text


@pytest.mark.parametrize(
    "entries",
    [pytest.param(DEMO_TEXTS, id="demo"), pytest.param(list(_catalogue_entries()), id="catalogues")],
)
def test_no_name_is_given_twice(entries):
    """The name once is enough: not "Miền Đông（Miền Đông）" (a transliteration replaced by the
    name) nor "タンソンニャット（Tân Sơn Nhất）" (a transliteration glossed with the name)."""
    faults = []
    for where, code, _, text in entries:
        for name in NAMES:
            # a transliteration starts a word: "Thái Sơn寺（Núi Cậu）" is a qualifier, not a gloss
            word = SCRIPT[code].pattern
            before = rf"(?:{re.escape(name)}|(?<!{LATIN})(?<!{LATIN}\s)(?<!{word}){word}+)"
            if re.search(rf"{before}\s*[(（]\s*{re.escape(name)}\s*[)）]", text):
                faults.append(f"{where} [{code}]: {text[:80]!r}")
    assert not faults, "\n".join(faults)


def test_names_keep_their_latin_spelling_in_the_interface_catalogues():
    faults = []
    for where, code, source, text in _catalogue_entries():
        missing = _missing_names(source, text)
        if missing:
            faults.append(f"{where} [{code}]: {missing} not in {text[:80]!r}")
    assert not faults, "names translated or transliterated:\n" + "\n".join(faults)


@pytest.mark.parametrize(
    ("code", "source", "text"),
    [
        ("ko", "Nghỉ bên suối Trúc.", "쭉 계곡에서 쉬어 가세요."),
        ("ja", "Nghỉ bên suối Trúc.", "チュック渓流でひと休み。"),
        ("zh-hans", "Nghỉ bên suối Trúc.", "在竹溪边歇脚。"),
        ("zh-hans", "Đi từ bến xe Miền Đông.", "从美东客运站出发。"),
        ("ko", "Cơ sở mật ong Long Hòa (mẫu)", "Cơ sở mật ong Long Hòa (mẫu)"),
        ("ja", "Ho Chi Minh City centre", "ホーチミン市中心部"),
    ],
)
def test_the_checks_catch_the_faults_they_are_for(code, source, text):
    """The faults this file was written for, fed through the same checks; the fixed texts pass."""
    assert _missing_names(source, text) or _vietnamese_words(text, code)
    assert not _missing_names("Nghỉ bên suối Trúc.", "Suối Trúc 계곡에서 쉬어 가세요.")
    assert not _vietnamese_words("Long Hòa 양봉원(샘플)", "ko")

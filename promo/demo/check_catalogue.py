#!/usr/bin/env python3
"""Validate the demo catalogue against /work/shared/catalogue-format.md (stdlib only).

Usage: python check_catalogue.py [FILE.jsonl ...] [--corpus dev-corpus.jsonl] [--today YYYY-MM-DD]
(default: the demo catalogue, catalogue.jsonl with vi and en and catalogue.<locale>.jsonl)

Checks, per line: valid JSON object; required keys; allowed keys for the line's kind; types;
ref pattern; dates; fair end >= start; URLs; the seeded taxonomy values (commune, product and
news category, investment sector and status, attraction category); NFC text.
Checks, across lines: unique (ref, locale); one kind per ref; every non-vi line has a vi line;
invariant fields identical across the translations of one ref; the demo coverage rules
(counts per kind, locales per kind, flagship attractions, upcoming/past fairs, the seed
news item, no ref shared with the search dev corpus).

Exit status 0 when clean, 1 when any error was reported.
"""
import argparse
import datetime as dt
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FILE = os.path.join(HERE, "catalogue.jsonl")
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "tests", "data", "search-eval", "dev-corpus.jsonl")


def default_files():
    """catalogue.jsonl (vi, en) then catalogue.<locale>.jsonl, as load_demo loads them."""
    import glob

    return [DEFAULT_FILE] + sorted(glob.glob(os.path.join(HERE, "catalogue.*.jsonl")))

REF_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,79}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KINDS = ("product", "fair", "attraction", "investment", "news")
LOCALES = ("vi", "en", "ko", "ja", "zh-hans")

COMMON = {"ref", "kind", "locale", "title", "summary", "body", "tags", "commune", "published"}
REQUIRED = {"ref", "kind", "locale", "title"}
BY_KIND = {
    "product": {"producer", "category", "ocop_stars", "price_from_vnd", "unit"},
    "fair": {"start", "end", "venue", "organizer", "registration_url"},
    "attraction": {"category", "lat", "lon", "opening_hours", "ticket_vnd"},
    "investment": {"sector", "area_ha", "capital_usd", "status", "incentives", "lat", "lon",
                   "contact_email"},
    "news": {"category"},
}
REQUIRED_BY_KIND = {"fair": {"start", "end"}}

# Values that must be identical in every translation of one ref.
INVARIANT = {"kind", "published", "category", "ocop_stars", "price_from_vnd", "start", "end",
             "registration_url", "lat", "lon", "ticket_vnd", "sector", "area_ha", "capital_usd",
             "status", "contact_email"}

# Seeded taxonomies.
COMMUNES_VI = ["xã Dầu Tiếng", "xã Long Hòa", "xã Minh Thạnh", "xã Thanh An", "phường Tây Nam"]
COMMUNES_EN = ["Dầu Tiếng Commune", "Long Hòa Commune", "Minh Thạnh Commune", "Thanh An Commune",
               "Tây Nam Ward"]
FORMER = ["Dầu Tiếng", "An Lập", "Định An", "Định Hiệp", "Định Thành", "Long Hòa", "Long Tân",
          "Minh Hòa", "Minh Tân", "Minh Thạnh", "Thanh An", "Thanh Tuyền"]
FORMER_ALL = set(FORMER) | {"xã " + n for n in FORMER} | {"thị trấn Dầu Tiếng"}
PRODUCT_CATEGORIES = {"agricultural", "food", "handicraft", "household", "beverage"}
NEWS_CATEGORIES = {"administration", "economy", "tourism", "culture", "environment",
                   "agriculture", "investment"}
SECTORS = {"agriculture", "manufacturing", "tourism", "logistics", "energy", "real-estate"}
STATUSES = {"open", "negotiating", "awarded"}
ATTRACTION_CATEGORIES = {"nature", "heritage", "religious", "recreation", "food"}

# Demo coverage rules.
MIN_ITEMS_PER_KIND = 9
FLAGSHIP_ATTRACTIONS = ("nui-cau", "chua-thai-son", "ho-dau-tieng")
SEED_REF = "ke-hoach-thong-tin-doi-ngoai-2022"
LAT_RANGE = (11.2, 11.45)
LON_RANGE = (106.25, 106.55)
MAX_OCOP_STARS = 3  # no 4- or 5-star Dầu Tiếng product may be claimed

SCRIPT_RE = {
    "ko": re.compile(r"[\uac00-\ud7a3]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "zh-hans": re.compile(r"[\u4e00-\u9fff]"),
    "vi": re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
                     re.I),
}
KANA_RE = SCRIPT_RE["ja"]


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}" if where else msg)

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}" if where else msg)


def parse_date(value):
    if not isinstance(value, str) or not DATE_RE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def iter_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from iter_strings(v)


def check_line(n, obj, rep, today):
    if not isinstance(obj, dict):
        rep.err(n, "not a JSON object")
        return None
    missing = REQUIRED - obj.keys()
    if missing:
        rep.err(n, f"missing required key(s): {', '.join(sorted(missing))}")
    kind = obj.get("kind")
    locale = obj.get("locale")
    ref = obj.get("ref")
    if kind not in KINDS:
        rep.err(n, f"kind must be one of {KINDS}, got {kind!r}")
        return None
    if locale not in LOCALES:
        rep.err(n, f"locale must be one of {LOCALES}, got {locale!r}")
    if not isinstance(ref, str) or not REF_RE.match(ref):
        rep.err(n, f"ref {ref!r} does not match {REF_RE.pattern}")
    allowed = COMMON | BY_KIND[kind]
    for k in obj:
        if k not in allowed:
            rep.err(n, f"key {k!r} is not allowed for kind {kind!r}")
    for k in REQUIRED_BY_KIND.get(kind, ()):
        if k not in obj:
            rep.err(n, f"{kind} line needs {k!r}")

    # common keys
    title = obj.get("title")
    if not isinstance(title, str) or not (1 <= len(title) <= 255) or not title.strip():
        rep.err(n, "title must be a non-empty string of at most 255 characters")
    for k in ("summary", "body", "commune"):
        if k in obj and not isinstance(obj[k], str):
            rep.err(n, f"{k} must be a string")
    if "tags" in obj:
        if not isinstance(obj["tags"], list) or not all(isinstance(t, str) and t.strip()
                                                        for t in obj["tags"]):
            rep.err(n, "tags must be a list of non-empty strings")
    if "published" in obj:
        d = parse_date(obj["published"])
        if d is None:
            rep.err(n, f"published {obj['published']!r} is not a valid YYYY-MM-DD date")
        elif d > today:
            rep.err(n, f"published {d} is after today ({today})")
    body = obj.get("body")
    if isinstance(body, str):
        if "\r" in body or "\n\n\n" in body or re.search(r"(?<!\n)\n(?!\n)", body):
            rep.err(n, "body paragraphs must be separated by exactly one blank line (\\n\\n)")
        paras = [p for p in body.split("\n\n")]
        if any(not p.strip() or p != p.strip() for p in paras):
            rep.err(n, "body has an empty paragraph or stray whitespace")
        if not (2 <= len(paras) <= 4):
            rep.err(n, f"body should have 2-4 paragraphs for the demo, has {len(paras)}")
        if re.search(r"<[a-zA-Z/][^>]*>", body):
            rep.err(n, "body must be plain text (found an HTML tag)")
    for k, v in obj.items():
        for s in iter_strings(v):
            if unicodedata.normalize("NFC", s) != s:
                rep.err(n, f"{k} is not in Unicode NFC")
                break
    if "commune" in obj and isinstance(obj["commune"], str):
        c = obj["commune"]
        expected = COMMUNES_EN if locale == "en" else COMMUNES_VI
        if c in expected:
            pass
        elif c in FORMER_ALL:
            rep.warn(n, f"commune {c!r} is a former name; prefer a post-2025 unit")
        else:
            rep.err(n, f"commune {c!r} is not a seeded value for locale {locale!r} "
                       f"(expected one of {expected})")
    # script sanity for the line's language
    text = " ".join(s for k in ("title", "summary", "body") for s in iter_strings(obj.get(k)))
    if locale in SCRIPT_RE and text and not SCRIPT_RE[locale].search(text):
        rep.err(n, f"text does not look like {locale!r}")
    if locale == "zh-hans" and KANA_RE.search(text):
        rep.err(n, "zh-hans text contains Japanese kana")

    # kind-specific keys
    if kind == "product":
        if "producer" in obj and not isinstance(obj["producer"], str):
            rep.err(n, "producer must be a string")
        if "unit" in obj and not isinstance(obj["unit"], str):
            rep.err(n, "unit must be a string")
        if "category" in obj and obj["category"] not in PRODUCT_CATEGORIES:
            rep.err(n, f"product category {obj['category']!r} not in {sorted(PRODUCT_CATEGORIES)}")
        if "ocop_stars" in obj:
            s = obj["ocop_stars"]
            if not is_int(s) or not 1 <= s <= 5:
                rep.err(n, "ocop_stars must be an integer 1..5")
            elif s > MAX_OCOP_STARS:
                rep.err(n, f"ocop_stars {s}: no Dầu Tiếng product above {MAX_OCOP_STARS} stars "
                           "may be claimed")
        if "price_from_vnd" in obj and (not is_int(obj["price_from_vnd"])
                                        or obj["price_from_vnd"] < 0):
            rep.err(n, "price_from_vnd must be a non-negative integer")
    elif kind == "fair":
        start, end = parse_date(obj.get("start")), parse_date(obj.get("end"))
        if "start" in obj and start is None:
            rep.err(n, f"start {obj.get('start')!r} is not a valid date")
        if "end" in obj and end is None:
            rep.err(n, f"end {obj.get('end')!r} is not a valid date")
        if start and end and end < start:
            rep.err(n, f"end {end} is before start {start}")
        for k in ("venue", "organizer"):
            if k in obj and not isinstance(obj[k], str):
                rep.err(n, f"{k} must be a string")
        if "registration_url" in obj:
            u = obj["registration_url"]
            p = urlparse(u) if isinstance(u, str) else None
            if not p or p.scheme not in ("http", "https") or not p.netloc:
                rep.err(n, f"registration_url {u!r} is not an http/https URL")
            elif p.hostname != "dautieng-promo.example":
                rep.err(n, "sample registration_url must be on dautieng-promo.example")
    elif kind == "attraction":
        if "category" in obj and obj["category"] not in ATTRACTION_CATEGORIES:
            rep.err(n, f"attraction category {obj['category']!r} not allowed")
        if "opening_hours" in obj and not isinstance(obj["opening_hours"], str):
            rep.err(n, "opening_hours must be a string")
        if "ticket_vnd" in obj and (not is_int(obj["ticket_vnd"]) or obj["ticket_vnd"] < 0):
            rep.err(n, "ticket_vnd must be a non-negative integer")
    elif kind == "investment":
        if "sector" in obj and obj["sector"] not in SECTORS:
            rep.err(n, f"sector {obj['sector']!r} not in {sorted(SECTORS)}")
        if "status" in obj and obj["status"] not in STATUSES:
            rep.err(n, f"status {obj['status']!r} not in {sorted(STATUSES)}")
        for k in ("area_ha", "capital_usd"):
            if k in obj and (not is_number(obj[k]) or obj[k] < 0):
                rep.err(n, f"{k} must be a non-negative number")
        if "incentives" in obj and not isinstance(obj["incentives"], str):
            rep.err(n, "incentives must be a string")
        if "contact_email" in obj:
            e = obj["contact_email"]
            if not isinstance(e, str) or not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", e):
                rep.err(n, f"contact_email {e!r} is not an e-mail address")
            elif not e.endswith("@example.com"):
                rep.err(n, "sample contact_email must be @example.com")
    elif kind == "news":
        if "category" in obj and obj["category"] not in NEWS_CATEGORIES:
            rep.err(n, f"news category {obj['category']!r} not in {sorted(NEWS_CATEGORIES)}")
    if kind in ("attraction", "investment"):
        for k, (lo, hi) in (("lat", LAT_RANGE), ("lon", LON_RANGE)):
            if k in obj:
                if not is_number(obj[k]):
                    rep.err(n, f"{k} must be a number")
                elif not lo <= obj[k] <= hi:
                    rep.err(n, f"{k} {obj[k]} is outside the area ({lo}..{hi})")
    return obj


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS,
                    help="dev corpus whose refs must not be reused ('' to skip)")
    ap.add_argument("--today", default="2026-11-26")
    args = ap.parse_args(argv)
    paths = args.paths or default_files()
    today = dt.date.fromisoformat(args.today)
    rep = Report()

    lines = {}  # (ref, locale) -> (where, obj)
    kinds_by_ref = {}
    for path in paths:
        name = os.path.basename(path)
        with open(path, "rb") as fh:
            raw = fh.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            print(f"ERROR: {path} is not UTF-8: {exc}")
            return 1
        if text.startswith("\ufeff"):
            rep.err(f"{name}:1", "file starts with a byte-order mark")
        for n, line in enumerate(text.split("\n"), 1):
            where = f"{name}:{n}"
            if not line.strip():
                if line != "" or n != len(text.split("\n")):
                    rep.err(where, "blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                rep.err(where, f"invalid JSON: {exc}")
                continue
            obj = check_line(where, obj, rep, today)
            if obj is None or not isinstance(obj.get("ref"), str):
                continue
            key = (obj["ref"], obj.get("locale"))
            if key in lines:
                rep.err(where, f"duplicate (ref, locale) {key}, first on {lines[key][0]}")
                continue
            lines[key] = (where, obj)
            prev = kinds_by_ref.setdefault(obj["ref"], obj["kind"])
            if prev != obj["kind"]:
                rep.err(where, f"ref {obj['ref']!r} has kind {obj['kind']!r} here but {prev!r} elsewhere")

    by_ref = defaultdict(dict)
    for (ref, loc), (n, obj) in lines.items():
        by_ref[ref][loc] = (n, obj)

    # translations: vi source present, invariants identical
    for ref, locs in by_ref.items():
        if "vi" not in locs:
            for loc, (n, _) in locs.items():
                rep.err(n, f"{loc} line of {ref!r} has no vi line")
            continue
        vn, vobj = locs["vi"]
        for loc, (n, obj) in locs.items():
            if loc == "vi":
                continue
            for k in INVARIANT:
                if obj.get(k) != vobj.get(k):
                    rep.err(n, f"{k} differs from the vi line ({vn}): "
                               f"{obj.get(k)!r} != {vobj.get(k)!r}")
            # a translation may leave the commune out: the importer takes it from the source
            if "commune" in obj and "commune" in vobj:
                c_vi, c = vobj["commune"], obj["commune"]
                if c_vi in COMMUNES_VI:
                    i = COMMUNES_VI.index(c_vi)
                    ok = (c == COMMUNES_EN[i]) if loc == "en" else (c == c_vi)
                    if not ok:
                        rep.err(n, f"commune {c!r} is not the {loc} name of {c_vi!r}")

    # demo coverage rules
    items = Counter(kinds_by_ref[r] for r in by_ref)
    per_locale = defaultdict(Counter)
    for (ref, loc) in lines:
        per_locale[kinds_by_ref[ref]][loc] += 1
    for kind in KINDS:
        if items[kind] < MIN_ITEMS_PER_KIND:
            rep.err(0, f"only {items[kind]} {kind} item(s); need at least {MIN_ITEMS_PER_KIND}")
    for ref, locs in by_ref.items():
        need = set(LOCALES)  # no hollow language: every demo item in all five
        miss = need - locs.keys()
        if miss:
            rep.err(0, f"{ref!r} lacks locale(s) {sorted(miss)}")
    for ref in FLAGSHIP_ATTRACTIONS:
        if kinds_by_ref.get(ref) != "attraction":
            rep.err(0, f"flagship attraction {ref!r} is missing")
    upcoming = past = 0
    for ref, locs in by_ref.items():
        if kinds_by_ref[ref] != "fair" or "vi" not in locs:
            continue
        o = locs["vi"][1]
        s, e = parse_date(o.get("start")), parse_date(o.get("end"))
        if s and dt.date(2026, 12, 1) <= s <= dt.date(2027, 6, 30):
            upcoming += 1
        if e and e < today:
            past += 1
    if upcoming < 4:
        rep.err(0, f"only {upcoming} fair(s) starting 2026-12..2027-06; need 4")
    if past < 3:
        rep.err(0, f"only {past} past fair(s); need 3")
    seed = by_ref.get(SEED_REF, {})
    sv = seed.get("vi", (0, {}))[1]
    if kinds_by_ref.get(SEED_REF) != "news" or sv.get("published") != "2022-06-15" \
            or sv.get("category") != "administration" or "en" not in seed \
            or "64/KH-UBND" not in sv.get("body", ""):
        rep.err(0, f"seed news item {SEED_REF!r} missing or wrong (news, 2022-06-15, "
                   "administration, vi body citing 64/KH-UBND, en line)")
    if args.corpus and os.path.exists(args.corpus):
        with open(args.corpus, encoding="utf-8") as fh:
            dev_refs = {json.loads(line)["ref"] for line in fh if line.strip()}
        for ref in sorted(set(by_ref) & dev_refs):
            rep.err(0, f"ref {ref!r} collides with the search dev corpus")

    # report
    print("files: " + ", ".join(os.path.basename(p) for p in paths))
    print(f"lines: {len(lines)}  items: {len(by_ref)}")
    header = f"{'kind':<12}{'items':>6}" + "".join(f"{loc:>9}" for loc in LOCALES)
    print(header)
    for kind in KINDS:
        print(f"{kind:<12}{items[kind]:>6}" + "".join(f"{per_locale[kind][loc]:>9}" for loc in LOCALES))
    tot = Counter()
    for kind in KINDS:
        tot.update(per_locale[kind])
    print(f"{'total':<12}{sum(items.values()):>6}" + "".join(f"{tot[loc]:>9}" for loc in LOCALES))
    print(f"fairs: {upcoming} upcoming (2026-12..2027-06), {past} past")
    for w in rep.warnings:
        print("WARNING", w)
    for e in rep.errors:
        print("ERROR", e)
    print(f"{len(rep.errors)} error(s), {len(rep.warnings)} warning(s)")
    print("OK" if not rep.errors else "FAILED")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())

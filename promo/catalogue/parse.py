"""Read a JSON Lines catalogue file into checked records, collecting every problem.

Nothing here writes to the database: a file is checked whole first, so an invalid file loads
nothing and its author sees all of its problems at once, each with its line number and key.
"""

import json
from dataclasses import dataclass, field

from promo.catalogue import spec


@dataclass(frozen=True)
class Problem:
    line: int
    key: str
    message: str

    def __str__(self):
        where = f"line {self.line}" if self.line else "file"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


@dataclass
class Record:
    line: int
    ref: str
    kind: str
    locale: str
    values: dict = field(default_factory=dict)  # checked Python values of the keys present


def parse_line(number, raw, problems):
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        problems.append(Problem(number, "", f"not valid JSON ({exc.msg} at column {exc.colno})"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(number, "", "must be a JSON object"))
        return None

    before = len(problems)
    ref, kind, locale = data.get("ref"), data.get("kind"), data.get("locale")
    if not isinstance(ref, str) or not spec.REF_RE.match(ref):
        problems.append(
            Problem(
                number,
                "ref",
                "required; 2–80 characters of a-z, 0-9 and '-', "
                f"starting with a letter or digit (got {ref!r})",
            )
        )
    if kind not in spec.KINDS:
        problems.append(Problem(number, "kind", f"required; one of {', '.join(spec.KINDS)} (got {kind!r})"))
    if locale not in spec.LOCALES:
        problems.append(
            Problem(number, "locale", f"required; one of {', '.join(spec.LOCALES)} (got {locale!r})")
        )
    if kind not in spec.KINDS:
        return None

    allowed = spec.keys_for(kind)
    values = {}
    for name, value in data.items():
        if name in ("ref", "kind", "locale"):
            continue
        key = allowed.get(name)
        if key is None:
            problems.append(Problem(number, name, f"is not a key of a {kind} line"))
            continue
        if value is None:
            problems.append(Problem(number, name, "must not be null; leave the key out instead"))
            continue
        try:
            values[name] = key.check(value)
        except spec.Invalid as exc:
            problems.append(Problem(number, name, str(exc)))
    for key in allowed.values():
        if key.required and key.name not in data:
            problems.append(Problem(number, key.name, f"is required for a {kind} line"))
    if kind == "fair" and "start" in values and "end" in values and values["end"] < values["start"]:
        problems.append(Problem(number, "end", "must not be before start"))
    for line_check in spec.LINE_CHECKS.get(kind, ()):
        problems.extend(Problem(number, key, message) for key, message in line_check(values))
    if len(problems) > before:
        return None
    return Record(number, ref, kind, locale, values)


def parse_file(stream):
    """(records, problems) for a text stream of JSON Lines; blank lines are ignored."""
    records, problems = [], []
    seen = {}
    kinds = {}
    for number, raw in enumerate(stream, 1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(Problem(number, "", f"not UTF-8 text (byte {exc.start + 1})"))
                continue
        if number == 1:
            raw = raw.lstrip("\ufeff")
        if not raw.strip():
            continue
        record = parse_line(number, raw, problems)
        if record is None:
            continue
        key = (record.ref, record.locale)
        if key in seen:
            problems.append(
                Problem(number, "ref", f"{record.ref} ({record.locale}) is already on line {seen[key]}")
            )
            continue
        seen[key] = number
        first_kind = kinds.setdefault(record.ref, (record.kind, number))
        if first_kind[0] != record.kind:
            problems.append(
                Problem(
                    number,
                    "kind",
                    f"{record.ref} is a {first_kind[0]} on line {first_kind[1]}, not a {record.kind}",
                )
            )
            continue
        records.append(record)
    return records, problems

"""Demo facts kept apart from the main demo catalogue: lines of extra keys, keyed by
(ref, locale), merged into the catalogue's records before one import.

The extra file is JSON Lines like the catalogue (docs/catalogue-format.md) but its lines carry
only `ref`, `kind`, `locale` and the keys they add; every key is checked as the importer
checks it. Merging before the import keeps `load_demo` idempotent: the pages are written once,
complete.
"""

import json

from promo.catalogue import spec
from promo.catalogue.parse import Problem


def merge_overlay(records, stream, name="overlay"):
    """Add the overlay's keys to `records` in place; return the problems found (nothing is
    merged when there are any). Lines for a translation the catalogue does not have yet are
    skipped; a ref the catalogue does not have at all is a problem."""
    by_key = {(r.ref, r.locale): r for r in records}
    kinds = {r.ref: r.kind for r in records}
    problems, updates = [], []
    for number, raw in enumerate(stream, 1):
        raw = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(Problem(number, "", f"{name}: not valid JSON ({exc.msg})"))
            continue
        target = by_key.get((data.get("ref"), data.get("locale")))
        if target is None and kinds.get(data.get("ref")) == data.get("kind"):
            continue  # that translation is not in the catalogue (yet): nothing to add to
        if target is None or target.kind != data.get("kind"):
            problems.append(
                Problem(
                    number,
                    "ref",
                    f"{name}: no {data.get('kind')} line {data.get('ref')} ({data.get('locale')})",
                )
            )
            continue
        allowed = spec.keys_for(target.kind)
        values = {}
        for key, value in data.items():
            if key in ("ref", "kind", "locale"):
                continue
            if key not in allowed:
                problems.append(Problem(number, key, f"{name}: not a key of a {target.kind} line"))
                continue
            try:
                values[key] = allowed[key].check(value)
            except spec.Invalid as exc:
                problems.append(Problem(number, key, f"{name}: {exc}"))
        updates.append((target, values))
    if problems:
        return problems
    for target, values in updates:
        target.values.update(values)
        if target.kind == "attraction":
            from promo.catalogue.visit_keys import fold_ticket_price

            fold_ticket_price(target.values)
    return []

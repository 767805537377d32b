"""A dataset's rows written as CSV, JSON or GeoJSON.

- CSV: UTF-8 with a byte-order mark (so spreadsheet programs read Vietnamese, Korean,
  Japanese and Chinese right), a header row of the column names, CRLF line ends (RFC 4180);
  empty cell for no value; booleans `true`/`false`; `json` columns as compact JSON text; every
  cell passed through the formula neutraliser (`promo.csv_safety`).
- JSON: {"dataset", "title", "license", "modified", "columns": [{name, type, description}],
  "items": [row…]} with typed values (null for no value).
- GeoJSON: the located items as the shared map builds them (`maps.views.feature_collection`,
  one language), each feature's properties replaced by the dataset's row for it.
"""

import csv
import io
import json

from django.http import QueryDict

from promo.csv_safety import SafeWriter


def _cell(value, column):
    if value is None:
        return ""
    if column.type == "boolean":
        return "true" if value else "false"
    if column.type == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def to_csv(dataset, rows):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = SafeWriter(buffer, lineterminator="\r\n")
    writer.writerow([column.name for column in dataset.columns])
    for row in rows:
        writer.writerow([_cell(row[column.name], column) for column in dataset.columns])
    return buffer.getvalue().encode("utf-8")


def to_json(dataset, rows, meta):
    document = {
        "dataset": dataset.name,
        "title": str(dataset.title),
        **meta,
        "columns": [{"name": c.name, "type": c.type, "description": c.description} for c in dataset.columns],
        "items": rows,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def to_geojson(dataset, rows, locale, request, meta):
    """FeatureCollection of the located items of `dataset` in `locale`."""
    from maps import registry
    from maps.views import feature_collection

    source = registry.get(dataset.geo_kind)
    by_ref = {row["ref"]: row for row in rows if row["locale"] == locale.language_code}
    if dataset.geo_kind == "itinerary":
        features = []
        for ref, row in by_ref.items():
            params = QueryDict(mutable=True)
            params["ref"] = ref
            for feature in feature_collection(source, locale, params, request)["features"]:
                stop = feature["properties"]
                feature["properties"] = {
                    "kind": "itinerary_stop",
                    "itinerary": ref,
                    "itinerary_title": row["title"],
                    "number": stop.get("order"),
                    "title": stop["title"].split(". ", 1)[-1],
                    "url": stop["url"],
                }
                features.append(feature)
    else:
        params = QueryDict(mutable=True)
        if dataset.geo_kind == "fair":
            params["when"] = "all"
        features = []
        for feature in feature_collection(source, locale, params, request)["features"]:
            row = by_ref.get(feature["properties"].get("ref"))
            if row is None:  # not in the dataset (e.g. filtered out): not in the file either
                continue
            feature["properties"] = {"kind": dataset.kind, **row}
            features.append(feature)
    document = {"type": "FeatureCollection", "name": dataset.name, **meta, "features": features}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_csv(data):
    """Rows of a CSV file this module wrote (for tests and partners' scripts alike)."""
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))

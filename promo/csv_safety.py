"""CSV files the site writes are opened in spreadsheet programs, which run a cell that starts
with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`): text a visitor
or an import put there must stay text. Such a cell gets a leading apostrophe, as OWASP
recommends; XLSX exports store strings as strings already.
"""

import csv

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def neutralise(value):
    if (
        isinstance(value, str)
        and value
        and (value.startswith(FORMULA_START) or value.lstrip().startswith(FORMULA_START))
    ):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer with every cell neutralised."""

    def __init__(self, stream, *args, **kwargs):
        self._writer = csv.writer(stream, *args, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def guard_admin_exports():
    """Every CSV export of the Wagtail admin (the enquiries listing, reports, snippets) goes
    through SpreadsheetExportMixin.preprocess_field_value: neutralise its CSV cells there, once
    for all of them, rather than in each view that offers an export."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        processed = original(self, field, value, export_format)
        return neutralise(processed) if export_format == self.FORMAT_CSV else processed

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value

"""Catalogue spreadsheets (CSV or XLSX) as catalogue lines.

A sheet is one kind; its header row names catalogue-format keys. Each row becomes the JSON
line the catalogue importer reads, so a sheet is held to exactly the checks a JSON Lines file
is, and every problem can be pointed back to a row and a column of the sheet.
"""

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from promo.catalogue import spec
from promo.catalogue.importer import check_against_site
from promo.catalogue.parse import Problem, parse_file
from promo.catalogue.taxonomy import TaxonomyResolver
from promo.csv_safety import SafeWriter

FIXED_COLUMNS = ("ref", "locale")
INTEGER_KEYS = {
    "ocop_stars",
    "price_from_vnd",
    "ticket_vnd",
    "capital_vnd",
    "land_use_term_years",
    "lease_price_min_vnd",
    "lease_price_max_vnd",
    "hcmc_minutes",
    "airport_minutes",
    "seaport_minutes",
    "industrial_park_minutes",
}
NUMBER_KEYS = {
    "lat",
    "lon",
    "area_ha",
    "power_kv",
    "hcmc_km",
    "airport_km",
    "seaport_km",
    "industrial_park_km",
}
MAX_ROWS = 5000
MAX_BLANK_ROWS = 5000  # empty rows tolerated between and after the data rows
MAX_COLUMNS = 200  # far more than any kind's columns; a wider row is cut, not read
# A 5 MB upload is zip-compressed XML: its parts may expand a lot, but not this much.
MAX_XLSX_EXPANDED_BYTES = 100 * 2**20

# One example row per kind for the downloadable template; each is a valid vi line.
EXAMPLES = {
    "product": {
        "ref": "mat-ong-minh-hoa",
        "title": "Mật ong hoa cao su",
        "summary": "Mật ong nguyên chất từ rừng cao su Minh Hòa.",
        "body": "Đoạn thứ nhất.\n\nĐoạn thứ hai.",
        "tags": "mật ong, OCOP",
        "commune": "xã Minh Thạnh",
        "published": "2026-11-01",
        "producer": "HTX mẫu",
        "category": "food",
        "ocop_stars": 3,
        "price_from_vnd": 120000,
        "unit": "chai",
    },
    "fair": {
        "ref": "hoi-cho-xuan-2027",
        "title": "Hội chợ Xuân 2027",
        "summary": "Hội chợ sản phẩm địa phương dịp Tết.",
        "commune": "xã Dầu Tiếng",
        "start": "2027-01-20",
        "end": "2027-01-25",
        "venue": "Nhà văn hóa xã Dầu Tiếng",
        "organizer": "Trung tâm Xúc tiến",
        "registration_url": "https://example.com/dang-ky",
    },
    "attraction": {
        "ref": "ho-dau-tieng",
        "title": "Hồ Dầu Tiếng",
        "summary": "Hồ nước nhân tạo lớn nhất miền Đông Nam Bộ.",
        "commune": "xã Dầu Tiếng",
        "category": "nature",
        "lat": 11.33,
        "lon": 106.33,
        "opening_hours": "06:00–17:00",
        "ticket_vnd": 0,
    },
    "investment": {
        "ref": "cum-cong-nghiep-mau",
        "title": "Cụm công nghiệp mẫu",
        "summary": "Quỹ đất sạch cho chế biến nông sản.",
        "commune": "xã Dầu Tiếng",
        "sector": "manufacturing",
        "area_ha": 12.5,
        "capital_vnd": 130000000000,
        "status": "open",
        "investment_form": "land-lease",
        "incentives": "Miễn tiền thuê đất 3 năm | Nghị định 103/2024/NĐ-CP",
        "contact_email": "invest@example.com",
    },
    "news": {
        "ref": "tin-mau",
        "title": "Tin mẫu",
        "summary": "Một tin mẫu.",
        "body": "Nội dung tin.",
        "commune": "xã Dầu Tiếng",
        "published": "2026-11-01",
        "category": "economy",
    },
}


class UnreadableSheet(ValueError):
    """The upload is not a CSV or XLSX file that can be read at all."""


@dataclass
class Sheet:
    kind: str
    columns: list
    rows: list  # (sheet row number, {column: cell value as shown})
    lines: list = field(default_factory=list)  # JSON lines, one per row, same order


def columns_for(kind):
    return [*FIXED_COLUMNS, *spec.keys_for(kind)]


def read_upload(name, data):
    """(header, [(row number, [cells])]) from the bytes of a .csv or .xlsx file.

    Both readers stream: rows are counted as they are read and reading stops at the first row
    past the limit, so a small file that expands to a million rows costs no more than one of
    MAX_ROWS."""
    if name.lower().endswith(".xlsx"):
        return _read_xlsx(data)
    if name.lower().endswith(".csv"):
        return _read_csv(data)
    raise UnreadableSheet(_("Upload a .xlsx or .csv file."))


def _check_xlsx_size(data):
    """Refuse a workbook whose parts expand too much (read from the zip directory, nothing is
    decompressed) or whose sheets hold too many rows (counted while streaming their XML, up to
    the limit only). openpyxl, even read-only, reads a whole sheet to size it when the sheet
    does not state its dimensions, so this runs before openpyxl sees the file."""
    import zipfile
    from xml.etree.ElementTree import ParseError, iterparse

    unreadable = UnreadableSheet(_("The file is not a readable XLSX workbook."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if sum(info.file_size for info in parts) > MAX_XLSX_EXPANDED_BYTES:
                raise UnreadableSheet(
                    _("The workbook expands to more than %(mb)d MB; split it.")
                    % {"mb": MAX_XLSX_EXPANDED_BYTES // 2**20}
                )
            for info in parts:
                if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                    continue
                rows = 0
                with archive.open(info) as stream:
                    for _event, element in iterparse(stream, events=("start",)):
                        if element.tag.endswith("}row") or element.tag == "row":
                            rows += 1
                            if rows > MAX_ROWS + MAX_BLANK_ROWS + 1:
                                raise UnreadableSheet(_too_many_rows())
    except UnreadableSheet:
        raise
    except (zipfile.BadZipFile, ParseError, ValueError, OSError, EOFError) as exc:
        raise unreadable from exc


def _too_many_rows():
    return _("The sheet has more than %(max)d rows; split it.") % {"max": MAX_ROWS}


def _read_xlsx(data):
    from openpyxl import load_workbook

    _check_xlsx_size(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        raise UnreadableSheet(_("The file is not a readable XLSX workbook.")) from exc
    try:
        sheet = book.worksheets[0]
        return _split(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS))
    except UnreadableSheet:
        raise
    except Exception as exc:  # damaged XML inside a valid zip
        raise UnreadableSheet(_("The file is not a readable XLSX workbook.")) from exc
    finally:
        book.close()


def _read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableSheet(_("The CSV file is not UTF-8 text.")) from exc
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        return _split(row[:MAX_COLUMNS] for row in reader)
    except csv.Error as exc:
        # e.g. a cell over the csv module's 128 KiB field limit, or an unclosed quote
        raise UnreadableSheet(
            _("Row %(row)d of the CSV file cannot be read (%(error)s).")
            % {"row": reader.line_num, "error": exc}
        ) from exc


def _split(rows):
    """Header and non-empty body rows from an iterator of rows, read no further than needed
    to know that there are too many."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        raise UnreadableSheet(_("The sheet is empty."))
    header = [str(c).strip() if c is not None else "" for c in first]
    body = []
    too_many = _too_many_rows()
    for number, cells in enumerate(rows, 2):
        if number > MAX_ROWS + MAX_BLANK_ROWS + 1:
            raise UnreadableSheet(too_many)  # blank (formatted) rows count here, to bound work
        if any(_present(c) for c in cells):
            if len(body) == MAX_ROWS:
                raise UnreadableSheet(too_many)
            body.append((number, list(cells)))
    return header, body


def _present(cell):
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def cell_value(key, cell):
    """The JSON value of one non-empty cell under `key`."""
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if key == "tags":
        return [t.strip() for t in str(cell).split(",") if t.strip()]
    if key == "incentives":  # one per line: "incentive | legal basis"
        items = []
        for row in str(cell).splitlines():
            text, _bar, basis = row.partition("|")
            if text.strip():
                items.append({"text": text.strip(), **({"basis": basis.strip()} if basis.strip() else {})})
        return items
    if key in INTEGER_KEYS | NUMBER_KEYS:
        return _number(cell, integer=key in INTEGER_KEYS)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a code or name typed as a number, e.g. a ref "2027"
    if isinstance(cell, (int, float)):
        return str(cell)
    return str(cell).strip()


def _number(cell, integer):
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, str):
        text = cell.strip().replace(" ", "")
        for convert in (int, float):
            try:
                cell = convert(text)
                break
            except ValueError:
                continue
        else:
            return cell.strip()  # left as text so the format check names the problem
    if isinstance(cell, float) and integer and cell.is_integer():
        return int(cell)
    return cell


def build_sheet(kind, header, body):
    """A Sheet whose `lines` are the catalogue lines of the rows, plus header problems."""
    problems = []
    allowed = set(columns_for(kind)) | {"kind"}
    for column in header:
        if column and column not in allowed:
            problems.append(Problem(1, column, f"is not a column of a {kind} sheet"))
    sheet = Sheet(kind, [c for c in header if c], [])
    for number, cells in body:
        shown, line = {}, {}
        for column, cell in zip(header, cells, strict=False):  # rows may be ragged
            if not column or not _present(cell):
                continue
            shown[column] = cell_value(column, cell) if column != "kind" else str(cell).strip()
            if column in allowed and column != "kind":
                line[column] = shown[column]
        line["kind"] = kind  # a "kind" column may only repeat it; check() says if not
        if isinstance(shown.get("tags"), list):
            shown["tags"] = ", ".join(shown["tags"])
        if isinstance(shown.get("incentives"), list):
            shown["incentives"] = "\n".join(
                " | ".join(filter(None, (i.get("text"), i.get("basis")))) for i in shown["incentives"]
            )
        sheet.rows.append((number, shown))
        sheet.lines.append(line)
    return sheet, problems


def check(sheet):
    """(records, problems) with each problem's `line` being the sheet row it is about."""
    raw = [json.dumps(line, ensure_ascii=False) + "\n" for line in sheet.lines]
    records, problems = parse_file(raw)
    row_of = {index: number for index, (number, _) in enumerate(sheet.rows, 1)}
    resolver = TaxonomyResolver()
    # Site checks run on the rows that parsed, so all problems show at once; a translation
    # whose vi row failed above is not reported again as having no vi row.
    vi_refs = {line.get("ref") for line in sheet.lines if line.get("locale") == "vi"}
    problems += [
        p
        for p in check_against_site(records, resolver)
        if not (p.key == "locale" and p.message.split(" ", 1)[0] in vi_refs)
    ]
    problems += _taxonomy_problems(sheet, {r.line for r in records}, resolver)
    problems += [
        Problem(index, "kind", f"this sheet is imported as {sheet.kind} (got {shown['kind']!r})")
        for index, (_number, shown) in enumerate(sheet.rows, 1)
        if shown.get("kind", sheet.kind) != sheet.kind
    ]
    for record in records:
        record.line = row_of[record.line]
    return records, [Problem(row_of.get(p.line, p.line), p.key, p.message) for p in problems]


def _taxonomy_problems(sheet, parsed, resolver):
    """Unknown communes, categories and sectors in rows that failed other checks, which the
    importer's own site check never sees."""
    problems = []
    keys = [k for k in spec.keys_for(sheet.kind).values() if k.taxonomy]
    for index, line in enumerate(sheet.lines, 1):
        if index in parsed:
            continue
        for key in keys:
            word = line.get(key.name)
            if isinstance(word, str) and word.strip():
                try:
                    resolver.resolve(key.taxonomy, word, "vi")
                except LookupError as exc:
                    problems.append(Problem(index, key.name, str(exc)))
    return problems


def template_rows(kind):
    example = EXAMPLES[kind]
    columns = columns_for(kind)
    row = [example.get(c, "vi" if c == "locale" else "") for c in columns]
    return columns, row


def template_xlsx(kind):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns, row = template_rows(kind)
    book = Workbook()
    sheet = book.active
    sheet.title = kind
    sheet.append(columns)
    sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_csv(kind):
    columns, row = template_rows(kind)
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow(columns)
    writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel then reads it as UTF-8

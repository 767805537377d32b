"""The project's makemessages keeps one msgid in one catalogue and never loses a translation."""

import polib

from promo.management.commands import makemessages as command


def _catalogue(path, entries):
    path.parent.mkdir(parents=True, exist_ok=True)
    po = polib.POFile()
    po.metadata = {
        "Language": "vi",
        "Content-Type": "text/plain; charset=UTF-8",
        "POT-Creation-Date": "2026-01-01 00:00+0700",
    }
    for entry in entries:
        po.append(entry)
    po.save(str(path))


def test_a_msgid_two_catalogues_hold_moves_to_the_project_catalogue_with_its_translation(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    for app in ("alpha", "beta"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
    po = "vi/LC_MESSAGES/django.po"
    # msgmerge guessed the project catalogue's "Filter" from "Filter results": a wrong translation
    _catalogue(
        tmp_path / "locale" / po,
        [
            polib.POEntry(
                msgid="Filter", msgstr="Lọc kết quả", flags=["fuzzy"], previous_msgid="Filter results"
            ),
            polib.POEntry(msgid="Search", msgstr="Tìm kiếm"),
        ],
    )
    _catalogue(
        tmp_path / "alpha" / "locale" / po,
        [polib.POEntry(msgid="Filter", msgstr="Lọc", occurrences=[("alpha/views.py", "")])],
    )
    _catalogue(
        tmp_path / "beta" / "locale" / po,
        [
            polib.POEntry(msgid="Filter", msgstr="", occurrences=[("beta/views.py", "")]),
            polib.POEntry(msgid="Only beta", msgstr="Chỉ beta"),
        ],
    )
    known = command.known_translations("vi")
    dates = command.creation_dates("vi")
    assert command.settle("vi", known, dates) == 0

    project = polib.pofile(str(tmp_path / "locale" / po))
    entry = project.find("Filter")
    assert entry.msgstr == "Lọc" and "fuzzy" not in entry.flags and entry.previous_msgid is None
    assert sorted(path for path, _line in entry.occurrences) == ["alpha/views.py", "beta/views.py"]
    assert polib.pofile(str(tmp_path / "alpha" / "locale" / po)).find("Filter") is None
    beta = polib.pofile(str(tmp_path / "beta" / "locale" / po))
    assert beta.find("Filter") is None and beta.find("Only beta").msgstr == "Chỉ beta"
    assert project.metadata["POT-Creation-Date"] == "2026-01-01 00:00+0700"

"""Write and compile gettext catalogues with polib (no GNU gettext needed).

Shared by the developer scripts `locale/fill_translations.py` and `<app>/locale/fill_translations.py`,
which keep each catalogue's translation table and put this folder on sys.path to import it (they are
run as `.venv/bin/python <app>/locale/fill_translations.py`). A table maps a msgid to its translations,
one per language in the order of `langs`; these languages have one plural form, so a plural entry
has one translation per language too.

- write_catalog: the table is the whole catalogue; django.po is written afresh.
- fill_catalog: django.po is the one makemessages left; the entries the table knows are filled in.

Either way each django.po is saved and compiled to the django.mo beside it.
"""
from pathlib import Path

import polib

LANGS = ("vi", "ko", "ja", "zh_Hans")
ONE_PLURAL_FORM = "nplurals=1; plural=0;"
CONTENT_TYPE = "text/plain; charset=UTF-8"


def save(po, po_path):
    """Save `po` to `po_path` (…/django.po) and compile it to the .mo file beside it."""
    po.save(str(po_path))
    po.save_as_mofile(str(Path(po_path).with_suffix(".mo")))


def _flags(msgid, python_format):
    return ["python-format"] if python_format and "%(" in msgid else []


def write_catalog(locale_dir, project, table, plurals=None, langs=LANGS, *,
                  plural_forms=ONE_PLURAL_FORM, python_format=True, wrapwidth=78):
    """Write `<locale_dir>/<lang>/LC_MESSAGES/django.po` for each of `langs` and compile it.

    The entries are `table` ({msgid: translations}) then `plurals` ({(msgid, msgid_plural):
    translations}), in their order. `project` (Project-Id-Version) and `plural_forms` are left out
    of the header when None. With `python_format`, a msgid containing "%(" is flagged
    python-format. Returns the number of messages in each catalogue.
    """
    plurals = plurals or {}
    for index, lang in enumerate(langs):
        po = polib.POFile(wrapwidth=wrapwidth)
        po.metadata = {"Language": lang, "MIME-Version": "1.0", "Content-Type": CONTENT_TYPE,
                       "Content-Transfer-Encoding": "8bit"}
        if project is not None:
            po.metadata["Project-Id-Version"] = project
        if plural_forms is not None:
            po.metadata["Plural-Forms"] = plural_forms
        for msgid, texts in table.items():
            po.append(polib.POEntry(msgid=msgid, msgstr=texts[index], flags=_flags(msgid, python_format)))
        for (msgid, msgid_plural), texts in plurals.items():
            po.append(polib.POEntry(msgid=msgid, msgid_plural=msgid_plural, msgstr_plural={0: texts[index]},
                                    flags=_flags(msgid, python_format)))
        target = Path(locale_dir) / lang / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        save(po, target / "django.po")
    return len(table) + len(plurals)


def _translated(entry):
    return bool(entry.msgstr or entry.msgstr_plural.get(0))


def fill_catalog(locale_dir, lookup, langs=LANGS, *, metadata=None, overwrite=False,
                 fill_obsolete=False, report_translated=True):
    """Fill the existing `<locale_dir>/<lang>/LC_MESSAGES/django.po` for each of `langs` and compile it.

    `lookup(entry)` returns the entry's translations (in the order of `langs`) or None when the
    table lacks it. An entry the table knows gets its translation when it is empty or fuzzy, or
    always with `overwrite`, and loses its fuzzy flag; obsolete entries are passed over unless
    `fill_obsolete`. `metadata` (and the Language) is written into the header when given.
    Returns the msgids the table lacks: all of them, or only the untranslated ones when not
    `report_translated`.
    """
    missing = set()
    for index, lang in enumerate(langs):
        path = Path(locale_dir) / lang / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(path))
        if metadata is not None:
            po.metadata.update(metadata)
            po.metadata["Language"] = lang
        for entry in po:
            if entry.obsolete and not fill_obsolete:
                continue
            texts = lookup(entry)
            if texts is None:
                if report_translated or not _translated(entry):
                    missing.add(entry.msgid)
                continue
            fuzzy = "fuzzy" in entry.flags
            if overwrite or fuzzy or not _translated(entry):
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: texts[index]}
                else:
                    entry.msgstr = texts[index]
            if fuzzy:
                entry.flags.remove("fuzzy")
        save(po, path)
    return missing

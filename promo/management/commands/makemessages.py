"""Django's makemessages, with this project's catalogue layout and defaults.

Where a string lives:
- in the catalogue of the one app that uses it: `<app>/locale/` for the apps that have one
  (their code and their templates in `templates/<app>/`; Django alone would send the shared
  `templates/` folder to the project catalogue);
- in the project catalogue `locale/` when it is not an app's own, or when several catalogues
  would hold it (a word like "Email" used by two apps): one msgid, one place, one translation.
  A word that means different things in two places gets a context instead
  (`pgettext_lazy("person", "name")`, `{% translate "Open" context "opening hours" %}`).

A translation is never lost by a run: when a string moves between catalogues (its code moved,
or a second app started using it), it keeps the translation it had, and msgmerge's guesses
(fuzzy entries) are replaced by the exact translation when one exists anywhere.

Defaults (each can still be given on the command line): the catalogue languages when no
locale is named, file names without line numbers as locations (a translator sees where a
string is used; moving code inside a file does not rewrite catalogues), no obsolete entries,
and the folders that are not the site (tests, benchmarks, node_modules, var, …) left out.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.commands import makemessages

from promo.languages import catalogue_locales

# The languages with a catalogue: every interface language but English, the msgids' language.
CATALOGUE_LOCALES = tuple(catalogue_locales())
NOT_THE_SITE = ["tests", "bench", "node_modules", "var", "static", "media", "docs", "scripts"]
PO_WRAP_WIDTH = 79


def project_root() -> Path:
    return Path(settings.BASE_DIR).resolve()


def project_locale_dir() -> Path:
    return Path(settings.LOCALE_PATHS[0]).resolve()


def catalogue_dirs() -> list[Path]:
    """Every catalogue folder: the project's first, then each app's, by name."""
    root = project_root()
    apps = sorted(p for p in root.glob("*/locale") if p.is_dir() and (p.parent / "__init__.py").exists())
    return [project_locale_dir(), *apps]


def owning_locale_dir(path: Path, root: Path) -> Path | None:
    """`<app>/locale` for a file in `templates/<app>/…` when that app has a catalogue, else None."""
    try:
        relative = path.resolve().relative_to(root / "templates")
    except ValueError:
        return None
    if len(relative.parts) < 2:
        return None
    candidate = root / relative.parts[0] / "locale"
    return candidate if candidate.is_dir() else None


def po_path(locale_dir: Path, locale: str) -> Path:
    return locale_dir / locale / "LC_MESSAGES" / "django.po"


def entry_key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def is_translated(entry) -> bool:
    if "fuzzy" in entry.flags or entry.obsolete:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def known_translations(locale: str) -> dict:
    """(msgctxt, msgid, msgid_plural) -> translated entry, from every catalogue of `locale`."""
    known = {}
    for locale_dir in catalogue_dirs():
        path = po_path(locale_dir, locale)
        if path.exists():
            for entry in polib.pofile(str(path)):
                if is_translated(entry):
                    known.setdefault(entry_key(entry), entry)
    return known


def give_translation(entry, source) -> None:
    if entry.msgid_plural:
        entry.msgstr_plural = dict(source.msgstr_plural)
    else:
        entry.msgstr = source.msgstr
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    entry.previous_msgctxt = entry.previous_msgid = entry.previous_msgid_plural = None


def creation_dates(locale: str) -> dict:
    """{catalogue folder: POT-Creation-Date} of `locale`'s catalogues before a run."""
    dates = {}
    for locale_dir in catalogue_dirs():
        path = po_path(locale_dir, locale)
        if path.exists():
            dates[locale_dir] = polib.pofile(str(path)).metadata.get("POT-Creation-Date", "")
    return dates


def settle(locale: str, known: dict, dates: dict | None = None) -> int:
    """Move the msgids several catalogues hold to the project catalogue; restore translations.
    A catalogue keeps its POT-Creation-Date (`dates`): that header changing on every run would
    only make merges of parallel work conflict.

    Returns how many entries of `locale` are left untranslated or fuzzy.
    """
    dirs = [d for d in catalogue_dirs() if po_path(d, locale).exists()]
    catalogues = {d: polib.pofile(str(po_path(d, locale)), wrapwidth=PO_WRAP_WIDTH) for d in dirs}
    project = project_locale_dir()
    holders = {}
    for locale_dir, po in catalogues.items():
        for entry in po:
            holders.setdefault(entry_key(entry), []).append(locale_dir)
    shared = {key for key, where in holders.items() if len(where) > 1}
    if shared and project in catalogues:
        project_po = catalogues[project]
        moved = []
        for key in sorted(shared, key=lambda k: (k[1], k[0] or "", k[2] or "")):
            entries = [catalogues[d].find(key[1], msgctxt=key[0]) for d in holders[key]]
            entries = [e for e in entries if e is not None]
            target = project_po.find(key[1], msgctxt=key[0])
            if target is None:
                target = polib.POEntry(
                    msgid=key[1],
                    msgctxt=key[0],
                    msgid_plural=key[2] or "",
                    msgstr_plural={0: ""} if key[2] else {},
                )
                moved.append(target)
            places = {tuple(o) for e in entries for o in e.occurrences}
            target.occurrences = sorted(places)
            # a guess msgmerge made for the target stays marked as one, to be replaced below
            guessed = {"fuzzy"} if "fuzzy" in target.flags else set()
            target.flags = sorted({f for e in entries for f in e.flags if f != "fuzzy"} | guessed)
            for locale_dir in holders[key]:
                if locale_dir != project:
                    app_po = catalogues[locale_dir]
                    app_po.remove(app_po.find(key[1], msgctxt=key[0]))
        project_po.extend(moved)
    left = 0
    for po in catalogues.values():
        for entry in po:
            if not is_translated(entry) and entry_key(entry) in known:
                give_translation(entry, known[entry_key(entry)])
            left += not is_translated(entry)
    for locale_dir, po in catalogues.items():
        if (dates or {}).get(locale_dir):
            po.metadata["POT-Creation-Date"] = dates[locale_dir]
        po.save(str(po_path(locale_dir, locale)))
    return left


class Command(makemessages.Command):
    help = makemessages.Command.help + " This project's layout: one catalogue per msgid."

    def handle(self, *args, **options):
        if not (options["locale"] or options["exclude"] or options["all"]):
            options["locale"] = list(CATALOGUE_LOCALES)
        if options["domain"] != "django":
            return super().handle(*args, **options)
        options["ignore_patterns"] = list(options["ignore_patterns"] or []) + NOT_THE_SITE
        if not options.get("add_location"):
            options["add_location"] = "file"
        options["no_obsolete"] = True
        locales = options["locale"] or list(CATALOGUE_LOCALES)
        known = {locale: known_translations(locale) for locale in locales}
        dates = {locale: creation_dates(locale) for locale in locales}
        super().handle(*args, **options)
        for locale in locales:
            left = settle(locale, known[locale], dates[locale])
            if left:
                self.stdout.write(f"{locale}: {left} entries to translate (untranslated or fuzzy)")
        self.stdout.write(
            f"Catalogues updated for {', '.join(locales)}; "
            "translate the new entries, then run compilemessages."
        )

    def find_files(self, root):
        files = super().find_files(root)
        base = project_root()
        for translatable in files:
            locale_dir = owning_locale_dir(Path(translatable.dirpath) / translatable.file, base)
            if locale_dir is not None:
                translatable.locale_dir = str(locale_dir)
        return files

"""The interface catalogues: complete, in step with the code, one home per string, compiled.

The `.po` files are the source of truth (README, "Translating the interface"). These tests are the
CI gate on them:
- `makemessages` (the project's, run on a copy of the sources) would change no catalogue: every
  marked string is in its catalogue and no catalogue holds a string the code no longer has;
- `msgfmt --check --statistics` finds no untranslated and no fuzzy entry in vi, ko, ja, zh_Hans;
- each msgid (with its context) lives in exactly one catalogue;
- the compiled `.mo` files say what the `.po` files say;
- at run time, through Django, every marked string comes out translated (not the English copy).
Needs GNU gettext (`xgettext`, `msgmerge`, `msgfmt`), which `.ci/run` installs.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE_LOCALES = ("vi", "ko", "ja", "zh_Hans")
LANGUAGES = ("vi", "ko", "ja", "zh-hans")
SKIP_DIRS = {".venv", ".git", "node_modules", "var", "media", "__pycache__", ".pytest_cache", ".ruff_cache"}
# Header fields a makemessages run rewrites by itself.
VOLATILE_HEADERS = {"POT-Creation-Date"}
# Strings whose translation is rightly the same text in that language.
SAME_TEXT = {
    "vi": {
        "email",
        "Email",
        "%(area)s ha",
        "OCOP",
        "Email: %(email)s",
        "Singapore",
        "Malaysia",
        "Indonesia",
        "Philippines",
        "New Zealand",
        "Canada",
        "Israel",
    },
    "ko": {"%(area)s ha", "OCOP"},
    "ja": {"%(area)s ha", "OCOP"},
    "zh-hans": {"OCOP"},
}
# Number and money layouts of the investment facts (promo/investment): only punctuation to
# translate, and in these languages it is the same.
_LAYOUTS = {
    "≈ %(amount)s",
    "(≈ %(amount)s)",
    "(≈ %(usd)s, %(rate)s)",
    "%(vnd)s (%(usd)s, %(rate)s)",
    "%(name)s: %(distance)s",
    "%(kv)s kV",
    "%(low)s–%(high)s",
    "%(low)s–%(high)s %(unit)s",
}
SAME_TEXT["vi"] |= _LAYOUTS
SAME_TEXT["ko"] |= _LAYOUTS - {"%(low)s–%(high)s", "%(low)s–%(high)s %(unit)s"}
SAME_TEXT["ja"] |= {"≈ %(amount)s", "%(kv)s kV"}
SAME_TEXT["zh-hans"] |= {"≈ %(amount)s", "%(low)s–%(high)s", "%(low)s–%(high)s %(unit)s"}


def catalogue_files(root: Path) -> list[Path]:
    return sorted(
        p.relative_to(root)
        for p in root.glob("**/locale/*/LC_MESSAGES/django.po")
        if not SKIP_DIRS.intersection(p.relative_to(root).parts)
    )


def _copy_sources(target: Path):
    def ignore(directory, names):
        return [n for n in names if n in SKIP_DIRS or n.endswith((".mo", ".pyc"))]

    shutil.copytree(ROOT, target, ignore=ignore, symlinks=True)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """A copy of the sources after the project's `manage.py makemessages`."""
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext is not installed (apt-get install gettext)")
    copy = tmp_path_factory.mktemp("sources") / "site"
    _copy_sources(copy)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "promo.settings.test"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return copy


def _content(po_path: Path):
    po = polib.pofile(str(po_path))
    header = {k: v for k, v in po.metadata.items() if k not in VOLATILE_HEADERS}
    entries = {}
    for e in po:
        entries[(e.msgctxt, e.msgid, e.msgid_plural)] = (
            e.msgstr,
            tuple(sorted(e.msgstr_plural.items())),
            tuple(sorted(e.flags)),
            tuple(sorted(path for path, _line in e.occurrences)),
            e.obsolete,
        )
    return header, entries


def test_makemessages_would_change_no_catalogue(regenerated):
    assert catalogue_files(regenerated) == catalogue_files(ROOT), "makemessages adds or drops a catalogue"
    problems = []
    for relative in catalogue_files(ROOT):
        header, entries = _content(ROOT / relative)
        new_header, new_entries = _content(regenerated / relative)
        if header != new_header:
            problems.append(f"{relative}: header {header} becomes {new_header}")
        for key in new_entries.keys() - entries.keys():
            context = f" (context {key[0]!r})" if key[0] else ""
            problems.append(f"{relative}: new string {key[1]!r}{context}")
        for key in entries.keys() - new_entries.keys():
            problems.append(f"{relative}: string no longer used {key[1]!r}")
        for key in entries.keys() & new_entries.keys():
            if entries[key] != new_entries[key]:
                problems.append(f"{relative}: {key[1]!r} changes: {entries[key]} -> {new_entries[key]}")
    assert not problems, (
        "The catalogues are not in step with the code; run `manage.py makemessages`, "
        "translate what is new, then `manage.py compilemessages`:\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("locale", CATALOGUE_LOCALES)
def test_no_untranslated_or_fuzzy_entry(locale):
    if not shutil.which("msgfmt"):
        pytest.fail("GNU gettext is not installed (apt-get install gettext)")
    problems = []
    for relative in catalogue_files(ROOT):
        if relative.parts[-3] != locale:
            continue
        result = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(ROOT / relative)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        report = result.stderr.strip().splitlines()
        statistics = report[-1] if report else ""
        if result.returncode or "fuzzy" in statistics or "untranslated" in statistics:
            problems.append(f"{relative}: {result.stderr.strip()}")
    assert not problems, "\n".join(problems)


def test_each_string_lives_in_one_catalogue():
    homes = {}
    for relative in catalogue_files(ROOT):
        if relative.parts[-3] != "vi":
            continue
        for entry in polib.pofile(str(ROOT / relative)):
            homes.setdefault((entry.msgctxt, entry.msgid), []).append(str(relative.parts[0]))
    shared = {key: where for key, where in homes.items() if len(where) > 1}
    assert not shared, f"msgids in several catalogues (run makemessages): {shared}"


def test_compiled_catalogues_match_their_sources():
    stale = []
    for relative in catalogue_files(ROOT):
        mo_path = (ROOT / relative).with_suffix(".mo")
        if not mo_path.exists():
            stale.append(f"{relative}: no .mo")
            continue
        source = {
            (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural.get(0) or e.msgstr_plural.get("0"))
            for e in polib.pofile(str(ROOT / relative))
            if e.translated()
        }
        compiled = {
            (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural.get(0) or e.msgstr_plural.get("0"))
            for e in polib.mofile(str(mo_path))
            if e.msgid
        }
        if source != compiled:
            stale.append(str(relative))
    assert not stale, f"run `manage.py compilemessages`: {stale}"


@pytest.fixture(scope="module")
def marked_strings(regenerated):
    entries = {}
    for relative in catalogue_files(regenerated):
        if relative.parts[-3] == "vi":
            for entry in polib.pofile(str(regenerated / relative)):
                if entry.msgid and not entry.obsolete:
                    entries[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = entry
    assert len(entries) > 300, "makemessages found suspiciously few strings"
    return list(entries.values())


def _translated(entry):
    if entry.msgid_plural:
        if entry.msgctxt:
            return translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
        return translation.ngettext(entry.msgid, entry.msgid_plural, 1)
    if entry.msgctxt:
        return translation.pgettext(entry.msgctxt, entry.msgid)
    return translation.gettext(entry.msgid)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_translated(marked_strings, language):
    missing = []
    with translation.override(language):
        for entry in marked_strings:
            if _translated(entry) == entry.msgid and entry.msgid not in SAME_TEXT[language]:
                missing.append(entry.msgid)
    assert not missing, f"{len(missing)} strings have no {language} translation: {missing}"

"""Every string the site marks for translation is translated into vi, ko, ja and zh-hans.

The msgids come from Django's own `makemessages` run on a copy of the sources (so a new string
in a template or model is caught the day it is written); the translations are looked up through
Django at run time, from whichever app's catalogue holds them — exactly what a visitor sees.
Needs GNU gettext (`xgettext`), which `make install-test` checks for.
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
LANGUAGES = ("vi", "ko", "ja", "zh-hans")
SKIP_DIRS = {".venv", ".git", "node_modules", "var", "tests", "bench", "media", "static",
             "__pycache__", ".pytest_cache", ".ruff_cache"}
# Strings whose translation is rightly the same text in that language.
SAME_TEXT = {
    "vi": {"email", "Email", "%(area)s ha", "OCOP", "Email: %(email)s", "Singapore", "Malaysia",
           "Indonesia", "Philippines", "New Zealand", "Canada", "Israel"},
    "ko": {"%(area)s ha", "OCOP"},
    "ja": {"%(area)s ha", "OCOP"},
    "zh-hans": {"OCOP"},
}
# Number and money layouts of the investment facts (promo/investment): only punctuation to
# translate, and in these languages it is the same.
_LAYOUTS = {"≈ %(amount)s", "(≈ %(amount)s)", "(≈ %(usd)s, %(rate)s)", "%(vnd)s (%(usd)s, %(rate)s)",
            "%(name)s: %(distance)s", "%(kv)s kV", "%(low)s–%(high)s", "%(low)s–%(high)s %(unit)s"}
SAME_TEXT["vi"] |= _LAYOUTS
SAME_TEXT["ko"] |= _LAYOUTS - {"%(low)s–%(high)s", "%(low)s–%(high)s %(unit)s"}
SAME_TEXT["ja"] |= {"≈ %(amount)s", "%(kv)s kV"}
SAME_TEXT["zh-hans"] |= {"≈ %(amount)s", "%(low)s–%(high)s", "%(low)s–%(high)s %(unit)s"}


def _copy_sources(target: Path):
    def ignore(directory, names):
        return [n for n in names if n in SKIP_DIRS or n.endswith((".mo", ".pyc"))]

    shutil.copytree(ROOT, target, ignore=ignore, symlinks=True)


@pytest.fixture(scope="module")
def marked_strings(tmp_path_factory):
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext is not installed (apt-get install gettext)")
    copy = tmp_path_factory.mktemp("sources") / "site"
    _copy_sources(copy)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "promo.settings.test"}
    subprocess.run([sys.executable, "manage.py", "makemessages", "-l", "vi", "--no-location",
                    "--no-obsolete"], cwd=copy, env=env, check=True, capture_output=True,
                   timeout=300)
    entries = {}
    for po_path in copy.glob("**/locale/vi/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(po_path)):
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

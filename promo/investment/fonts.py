"""The font of the PDF profiles: Noto Sans CJK (SIL Open Font License), one OpenType file that
covers Vietnamese, Latin, Hangul, kana and Han characters, installed from PyPI with the other
requirements (package `cvttf-NotoSansCJK-Regular`) so that `make run` needs nothing else. The
PDF embeds only the glyphs a profile uses (fpdf2 subsets it), about 25–60 KB a file.

Settings: PROFILE_PDF_FONT (a path) replaces it, e.g. with a distribution's copy."""

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from django.conf import settings

PACKAGE = "cvttf_NotoSansCJK_Regular"
FILENAME = "NotoSansCJKtc-Regular.otf"
# Noto Sans CJK TC 1.004 (Adobe/Google): a changed file is a changed dependency, not a detail.
SHA256 = "f57e46120a3dd025ac993801981849622405d1359b32093b1f046490f7885711"


class FontMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def profile_font():
    """Path of the font file, checked once per process."""
    configured = getattr(settings, "PROFILE_PDF_FONT", "")
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise FontMissing(f"PROFILE_PDF_FONT={configured} is not a file")
        return path
    try:
        path = Path(str(resources.files(PACKAGE) / FILENAME))
    except ModuleNotFoundError as exc:
        raise FontMissing(
            f"the PDF font package is not installed (pip install -r requirements.txt): {exc}"
        ) from exc
    if not path.is_file():
        raise FontMissing(f"{path} is missing; reinstall {PACKAGE}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SHA256:
        raise FontMissing(f"{path} is not the expected Noto Sans CJK 1.004 file (sha256 {digest})")
    return path

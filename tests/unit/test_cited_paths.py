"""Every file or folder the documentation and the code cite exists in the repository.

A newcomer follows these paths first; a path that went away (or was never in the repository)
sends them nowhere. Checked: backticked paths in README.md and docs/*.md (relative to the
repository, or to docs/ for a bare file name), and `docs/….md` cited from Python modules.
"""

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SOURCE_DIRS = [p for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()]
SOURCE_DIRS += [ROOT / "tests", ROOT / "bench", ROOT / "scripts"]

# A backticked token that looks like a repository path: a top-level folder with a slash, or a
# file name with a known extension. Globs, placeholders (<app>, …) and URLs are not paths.
EXTENSIONS = ("py", "md", "html", "js", "css", "txt", "toml", "lock", "jsonl", "json", "sh", "conf", "yml")
PATH_RE = re.compile(r"`([A-Za-z0-9_./-]+(?:/|\.(?:" + "|".join(EXTENSIONS) + r")))`")
CITED_DOC_RE = re.compile(r"\bdocs/[A-Za-z0-9_-]+\.md\b")
TOP_LEVEL = {p.name for p in ROOT.iterdir()}
# What exists only at run time (var/ is git-ignored; the others are URLs or generated files),
# and values that merely look like paths (a bucket prefix in a settings table).
NOT_REPOSITORY_FILES = {"var", "robots.txt", "sitemap.xml", "manifest.json", "dautieng"}


def tracked_names():
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False)
    names = {Path(line).name for line in listed.stdout.splitlines()}
    return names | {p.name for p in ROOT.rglob("*.py") if ".venv" not in p.parts}


def resolve(doc, token):
    """The candidate locations of `token` cited from `doc` (None when it is not a path)."""
    token = token.rstrip("/")
    if "*" in token or token.startswith(("http", "/", "<")) or "…" in token:
        return None
    if token.split("/")[0] in NOT_REPOSITORY_FILES:
        return None
    candidates = [ROOT / token, doc.parent / token]
    first = token.split("/")[0]
    if "/" in token and first not in TOP_LEVEL and first not in {".", ".."}:
        # a path relative to an app (`models/fairs.py` in a promo paragraph): any app holding it
        candidates += [folder / token for folder in SOURCE_DIRS]
    return candidates


def cited_in_docs():
    names = tracked_names()
    for doc in DOCS:
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            for token in PATH_RE.findall(line):
                candidates = resolve(doc, token)
                if candidates is not None and "/" not in token.rstrip("/") and token in names:
                    continue  # a file named in its paragraph's context (`sqlite.py` of engines/)
                if candidates is not None:
                    yield f"{doc.relative_to(ROOT)}:{number} `{token}`", candidates


def cited_in_code():
    for folder in SOURCE_DIRS:
        for path in folder.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                for token in CITED_DOC_RE.findall(line):
                    yield f"{path.relative_to(ROOT)}:{number} {token}", [ROOT / token]


def test_documents_cite_only_paths_that_exist():
    missing = [where for where, candidates in cited_in_docs() if not any(c.exists() for c in candidates)]
    assert not missing, "cited but not in the repository:\n" + "\n".join(missing)


def test_code_cites_only_documents_that_exist():
    missing = [where for where, candidates in cited_in_code() if not any(c.exists() for c in candidates)]
    assert not missing, "cited but not in the repository:\n" + "\n".join(missing)


@pytest.mark.parametrize("token", ["docs/" + "nothing-here.md", "promo/models/nowhere.py"])
def test_a_missing_path_is_caught(token):
    candidates = resolve(ROOT / "docs" / "DESIGN.md", token)
    assert candidates and not any(c.exists() for c in candidates)

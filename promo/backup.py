"""Backups of the whole portal in one archive: the database and the media files.

An archive (`.tar.gz`) holds `manifest.json` (what, when, which database, checksums, counts),
the database (`database.sqlite3`, copied with SQLite's online backup API while the site runs,
or `database.pgdump` from `pg_dump --format=custom`) and `media/` (images, renditions,
documents). The search index is not in it: it is rebuilt from the database
(`manage.py search_index rebuild`).

Both directions write nothing half-done: the archive is written under a temporary name and
renamed; a restore checks the whole archive, unpacks it beside the media folder, replaces the
database in one step (SQLite backup API, or `pg_restore --single-transaction`), then swaps the
media folder in with a rename.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

FORMAT = "dautieng-backup"
VERSION = 1
DB_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
WAGTAIL_PLACEHOLDER = "wagtailcore.page"


class BackupError(Exception):
    """Something the person running the command can act on; the message says what."""


@dataclass
class Summary:
    path: Path
    database_bytes: int
    media_files: int
    media_bytes: int
    seconds: float


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _vendor():
    if connection.vendor not in DB_FILES:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {connection.vendor}")
    return connection.vendor


def _pg_env(settings_dict):
    env = {**os.environ}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[name] = str(settings_dict[key])
    return env


def _run(command, env, what):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)"
        ) from None
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.strip()[-800:]}")


def dump_database(target, progress=None):
    """Copy the live database into `target`."""
    vendor = _vendor()
    if vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:

            def step(status, remaining, total):
                if progress and total:
                    progress(total - remaining, total)

            # Copies a consistent snapshot while the site keeps serving (online backup API).
            connection.connection.backup(destination, pages=256, progress=step)
        finally:
            destination.close()
    else:
        settings_dict = connection.settings_dict
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={target}",
                settings_dict["NAME"],
            ],
            _pg_env(settings_dict),
            "pg_dump",
        )


def _media_files(root):
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def site_contents():
    """What a restore would overwrite, by kind (counts); all zero on an empty site."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    pages = Page.objects.filter(depth__gt=1).exclude(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    )
    return {
        "users": get_user_model().objects.count(),
        "pages": pages.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "media files": len(_media_files(settings.MEDIA_ROOT)),
    }


def _latest_migrations():
    from django.db.migrations.recorder import MigrationRecorder

    latest = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return latest


def backup(output, keep=None, progress=print):
    """Write a backup archive; `output` is a file name or a directory. Returns a Summary."""
    started = time.monotonic()
    output = Path(output)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    if output.is_dir() or str(output).endswith(os.sep) or not output.suffix:
        output.mkdir(parents=True, exist_ok=True)
        target = output / f"dautieng-backup-{stamp}.tar.gz"
    else:
        if not output.parent.is_dir():
            raise BackupError(f"folder {output.parent} does not exist")
        target = output
    vendor = _vendor()
    media = _media_files(settings.MEDIA_ROOT)
    partial = target.with_name(target.name + ".partial")
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as work:
        db_file = Path(work) / DB_FILES[vendor]
        progress(f"database ({vendor}): copying …")
        dump_database(db_file)
        db_bytes = db_file.stat().st_size
        progress(f"database: {db_bytes / 1e6:.1f} MB")
        media_bytes = sum(p.stat().st_size for p in media)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "site": settings.WAGTAIL_SITE_NAME,
            "database": {
                "vendor": vendor,
                "file": db_file.name,
                "bytes": db_bytes,
                "sha256": _sha256(db_file),
            },
            "media": {"files": len(media), "bytes": media_bytes},
            "contents": site_contents(),
            "migrations": _latest_migrations(),
        }
        try:
            with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
                data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
                info = tarfile.TarInfo("manifest.json")
                info.size, info.mtime = len(data), int(time.time())
                archive.addfile(info, io.BytesIO(data))
                archive.add(db_file, arcname=db_file.name)
                root = Path(settings.MEDIA_ROOT)
                step = max(1, len(media) // 10)
                for number, path in enumerate(media, 1):
                    archive.add(path, arcname="media/" + path.relative_to(root).as_posix())
                    if number % step == 0 or number == len(media):
                        progress(f"media: {number}/{len(media)} files")
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    if keep and target.parent == output:
        for old in sorted(output.glob("dautieng-backup-*.tar.gz"))[:-keep]:
            old.unlink()
            progress(f"removed old backup {old.name}")
    return Summary(target, db_bytes, len(media), media_bytes, time.monotonic() - started)


def read_manifest(path):
    """The archive's manifest, or a BackupError saying why this is not a usable backup."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"no backup file at {path}")
    try:
        with tarfile.open(path, "r:*") as archive:
            try:
                member = archive.getmember("manifest.json")
            except KeyError:
                raise BackupError(f"{path} is not a portal backup: it has no manifest.json") from None
            manifest = json.load(archive.extractfile(member))
    except (tarfile.TarError, EOFError, OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        if isinstance(exc, BackupError):
            raise
        raise BackupError(f"{path} is not a readable backup archive ({exc})") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a portal backup (format {manifest.get('format')!r})")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"{path} is a version {manifest.get('version')} backup; this site reads version {VERSION}"
        )
    return manifest


def restore(path, force=False, progress=print):
    """Replace this site's database and media with the archive's. Returns the manifest."""
    path = Path(path)
    manifest = read_manifest(path)
    vendor = _vendor()
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"this backup holds a {manifest['database']['vendor']} database and "
            f"this site uses {vendor}: restore it into a site with the same "
            "database engine"
        )
    contents = site_contents()
    if any(contents.values()) and not force:
        found = ", ".join(f"{n} {kind}" for kind, n in contents.items() if n)
        raise BackupError(
            f"this site is not empty ({found}); restoring replaces all of it. "
            "Run again with --force to do so (make a backup first)."
        )

    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as work:
        work = Path(work)
        progress("checking and unpacking the archive …")
        try:
            with tarfile.open(path, "r:*") as archive:
                archive.extractall(work, filter="data")
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise BackupError(f"{path} is damaged ({exc}); nothing was changed") from None
        db_file = work / manifest["database"]["file"]
        if not db_file.is_file() or _sha256(db_file) != manifest["database"]["sha256"]:
            raise BackupError(
                f"{path}: the database in the archive is missing or damaged; nothing was changed"
            )
        unpacked_media = work / "media"
        unpacked_media.mkdir(exist_ok=True)
        files = len(_media_files(unpacked_media))
        if files != manifest["media"]["files"]:
            raise BackupError(
                f"{path}: {files} media files, the manifest says "
                f"{manifest['media']['files']}; nothing was changed"
            )

        progress(f"database ({vendor}): restoring …")
        _load_database(db_file, vendor)
        progress(f"media: {files} files")
        previous = media_root.with_name(media_root.name + ".before-restore")
        shutil.rmtree(previous, ignore_errors=True)
        if media_root.exists():
            os.replace(media_root, previous)
        os.replace(unpacked_media, media_root)
        shutil.rmtree(previous, ignore_errors=True)
    from django.core.cache import cache

    cache.clear()  # counters and cached pages describe the site that was replaced
    return manifest


def _load_database(db_file, vendor):
    if vendor == "sqlite":
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise BackupError("cannot restore inside a transaction")
        source = sqlite3.connect(db_file)
        try:
            # One step: the live database is replaced as a whole or not at all.
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        settings_dict = connection.settings_dict
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                f"--dbname={settings_dict['NAME']}",
                str(db_file),
            ],
            _pg_env(settings_dict),
            "pg_restore",
        )
    connection.close()


def pending_migrations():
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())

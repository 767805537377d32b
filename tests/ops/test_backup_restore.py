"""`manage.py backup` and `restore`: one archive with the database and the media; a restore
into an empty site brings back the same pages, images and documents, and after
`search_index rebuild` the same search results. A site with content is not overwritten
without --force, and bad input gets a clear message with nothing changed. Runs on SQLite and
(in the PostgreSQL pass) with pg_dump/pg_restore."""

import io
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from promo.backup import site_contents
from search.engines import reset_engines
from search.service import run_search
from tests.factories import ProductLine, load_lines, translated

# Transactional (pg_dump and pg_restore see only committed data), with the data the migrations
# made (locales, taxonomies, groups) put back for each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
QUERIES = [("cao su", "vi"), ("rubberwood", "en"), ("mat ong", "vi")]


def pages():
    return sorted(
        (p.specific.ref, p.locale.language_code, p.title, p.live)
        for p in Page.objects.filter(depth__gt=3).select_related("locale")
        if hasattr(p.specific, "ref")
    )


def searches():
    return {q: [(h.ref, h.locale) for h in run_search(q, lang).hits] for q, lang in QUERIES}


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def content(site, django_capture_on_commit_callbacks, django_user_model):
    rubber = ProductLine(ref="go-cao-su", title="Gỗ cao su Dầu Tiếng")
    honey = ProductLine(ref="mat-ong", title="Mật ong hoa cao su")
    with django_capture_on_commit_callbacks(execute=True):
        load_lines([rubber, translated(rubber, "en", title="Dau Tieng rubberwood"), honey])
    django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 40), (11, 92, 75)).save(buffer, "PNG")
    image = Image.objects.create(title="Hồ", file=ContentFile(buffer.getvalue(), name="ho.png"))
    image.get_rendition("fill-32x20")
    Document.objects.create(title="Brochure", file=ContentFile(b"%PDF-1.4 x", name="b.pdf"))
    call_command("search_index", "rebuild", verbosity=0)
    return {"pages": pages(), "searches": searches()}


def empty_site(settings, tmp_path):
    """The site as `migrate` leaves it: no pages but the tree root, no users, images,
    documents or media, no search index."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Site

    Site.objects.all().delete()
    for home in Page.objects.filter(depth=2):
        home.delete()
    get_user_model().objects.all().delete()
    Image.objects.all().delete()
    Document.objects.all().delete()
    settings.MEDIA_ROOT = tmp_path / "new-media"
    settings.SEARCH_INDEX_PATH = tmp_path / "new-index.sqlite3"
    reset_engines()


def test_backup_then_restore_into_an_empty_site(content, settings, tmp_path, capsys):
    call_command("backup", output=str(tmp_path / "backups"))
    out = capsys.readouterr().out
    assert "database" in out and "Backup written to" in out and "media files" in out
    archive = next((tmp_path / "backups").glob("dautieng-backup-*.tar.gz"))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[0] == "manifest.json"
    assert manifest["media"]["files"] == 3  # original image, its rendition, the document
    assert any(n.startswith("media/original_images/") for n in names)
    assert any(n.startswith("media/documents/") for n in names)

    empty_site(settings, tmp_path)
    assert not any(site_contents().values())
    call_command("restore", str(archive))
    out = capsys.readouterr().out
    assert "Restored the backup" in out and "search_index rebuild" in out

    assert pages() == content["pages"]
    image = Image.objects.get(title="Hồ")
    assert image.file.read()[:4] == b"\x89PNG"
    assert Document.objects.get(title="Brochure").file.read() == b"%PDF-1.4 x"
    assert image.renditions.get().file.size > 0

    call_command("search_index", "rebuild", verbosity=0)
    assert searches() == content["searches"]
    assert all(content["searches"][q] for q, _lang in QUERIES[:2])


def test_restore_refuses_to_overwrite_a_site_with_content(content, tmp_path):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=str(archive), verbosity=0)
    with pytest.raises(CommandError, match=r"not empty \(1 users, .*--force"):
        call_command("restore", str(archive))
    Page.objects.get(title="Mật ong hoa cao su").delete()
    call_command("restore", str(archive), "--force", verbosity=0)
    assert pages() == content["pages"]


def test_keep_removes_the_oldest_backups(site, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20250101-000000", "20250102-000000", "20250103-000000"):
        (folder / f"dautieng-backup-{stamp}.tar.gz").write_bytes(b"old")
    call_command("backup", output=str(folder), keep=2, verbosity=0)
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 2 and kept[0] == "dautieng-backup-20250103-000000.tar.gz"


def test_bad_input_gets_a_clear_message_and_changes_nothing(site, tmp_path):
    before = Page.objects.count()
    with pytest.raises(CommandError, match="no backup file at .*missing.tar.gz"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"this is not an archive")
    with pytest.raises(CommandError, match="not a readable backup archive"):
        call_command("restore", str(junk))
    other = tmp_path / "other.tar.gz"
    with tarfile.open(other, "w:gz") as tar:
        tar.addfile(tarfile.TarInfo("hello.txt"), io.BytesIO(b""))
    with pytest.raises(CommandError, match="not a portal backup: it has no manifest.json"):
        call_command("restore", str(other))
    with pytest.raises(CommandError, match="does not exist"):
        call_command("backup", output=str(tmp_path / "no-such-folder" / "b.tar.gz"))
    assert Page.objects.count() == before
    assert not list(tmp_path.glob("**/*.partial"))


def test_a_damaged_archive_changes_nothing(site, tmp_path):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=str(archive), verbosity=0)
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as src, tarfile.open(damaged, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read() if member.isfile() else b""
            if member.name.startswith("database."):
                data = data[:-100] + b"x" * 100
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    before = Page.objects.count()
    with pytest.raises(CommandError, match="database in the archive is missing or damaged"):
        call_command("restore", str(damaged), "--force")
    assert Page.objects.count() == before

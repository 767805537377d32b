"""Media on S3-compatible object storage, against a real server (S3Proxy backed by a folder):
images, renditions, documents and the investment PDF profiles go to the bucket through Django's
storage; images are public, documents and profiles are not; nobody can list the bucket."""

import io
import re
import urllib.error
import urllib.request
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from tests.factories import InvestmentLine, load_lines
from tests.s3proxy import start_s3proxy

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    server, stop = start_s3proxy(tmp_path_factory.mktemp("s3proxy"))
    yield server
    stop()


@pytest.fixture
def object_storage(settings, s3):
    """The site's storage on the bucket, in a folder of its own for this test."""
    settings.AWS_STORAGE_BUCKET_NAME = s3.bucket
    settings.AWS_S3_ENDPOINT_URL = s3.endpoint
    settings.AWS_S3_ACCESS_KEY_ID = s3.access_key
    settings.AWS_S3_SECRET_ACCESS_KEY = s3.secret_key
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_S3_ADDRESSING_STYLE = "path"
    settings.AWS_LOCATION = f"test-{uuid.uuid4().hex[:8]}"
    settings.AWS_QUERYSTRING_EXPIRE = 60
    settings.MEDIA_PUBLIC_URL = ""
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "promo.storage.MediaStorage"}}
    assert default_storage.__class__.__name__ == "MediaStorage"
    return default_storage


def anonymous_get(url):
    """(status, body) of a GET without credentials, as a visitor's browser would send it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def png(size=(640, 400)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (11, 92, 75)).save(buffer, "PNG")
    return buffer.getvalue()


def keys(storage):
    client = storage.connection.meta.client
    listing = client.list_objects_v2(Bucket=storage.bucket_name, Prefix=storage.location + "/")
    return {item["Key"][len(storage.location) + 1 :] for item in listing.get("Contents", [])}


def test_images_and_renditions_are_stored_in_the_bucket_and_public(object_storage):
    from wagtail.images.models import Image

    data = png()
    image = Image.objects.create(title="Hồ Dầu Tiếng", file=ContentFile(data, name="ho-dau-tieng.png"))
    rendition = image.get_rendition("fill-320x200")
    stored = keys(object_storage)
    assert image.file.name in stored and rendition.file.name in stored
    assert image.file.name.startswith("original_images/") and rendition.file.name.startswith("images/")
    # Public, unsigned URLs that a visitor's browser can fetch.
    assert "X-Amz-Signature" not in image.file.url
    assert anonymous_get(image.file.url) == (200, data)
    status, body = anonymous_get(rendition.url)
    assert status == 200 and body[:4] == b"RIFF"  # renditions are converted to WebP
    # Two uploads with the same name are two files, not one overwriting the other.
    other = Image.objects.create(title="Other", file=ContentFile(png((20, 20)), name="ho-dau-tieng.png"))
    assert other.file.name != image.file.name
    assert anonymous_get(image.file.url) == (200, data)


def test_documents_are_private_and_the_bucket_is_not_listable(object_storage, s3):
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Brochure", file=ContentFile(b"%PDF-1.4\n% brochure\n", name="brochure.pdf")
    )
    assert document.file.name in keys(object_storage)
    plain = f"{s3.endpoint}/{s3.bucket}/{object_storage.location}/{document.file.name}"
    assert anonymous_get(plain)[0] == 403
    # The URL the storage hands out is signed and expires; a tampered signature is refused.
    signed = document.file.url
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=60" in signed
    assert anonymous_get(signed) == (200, b"%PDF-1.4\n% brochure\n")
    # (the first digit of the signature changed to another: "0" when it is not one already)
    tampered = re.sub(
        r"X-Amz-Signature=([0-9a-f])", lambda m: "X-Amz-Signature=" + ("1" if m[1] == "0" else "0"), signed
    )
    assert tampered != signed and anonymous_get(tampered)[0] == 403
    # Nobody lists the bucket (nor the service).
    assert anonymous_get(f"{s3.endpoint}/{s3.bucket}/")[0] == 403
    assert anonymous_get(f"{s3.endpoint}/{s3.bucket}?list-type=2&prefix=documents/")[0] == 403
    assert anonymous_get(f"{s3.endpoint}/")[0] == 403


def test_wagtails_document_view_serves_from_the_bucket_and_keeps_private_collections_private(
    object_storage, client, django_user_model
):
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    public = Document.objects.create(
        title="Brochure", file=ContentFile(b"%PDF-1.4\n% brochure\n", name="brochure.pdf")
    )
    internal = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    private = Document.objects.create(
        title="Internal", collection=internal, file=ContentFile(b"internal only\n", name="internal.txt")
    )

    response = client.get(public.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n% brochure\n"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'"  # Wagtail's, kept

    response = client.get(private.url)
    assert response.status_code == 302 and "login" in response["Location"]
    user = django_user_model.objects.create_user("staff", password="x" * 12)
    client.force_login(user)
    response = client.get(private.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"internal only\n"


def test_public_images_under_the_proxys_media_url(object_storage, settings):
    from wagtail.images.models import Image

    settings.MEDIA_PUBLIC_URL = "https://dautieng.example.vn/media/"
    settings.STORAGES = {**settings.STORAGES}  # a new storage object reads the setting
    image = Image.objects.create(title="Núi Cậu", file=ContentFile(png((30, 30)), name="nui cau.png"))
    assert image.file.url == f"https://dautieng.example.vn/media/{image.file.name.replace(' ', '%20')}"
    from wagtail.documents.models import Document

    document = Document.objects.create(title="Doc", file=ContentFile(b"x", name="doc.txt"))
    assert document.file.url.startswith(settings.AWS_S3_ENDPOINT_URL)  # signed, never via /media/
    assert "X-Amz-Signature=" in document.file.url


def test_investment_pdf_profiles_are_generated_into_the_bucket(
    object_storage, site, client, django_capture_on_commit_callbacks
):
    from promo.investment.profile import forget
    from promo.models import InvestmentPage

    with django_capture_on_commit_callbacks(execute=True):
        load_lines([InvestmentLine(ref="kcn-s3", title="Khu công nghiệp S3", lat=11.23, lon=106.51)])
    response = client.get("/vi/dau-tu/kcn-s3/profile/")
    assert response.status_code == 200, response.content[:300]
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF")
    profiles = sorted(name for name in keys(object_storage) if name.startswith("profiles/kcn-s3/"))
    assert len(profiles) == 1 and profiles[0].endswith(".pdf")
    # Private: generated for one visitor's language, served by the site's view only.
    plain = (
        f"{object_storage.endpoint_url}/{object_storage.bucket_name}/{object_storage.location}/{profiles[0]}"
    )
    assert anonymous_get(plain)[0] == 403
    # A second request reuses the stored file; publishing changes remove it.
    assert b"".join(client.get("/vi/dau-tu/kcn-s3/profile/").streaming_content) == data
    assert forget(InvestmentPage.objects.get(ref="kcn-s3", locale__language_code="vi")) == 1
    assert not [n for n in keys(object_storage) if n.startswith("profiles/kcn-s3/")]

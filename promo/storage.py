"""Media on S3-compatible object storage (django-storages + boto3), for sites on several machines.

Selected by AWS_STORAGE_BUCKET_NAME (promo/settings/base.py, docs/deploy.md). Every file the
site keeps goes through Django's default storage: original images and renditions, documents,
the investment PDF profiles, officers' photos.

Who may read what is decided per object, not per bucket, so that one private bucket serves both:
- images (`original_images/`, `images/`) are written `public-read` and linked unsigned, under
  MEDIA_URL when the reverse proxy serves the bucket there (deploy/nginx/dautieng-cluster.conf),
  or at the bucket's own address;
- everything else (documents, whose collections may be private, the PDF profiles) is written
  `private`: it is reachable only through the site's views (Wagtail's document view checks the
  collection's privacy first), and a URL the storage hands out for it is signed and expires after
  AWS_QUERYSTRING_EXPIRE seconds.
The bucket itself stays private, so nobody can list it.
"""

from urllib.parse import urljoin

from botocore.config import Config
from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

PUBLIC_PREFIXES = ("original_images/", "images/")


def is_public(name):
    """Whether the file at this storage name (relative to AWS_LOCATION) is for everyone."""
    return clean_name(name).lstrip("/").startswith(PUBLIC_PREFIXES)


def client_config():
    """Bounded waits (a visitor's page never hangs on the object store) and the request
    shape that S3-compatible servers understand: path-style addresses when an endpoint is
    given, checksums only where S3 requires them (newer botocore adds headers S3Proxy and
    other compatible servers refuse)."""
    return Config(
        connect_timeout=float(getattr(settings, "AWS_S3_CONNECT_TIMEOUT", 5)),
        read_timeout=float(getattr(settings, "AWS_S3_READ_TIMEOUT", 30)),
        retries={"max_attempts": 3, "mode": "standard"},
        signature_version="s3v4",
        s3={"addressing_style": getattr(settings, "AWS_S3_ADDRESSING_STYLE", None) or "auto"},
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )


class MediaStorage(S3Storage):
    # Two uploads called photo.jpg are two files (Django's suffixes), as on a local disk.
    file_overwrite = False

    def __init__(self, **options):
        options.setdefault("client_config", client_config())
        options.setdefault("file_overwrite", False)
        options.setdefault("querystring_auth", True)
        super().__init__(**options)
        self.public_base_url = getattr(settings, "MEDIA_PUBLIC_URL", "") or ""

    def get_object_parameters(self, name):
        # Called with the key in the bucket, i.e. with AWS_LOCATION in front.
        params = super().get_object_parameters(name)
        if self.location and name.startswith(self.location.rstrip("/") + "/"):
            name = name[len(self.location.rstrip("/")) + 1 :]
        params["ACL"] = "public-read" if is_public(name) else "private"
        if not is_public(name):
            # Never kept by a shared cache between the store and the visitor.
            params.setdefault("CacheControl", "private, max-age=0")
        else:
            # File names are unique (renditions carry a hash, uploads a suffix): cache long.
            params.setdefault("CacheControl", "public, max-age=2592000")
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not is_public(name):
            return super().url(name, parameters, expire, http_method)  # signed, expiring
        if self.public_base_url:
            return urljoin(self.public_base_url, filepath_to_uri(clean_name(name)))
        # The bucket's own address, unsigned (the object is public-read).
        client = self.unsigned_connection.meta.client
        return client.generate_presigned_url(
            "get_object",
            HttpMethod=http_method,
            Params={
                **(parameters or {}),
                "Bucket": self.bucket_name,
                "Key": self._normalize_name(clean_name(name)),
            },
        )

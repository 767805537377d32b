"""Run inside the production-settings site (`python -m tests.deploy.stack_content`): the site
skeleton, one image with a rendition, a public and a private document. Prints their URLs as JSON."""

import io
import json

import django

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.documents.models import Document  # noqa: E402
from wagtail.images.models import Image  # noqa: E402
from wagtail.models import Collection, CollectionViewRestriction  # noqa: E402

from promo.catalogue.site import ensure_site  # noqa: E402

ensure_site()
buffer = io.BytesIO()
PILImage.new("RGB", (640, 400), (11, 92, 75)).save(buffer, "PNG")
image = Image.objects.create(
    title="Hồ Dầu Tiếng", file=ContentFile(buffer.getvalue(), name="ho-dau-tieng.png")
)
rendition = image.get_rendition("fill-320x200")

public = Document.objects.create(
    title="Brochure", file=ContentFile(b"%PDF-1.4\n% brochure\n", name="brochure.pdf")
)
root = Collection.get_first_root_node()
internal = root.add_child(name="Nội bộ")
CollectionViewRestriction.objects.create(
    collection=internal, restriction_type=CollectionViewRestriction.LOGIN
)
private = Document.objects.create(
    title="Internal", collection=internal, file=ContentFile(b"internal only\n", name="internal.txt")
)
print(
    json.dumps(
        {
            "original": image.file.url,
            "rendition": rendition.url,
            "document": public.url,
            "document_file": public.file.url,
            "document_size": public.file.size,
            "private": private.url,
            "private_file": private.file.url,
        }
    )
)

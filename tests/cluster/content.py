"""Run inside the cluster's site (`python -m tests.cluster.content`, production settings): the site
skeleton, a staff account, 40 live products (Vietnamese and English) and two drafts with a
picture, waiting to be published through the admin. Prints what the test needs as JSON."""

import io
import json
import os

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.images.models import Image  # noqa: E402

from promo.catalogue.site import ensure_site  # noqa: E402
from promo.models import ProductPage  # noqa: E402
from tests.factories import ProductLine, load_lines, translated  # noqa: E402

WORDS = [
    "mật ong",
    "hạt điều",
    "cao su",
    "bánh tráng",
    "mía đường",
    "khoai mì",
    "tiêu",
    "bưởi",
    "chôm chôm",
    "sầu riêng",
]

ensure_site()
User = get_user_model()
if not User.objects.filter(username="admin").exists():
    User.objects.create_superuser("admin", "admin@example.com", os.environ["CLUSTER_ADMIN_PASSWORD"])

lines = []
for n in range(40):
    word = WORDS[n % len(WORDS)]
    line = ProductLine(
        ref=f"sp-{n:03d}",
        title=f"{word.capitalize()} Dầu Tiếng loại {n}",
        summary=f"Sản phẩm {word} của xã Dầu Tiếng, mẫu số {n}.",
    )
    lines += [
        line,
        translated(
            line,
            "en",
            title=f"Dau Tieng product {n} ({word})",
            summary=f"A {word} product from Dau Tieng, sample {n}.",
        ),
    ]
drafts = {"publish-a": "Mật ong rừng Núi Cậu", "publish-b": "Hạt điều rang muối Thanh An"}
for ref, title in drafts.items():
    # The newest (first in the listing) once published.
    lines.append(
        ProductLine(
            ref=ref, title=title, summary=f"{title}: đặc sản mới của Dầu Tiếng.", published="2026-11-30"
        )
    )
load_lines(lines)

out = {"drafts": {}}
for n, (ref, title) in enumerate(drafts.items()):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 500), (11 + 80 * n, 92, 75)).save(buffer, "PNG")
    image = Image.objects.create(title=title, file=ContentFile(buffer.getvalue(), name=f"{ref}.png"))
    page = ProductPage.objects.get(ref=ref, locale__language_code="vi")
    page.hero_image, page.hero_alt = image, title
    page.save_revision().publish()
    page.unpublish()  # a draft with its picture: published later through the admin
    out["drafts"][ref] = {"id": page.pk, "title": title, "url": page.get_url(), "image_key": image.file.name}
print(json.dumps(out))

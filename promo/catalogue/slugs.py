"""The URL slug of a page the importer creates.

English pages get a slug made from their English title (`/en/tourism/thai-son-pagoda/`);
the other languages use the item's ref, which is already readable Vietnamese without marks.
A slug is chosen once, when the page is created: changing a title later never moves a URL.
"""

import re

from django.utils.text import slugify

from search.text import fold

MAX_SLUG = 80


def title_slug(title):
    """`Thái Sơn Pagoda (Núi Cậu)` -> `thai-son-pagoda-nui-cau`; Vietnamese marks and đ folded."""
    # dashes and slashes separate words ("Supply–demand" -> supply-demand, not supplydemand)
    slug = slugify(fold(re.sub(r"[\u2010-\u2015/]", " ", title or "")))
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def new_page_slug(ref, locale, title, taken):
    """The slug for a new page of item `ref` in `locale`; `taken` holds the slugs already used
    in its section. An English title whose slug is taken falls back to the ref."""
    if locale != "en":
        return ref
    slug = title_slug(title) or ref
    return ref if slug in taken else slug

"""The URL slug of a page the importer creates.

English pages get a slug made from their English title (`/en/tourism/thai-son-pagoda/`);
the other languages use the item's ref, which is already readable Vietnamese without marks.
A slug is chosen once, when the page is created: changing a title later never moves a URL.
"""
from django.utils.text import slugify

from search.text import fold

MAX_SLUG = 80


def title_slug(title):
    """`Thái Sơn Pagoda (Núi Cậu)` -> `thai-son-pagoda-nui-cau`; Vietnamese marks and đ folded."""
    slug = slugify(fold(title or ""))
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def new_page_slug(ref, locale, title, parent):
    """The slug for a new page of item `ref` in `locale` under `parent` (its section page)."""
    if locale != "en":
        return ref
    slug = title_slug(title) or ref
    siblings = parent.get_children()
    if slug != ref and siblings.filter(slug=slug).exists():
        slug = ref
    return slug

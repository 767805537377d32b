"""Who may use the catalogue tools: people who may add catalogue pages."""

from promo.catalogue.spec import LOCALES
from promo.models import INDEX_MODELS


def section_indexes(kind=None):
    kinds = [kind] if kind else list(INDEX_MODELS)
    for name in kinds:
        yield from INDEX_MODELS[name].objects.select_related("locale")


def can_import(user, kind=None):
    """May add pages under at least one section index (of `kind`, if given)."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    return any(index.permissions_for_user(user).can_add_subpage() for index in section_indexes(kind))


def can_import_live(user, kind, locales):
    """The importer publishes what it loads, so confirming an upload needs the right to add
    *and publish* in that kind's section for every language in the upload."""
    if user.is_superuser:
        return True
    wanted = set(locales) & set(LOCALES)
    indexes = [i for i in section_indexes(kind) if i.locale.language_code in wanted]
    return bool(indexes) and all(
        (perms := index.permissions_for_user(user)).can_add_subpage() and perms.can_publish_subpage()
        for index in indexes
    )

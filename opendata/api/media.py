"""Images and documents a partner may see: those outside every collection with a view
restriction (Wagtail's "private" collections, and the collections below them)."""

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction


def _outside_private_collections(queryset):
    paths = set(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(collection__path__startswith=path)
    return queryset.exclude(private)


def public_images():
    return _outside_private_collections(get_image_model().objects.all())


def public_documents():
    return _outside_private_collections(get_document_model().objects.all())

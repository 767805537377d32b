"""What the home page shows of each catalogue section: a few items each, fetched per kind with
a fixed number of queries."""
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.images import get_image_model

from promo.models import CATALOGUE_MODELS, INDEX_MODELS
from promo.models.listing import LISTING_RENDITIONS

PER_SECTION = 3


def home_sections(home):
    images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
    sections = []
    for kind, index_model in INDEX_MODELS.items():
        index = index_model.objects.live().child_of(home).first()
        if index is None:
            continue
        qs = (CATALOGUE_MODELS[kind].objects.live().public().descendant_of(index)
              .select_related("commune", *index.extra_select_related())
              .prefetch_related(Prefetch("hero_image", queryset=images),
                                *index.extra_prefetch_related()))
        if kind == "fair":
            qs = qs.filter(end__gte=timezone.localdate()).order_by("start")
        else:
            qs = qs.order_by("-published", "-first_published_at")
        sections.append({"kind": kind, "index": index, "items": list(qs[:PER_SECTION])})
    return sections

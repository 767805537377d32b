"""The bulk importer writes what Wagtail writes for a page created and published by an editor:
a sound tree, a published revision that restores the page, the audit log, tags, translations
linked by their key, the search index fed, and pages the admin opens and edits as usual."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from promo.models import FairPage, ProductPage
from tests.factories import FairLine, ProductLine, load_lines, translated

pytestmark = pytest.mark.django_db


def test_imported_pages_are_whole_wagtail_pages(client, site, django_capture_on_commit_callbacks):
    honey = ProductLine(ref="honey", title="Mật ong", tags=["mật ong", "OCOP"])
    expo = FairLine(ref="expo-xuan", title="Hội chợ Xuân")
    lines = [
        honey,
        translated(honey, "en", title="Honey", tags=["honey"]),
        expo,
        translated(expo, "ko", title="봄 박람회"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        load_lines(lines)

    # the tree is sound (treebeard's own check) and each section counts its children
    assert Page.find_problems() == ([], [], [], [], [])
    vi = ProductPage.objects.get(ref="honey", locale__language_code="vi")
    en = ProductPage.objects.get(ref="honey", locale__language_code="en")
    assert vi.get_parent().numchild == vi.get_parent().get_children().count() == 1
    assert vi.url_path.endswith("/san-pham/honey/") and en.url_path.endswith("/products/honey/")

    # published revision, latest = live, and it restores the page with its tags
    for page in (vi, en):
        assert page.live and not page.has_unpublished_changes and page.first_published_at
        assert page.latest_revision_id == page.live_revision_id
        restored = page.live_revision.as_object()
        assert restored.title == page.title and restored.pk == page.pk
        assert sorted(t.name for t in restored.tags.all()) == sorted(t.name for t in page.tags.all())
    assert sorted(t.name for t in vi.tags.all()) == ["OCOP", "mật ong"]

    # translations are linked: wagtail-localize and the language switcher find them
    assert en.translation_key == vi.translation_key
    assert en.get_translation(vi.locale).pk == vi.pk
    ko = FairPage.objects.get(ref="expo-xuan", locale__language_code="ko")
    assert ko.start == FairPage.objects.get(ref="expo-xuan", locale__language_code="vi").start

    # audit log: created and published
    actions = set(PageLogEntry.objects.filter(page=vi).values_list("action", flat=True))
    assert {"wagtail.create", "wagtail.publish"} <= actions

    # derived data: reference index (usage of the commune) and the site search
    assert ReferenceIndex.objects.filter(object_id=str(vi.pk)).exists()
    found = client.get("/api/v1/search/", {"q": "Honey", "lang": "en"}).json()
    assert any(r["ref"] == "honey" for r in found["results"])

    # served at their address, and editable in the admin like any page
    assert client.get(en.url).status_code == 200
    client.force_login(get_user_model().objects.create_superuser("ed", "e@example.com", "pw"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[vi.pk])).status_code == 200

    # an update: one more published revision, tags replaced, nothing else touched
    revisions = Revision.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        summary = load_lines([dict(honey, title="Mật ong rừng", tags=["rừng"]), lines[1]])
    assert (summary.updated, summary.unchanged) == (1, 1)
    vi.refresh_from_db()
    assert vi.title == vi.draft_title == "Mật ong rừng"
    assert [t.name for t in vi.tags.all()] == ["rừng"]
    assert Revision.objects.count() == revisions + 1
    assert vi.live_revision.as_object().title == "Mật ong rừng"
    assert Page.find_problems() == ([], [], [], [], [])

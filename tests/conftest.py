import pytest


@pytest.fixture
def site(db):
    """The skeleton every catalogue page lives in: home and section pages in five languages."""
    from promo.catalogue.site import ensure_site

    return ensure_site()

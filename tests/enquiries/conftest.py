import pytest
from django.core.cache import cache

from tests.factories import InvestmentLine, enquiry_form_data, load_lines, translated


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def opportunity(site):
    """An open investment opportunity in Vietnamese and Korean; returns the pages by language."""
    from promo.models import InvestmentPage

    line = InvestmentLine(contact_email="invest-office@example.com")
    load_lines([line, translated(line, "ko"), translated(line, "en")])
    pages = InvestmentPage.objects.filter(ref=line["ref"]).select_related("locale")
    return {page.locale.language_code: page for page in pages}


@pytest.fixture
def valid_data():
    return enquiry_form_data()

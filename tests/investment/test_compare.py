"""Compare up to three opportunities side by side at a shareable URL, without JavaScript."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def table(client, query, lang="en", section="investment"):
    response = client.get(f"/{lang}/{section}/compare/?{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_three_side_by_side_with_every_fact_in_rows(client, opportunities):
    soup = table(client, "ref=kcn-a&ref=du-lich-c&ref=kho-f")
    heads = [th.select_one("a").get_text() for th in soup.select("thead th")]
    assert heads == ["Khu công nghiệp A (en)", "Du lịch C (en)", "Kho F (en)"]
    rows = {
        tr.select_one("th").get_text(): [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in soup.select("tbody tr")
        if tr.select("td")
    }
    assert rows["Form of investment"] == [
        "Land lease",
        "Public–private partnership (PPP)",
        "Business cooperation contract (BCC)",
    ]
    assert rows["Area"] == ["30 ha", "120 ha", "8 ha"]
    assert "US$40,000,000" in rows["Total investment capital"][0]
    for label in (
        "Status",
        "Sector",
        "Commune",
        "Land lease price",
        "Power",
        "Nearest seaport",
        "Officer",
        "Incentives",
    ):
        assert label in rows, label
    assert soup.select_one("#share-url")["value"].endswith(
        "/en/investment/compare/?ref=kcn-a&ref=du-lich-c&ref=kho-f"
    )
    assert soup.select_one("form.compare__add") is None  # full
    assert not soup.select("script:not([src]):not([type='application/ld+json'])")


def test_more_than_three_are_cut_with_a_message_and_unknown_refs_named(client, opportunities):
    soup = table(client, "ref=kcn-a&ref=kcn-b&ref=nope&ref=du-lich-c&ref=kho-f")
    assert len(soup.select("thead th")) == 2
    text = soup.get_text(" ", strip=True)
    assert "up to 3" in text and "nope" in text


def test_remove_and_add_work_with_plain_links_and_forms(client, opportunities):
    soup = table(client, "ref=kcn-a&ref=kcn-b", lang="vi", section="dau-tu")
    remove = soup.select_one(".compare__remove")["href"]
    assert remove.endswith("/vi/dau-tu/compare/?ref=kcn-b")
    form = soup.select_one("form.compare__add")
    assert [i["value"] for i in form.select('input[type="hidden"][name="ref"]')] == ["kcn-a", "kcn-b"]
    assert "du-lich-c" in [o["value"] for o in form.select("option")]


def test_listing_cards_tick_into_the_compare_form(client, opportunities):
    soup = BeautifulSoup(client.get("/en/investment/").content, "html.parser")
    form = soup.select_one("form#compare-form")
    assert form["action"] == "/en/investment/compare/" and form["method"] == "get"
    boxes = soup.select('input[type="checkbox"][form="compare-form"][name="ref"]')
    assert len(boxes) == 6

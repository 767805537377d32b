"""Body tables: Wagtail's own table markup, wrapped so that a wide table scrolls on a phone."""

from bs4 import BeautifulSoup

from promo.blocks import BaseStreamBlock


def test_a_table_renders_wagtails_markup_inside_a_scrollable_region():
    block = BaseStreamBlock().child_blocks["table"]
    value = block.to_python(
        {
            "data": [["Commune", "Hectares"], ["Long Hòa", "30"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Land available",
        }
    )
    html = BeautifulSoup(block.render(value), "html.parser")
    region = html.select_one("div.table-wrap[role=region]")
    assert region["aria-label"] == "Land available" and region["tabindex"] == "0"
    assert region.select_one("table caption").text.strip() == "Land available"
    assert [th.text.strip() for th in region.select("thead th")] == ["Commune", "Hectares"]
    assert [td.text.strip() for td in region.select("tbody td")] == ["Long Hòa", "30"]

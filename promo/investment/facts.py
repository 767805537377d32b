"""The deal facts of an opportunity, defined once and shown in four places: the facts panel of
its page, the comparison table, the PDF profile and (a few of them) cards and map popups.

`fact_groups(page, rate)` gives [(group key, group label, [Fact])] with every fact that has a
value; `FACT_ROWS` is the full list in display order (the comparison shows a row for each fact
that any compared item has)."""

from dataclasses import dataclass

from django.template.defaultfilters import date as date_filter
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from promo.investment.money import money_text, range_text, to_usd
from promo.templatetags.promo_tags import number, usd, vnd
from search.text import fold


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    text: str


def _choice(page, name):
    return getattr(page, f"get_{name}_display")() if getattr(page, name) else ""


def _date(value, fmt="DATE_FORMAT"):
    return date_filter(value, fmt) if value else ""


def _distance(km, minutes):
    if km is None and minutes is None:
        return ""
    if km is not None and minutes is not None:
        return _("%(km)s km, about %(minutes)s min by road") % {"km": number(km), "minutes": minutes}
    if km is not None:
        return _("%(km)s km by road") % {"km": number(km)}
    return _("about %(minutes)s min by road") % {"minutes": minutes}


def _named_distance(name, km, minutes):
    distance = _distance(km, minutes)
    if name and distance:
        return _("%(name)s: %(distance)s") % {"name": name, "distance": distance}
    return name or distance


def _officer(page):
    officer = page.officer
    if officer is None:
        return ""
    parts = [officer.name, officer.title, officer.phone, officer.email]
    languages = officer.language_names
    if languages:
        parts.append(_("speaks %(languages)s") % {"languages": ", ".join(languages)})
    return " · ".join(p for p in parts if p)


# (group key, group label, [(fact key, label, value function(page, rate) -> str)])
FACT_ROWS = [
    (
        "overview",
        gettext_lazy("Overview"),
        [
            ("status", gettext_lazy("Status"), lambda p, r: p.get_status_display()),
            ("sector", gettext_lazy("Sector"), lambda p, r: p.sector.name if p.sector else ""),
            (
                "investment_form",
                gettext_lazy("Form of investment"),
                lambda p, r: p.investment_form.name if p.investment_form else "",
            ),
            ("commune", gettext_lazy("Commune"), lambda p, r: p.commune.name if p.commune else ""),
            ("promoter", gettext_lazy("Promoter / responsible agency"), lambda p, r: p.promoter),
        ],
    ),
    (
        "money",
        gettext_lazy("Capital"),
        [
            ("capital", gettext_lazy("Total investment capital"), lambda p, r: money_text(p.capital_vnd, r)),
        ],
    ),
    (
        "readiness",
        gettext_lazy("Readiness"),
        [
            (
                "in_land_use_plan",
                gettext_lazy("Land-use / master plan"),
                lambda p, r: _choice(p, "in_land_use_plan"),
            ),
            ("site_clearance", gettext_lazy("Site clearance"), lambda p, r: _choice(p, "site_clearance")),
            (
                "policy_decision",
                gettext_lazy("Investment policy decision"),
                lambda p, r: _choice(p, "policy_decision"),
            ),
            (
                "decision_expected",
                gettext_lazy("Expected decision date"),
                lambda p, r: _date(p.decision_expected),
            ),
            (
                "construction_start",
                gettext_lazy("Expected construction start"),
                lambda p, r: _date(p.construction_start, "YEAR_MONTH_FORMAT"),
            ),
        ],
    ),
    (
        "land",
        gettext_lazy("Land"),
        [
            (
                "area",
                gettext_lazy("Area"),
                lambda p, r: _("%(area)s ha") % {"area": number(p.area_ha)} if p.area_ha is not None else "",
            ),
            ("land_use_type", gettext_lazy("Land-use type"), lambda p, r: _choice(p, "land_use_type")),
            (
                "land_use_term",
                gettext_lazy("Land-use term"),
                lambda p, r: (
                    (_("%(years)s years") % {"years": p.land_use_term_years}) if p.land_use_term_years else ""
                ),
            ),
            (
                "lease_price",
                gettext_lazy("Land lease price"),
                lambda p, r: range_text(p.lease_price_min_vnd, p.lease_price_max_vnd, r, _("/m²/year")),
            ),
        ],
    ),
    (
        "infrastructure",
        gettext_lazy("Infrastructure"),
        [
            ("road_access", gettext_lazy("Road access"), lambda p, r: p.road_access),
            (
                "power",
                gettext_lazy("Power"),
                lambda p, r: _("%(kv)s kV") % {"kv": number(p.power_kv)} if p.power_kv is not None else "",
            ),
            ("water", gettext_lazy("Water"), lambda p, r: p.water),
            ("wastewater", gettext_lazy("Wastewater treatment"), lambda p, r: p.wastewater),
        ],
    ),
    (
        "distances",
        gettext_lazy("Distances and drive times"),
        [
            (
                "hcmc",
                gettext_lazy("Ho Chi Minh City centre"),
                lambda p, r: _distance(p.hcmc_km, p.hcmc_minutes),
            ),
            (
                "airport",
                gettext_lazy("Tân Sơn Nhất airport"),
                lambda p, r: _distance(p.airport_km, p.airport_minutes),
            ),
            (
                "seaport",
                gettext_lazy("Nearest seaport"),
                lambda p, r: _named_distance(p.seaport_name, p.seaport_km, p.seaport_minutes),
            ),
            (
                "industrial_park",
                gettext_lazy("Nearest industrial park"),
                lambda p, r: _named_distance(
                    p.industrial_park_name, p.industrial_park_km, p.industrial_park_minutes
                ),
            ),
        ],
    ),
    (
        "contact",
        gettext_lazy("Contact"),
        [
            ("officer", gettext_lazy("Officer"), lambda p, r: _officer(p)),
        ],
    ),
]


def fact_groups(page, rate):
    groups = []
    for key, label, rows in FACT_ROWS:
        facts = [Fact(fact_key, str(fact_label), value(page, rate)) for fact_key, fact_label, value in rows]
        facts = [fact for fact in facts if fact.text]
        if facts:
            groups.append((key, str(label), facts))
    return groups


def card_facts(page, rate=None):
    """The few facts a card or a map popup shows, as short texts."""
    return short_facts(
        page.get_status_display(),
        page.sector.name if page.sector else "",
        page.investment_form.name if page.investment_form else "",
        page.area_ha,
        page.capital_vnd,
        page.commune.name if page.commune else "",
        rate,
    )


def short_facts(status, sector, form, area_ha, capital_vnd, commune, rate=None):
    facts = [str(status)]
    facts += [name for name in (sector, form) if name]
    if area_ha is not None:
        facts.append(_("%(area)s ha") % {"area": number(area_ha)})
    if capital_vnd is not None:
        dollars = to_usd(capital_vnd, rate)
        text = vnd(capital_vnd)
        if dollars is not None:
            text += " " + _("(≈ %(amount)s)") % {"amount": usd(dollars)}
        facts.append(text)
    if commune:
        facts.append(commune)
    return facts


def _number_key(value):
    return "".join(fold(value).split())


def document_numbers(locale):
    """{folded number: page} of the live official documents, this language first, then vi; kept
    until the content changes (pagecache.memo). `locale` is a Locale or a language code."""
    from pagecache.memo import per_generation

    code = getattr(locale, "language_code", locale)
    return per_generation(("document-numbers", code), lambda: _document_numbers(code))


def _document_numbers(code):
    from django.apps import apps

    from pagecache.memo import public

    # by name: the portal (official pages) sits above the catalogue
    OfficialDocumentPage = apps.get_model("portal", "OfficialDocumentPage")  # noqa: N806
    found = {}
    rows = (
        public(OfficialDocumentPage.objects.live())
        .exclude(number="")
        .filter(locale__language_code__in={code, "vi"})
        .select_related("locale")
        .only("id", "number", "title", "url_path", "locale", "path", "depth", "translation_key")
    )
    for doc in sorted(rows, key=lambda d: d.locale.language_code != code):
        found.setdefault(_number_key(doc.number), doc)
    return found


def incentive_items(page, documents=None):
    """[{"text", "basis", "document"}] with the document page the legal basis names, if the
    documents section has one (matched on its number, ignoring case, spaces and diacritics)."""
    if documents is None:
        from pagecache.memo import language_of

        documents = document_numbers(language_of(page))
    items = []
    for block in page.incentives:
        basis = block.value["legal_basis"]
        folded = _number_key(basis) if basis else ""
        document = None
        for key, doc in documents.items():
            if key and key in folded:
                document = doc
                break
        items.append({"text": block.value["text"], "basis": basis, "document": document})
    return items

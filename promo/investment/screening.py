"""Screening the opportunities: the filters of the investment listing and of its map.

`Screen(index, params)` reads the GET parameters once and holds
- `queryset`: the live opportunities of the index's language that pass every valid filter;
- `errors`: {parameter group: message} for values it could not use (a reversed, non-numeric or
  absurd range, an unknown code) — those filters are left out, the rest still apply;
- `facets()`: each filter's choices with the number of items each would give, counted with the
  *other* filters applied (one GROUP BY query per facet: the query count does not depend on the
  number of items or of chosen values);
- `chips()`: the active filters, each with the URL that removes it.

Ranges: `area_min`/`area_max` in ha; `capital_min`/`capital_max` in `currency` (vnd or usd; US
dollars are converted at the site's exchange rate, since amounts are stored in VND)."""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import QueryDict
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from promo.investment.money import to_vnd
from promo.models.investment import MAX_AREA_HA, MAX_VND, InvestmentStatus
from promo.templatetags.promo_tags import number

SORTS = {
    "newest": (gettext_lazy("Newest first"), ("-published", "-first_published_at")),
    "capital_desc": (gettext_lazy("Capital: largest first"), (F("capital_vnd").desc(nulls_last=True),)),
    "capital_asc": (gettext_lazy("Capital: smallest first"), (F("capital_vnd").asc(nulls_last=True),)),
    "area_desc": (gettext_lazy("Area: largest first"), (F("area_ha").desc(nulls_last=True),)),
    "area_asc": (gettext_lazy("Area: smallest first"), (F("area_ha").asc(nulls_last=True),)),
    "decision": (
        gettext_lazy("Decision date: soonest first"),
        (F("decision_expected").asc(nulls_last=True),),
    ),
    "title": (gettext_lazy("Title A–Z"), ("title",)),
}
SORT_ALIASES = {"capital": "capital_desc", "area": "area_desc"}  # older shared links
CURRENCIES = ("vnd", "usd")
# (parameter, model path of its code, label)
FACETS = (
    ("sector", "sector__slug", gettext_lazy("Sector")),
    ("commune", "commune__slug", gettext_lazy("Commune")),
    ("form", "investment_form__slug", gettext_lazy("Form of investment")),
    ("status", "status", gettext_lazy("Status")),
)
RANGE_MESSAGES = {
    "area": {
        "not_number_min": gettext_lazy("Enter the smallest area as a number of hectares, e.g. 5."),
        "not_number_max": gettext_lazy("Enter the largest area as a number of hectares, e.g. 50."),
        "too_big": gettext_lazy("The area %(value)s ha is out of range: at most %(max)s ha."),
        "reversed": gettext_lazy(
            "The smallest area (%(low)s ha) is larger than the largest (%(high)s ha): swap them or clear one."
        ),
    },
    "capital": {
        "not_number_min": gettext_lazy("Enter the lowest capital as a number, e.g. 1000000."),
        "not_number_max": gettext_lazy("Enter the highest capital as a number, e.g. 50000000."),
        "too_big": gettext_lazy("The capital %(value)s is out of range: at most %(max)s."),
        "reversed": gettext_lazy(
            "The lowest capital (%(low)s) is above the highest (%(high)s): swap them or clear one."
        ),
    },
}
RANGE_PARAMS = ("area_min", "area_max", "capital_min", "capital_max", "currency")
MAX_VALUES = 20  # more chosen values than any facet has choices is not a real request
_DIGITS = re.compile(r"^[0-9.,]+$")


class NotANumber(ValueError):
    pass


def parse_number(text):
    """A decimal from what a visitor types: `5000000`, `5,000,000`, `5.000.000` (vi), `1.5`,
    `1,5` (vi), with spaces allowed; raise NotANumber otherwise."""
    s = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("_", "")
    if not s or not _DIGITS.match(s) or not s[0].isdigit() or not s[-1].isdigit():
        raise NotANumber(text)
    decimal_sep = get_format("DECIMAL_SEPARATOR")
    if "." in s and "," in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        grouping = "," if dec == "." else "."
    else:
        sep = "." if "." in s else ("," if "," in s else "")
        if not sep:
            dec = grouping = ""
        elif s.count(sep) > 1:
            dec, grouping = "", sep
        elif sep == decimal_sep or not re.fullmatch(rf"\d{{1,3}}\{sep}\d{{3}}", s):
            dec, grouping = sep, ""
        else:
            dec, grouping = "", sep
    if grouping:
        groups = s.split(dec)[0].split(grouping) if dec else s.split(grouping)
        if len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
            raise NotANumber(text)
        s = s.replace(grouping, "")
    if dec:
        if s.count(dec) != 1:
            raise NotANumber(text)
        s = s.replace(dec, ".")
    try:
        return Decimal(s)
    except InvalidOperation as exc:
        raise NotANumber(text) from exc


@dataclass
class Range:
    low: Decimal | None = None
    high: Decimal | None = None

    @property
    def active(self):
        return self.low is not None or self.high is not None


@dataclass
class Facet:
    param: str
    label: str
    choices: list = field(default_factory=list)  # [(code, name, count, selected)]


class Screen:
    def __init__(self, index, params, rate=None):
        from promo.models import ExchangeRate

        self.index = index
        self.params = params
        self.errors = {}
        if rate is None:
            from wagtail.models import Site

            site = Site.objects.filter(is_default_site=True).first()
            rate = ExchangeRate.for_site(site) if site else None
        self.rate = rate
        self.selected = {}
        for param, _path, _label in FACETS:
            values = [v for v in dict.fromkeys(params.getlist(param)) if v]
            if len(values) > MAX_VALUES:
                self.errors[param] = _("Too many values chosen.")
                values = []
            if param == "status":
                unknown = [v for v in values if v not in InvestmentStatus.values]
                if unknown:
                    self.errors[param] = _("Unknown status: %(values)s.") % {"values": ", ".join(unknown)}
                    values = [v for v in values if v in InvestmentStatus.values]
            self.selected[param] = values
        self.currency = params.get("currency") or self.default_currency()
        if self.currency not in CURRENCIES:
            self.errors["currency"] = _("Currency must be VND or USD.")
            self.currency = "vnd"
        self.area = self._range("area", MAX_AREA_HA)
        self.capital = self._range("capital", self._max_capital())
        self.capital_vnd = self._capital_in_vnd()
        self.base = index_queryset(index)
        self.queryset = self.base.filter(self.q())

    # --- reading the parameters -------------------------------------------------------------
    def default_currency(self):
        from pagecache.memo import language_of

        return "vnd" if language_of(self.index) == "vi" else "usd"

    def _max_capital(self):
        if self.currency == "usd":
            if self.rate is not None and self.rate.usable:
                return MAX_VND / Decimal(self.rate.vnd_per_usd)
            return MAX_VND
        return MAX_VND

    def _range(self, name, ceiling):
        texts = RANGE_MESSAGES[name]
        values = {}
        for end in ("min", "max"):
            raw = (self.params.get(f"{name}_{end}") or "").strip()
            if not raw:
                values[end] = None
                continue
            try:
                value = parse_number(raw)
            except NotANumber:
                self.errors[name] = str(texts[f"not_number_{end}"])
                return Range()
            if value > ceiling:
                self.errors[name] = str(texts["too_big"]) % {"value": raw, "max": number(int(ceiling))}
                return Range()
            values[end] = value
        if values["min"] is not None and values["max"] is not None and values["min"] > values["max"]:
            self.errors[name] = str(texts["reversed"]) % {
                "low": number(values["min"]),
                "high": number(values["max"]),
            }
            return Range()
        return Range(values["min"], values["max"])

    def _capital_in_vnd(self):
        if not self.capital.active or self.currency == "vnd":
            return self.capital
        if self.rate is None or not self.rate.usable:
            self.errors["capital"] = _(
                "Capital in US dollars cannot be used because no exchange rate is set; enter it in VND."
            )
            return Range()
        return Range(to_vnd(self.capital.low, self.rate), to_vnd(self.capital.high, self.rate))

    # --- filtering -----------------------------------------------------------------------
    def q(self, without=None):
        q = Q()
        for param, path, _label in FACETS:
            if param != without and self.selected[param]:
                q &= Q(**{f"{path}__in": self.selected[param]})
        if self.area.low is not None:
            q &= Q(area_ha__gte=self.area.low)
        if self.area.high is not None:
            q &= Q(area_ha__lte=self.area.high)
        if self.capital_vnd.low is not None:
            q &= Q(capital_vnd__gte=self.capital_vnd.low)
        if self.capital_vnd.high is not None:
            q &= Q(capital_vnd__lte=self.capital_vnd.high)
        return q

    def counts(self, param):
        path = dict((p, path) for p, path, _l in FACETS)[param]
        rows = (
            self.base.filter(self.q(without=param))
            .order_by()
            .values(path)
            .annotate(n=Count("pk"))
            .values_list(path, "n")
        )
        return dict(rows)

    def facets(self):
        from pagecache.memo import per_generation
        from promo.models import Commune, InvestmentForm, Sector

        locale_id = self.index.locale_id

        def taxonomy_names():  # snippets: kept until one is edited (pagecache.memo)
            return {
                "sector": list(
                    Sector.objects.filter(locale_id=locale_id).order_by("name").values_list("slug", "name")
                ),
                "commune": list(
                    Commune.objects.filter(locale_id=locale_id).order_by("name").values_list("slug", "name")
                ),
                "form": list(
                    InvestmentForm.objects.filter(locale_id=locale_id)
                    .order_by("sort_order", "name")
                    .values_list("slug", "name")
                ),
            }

        names = {
            **per_generation(("investment-taxonomy-names", locale_id), taxonomy_names),
            "status": [(value, str(label)) for value, label in InvestmentStatus.choices],
        }
        facets = []
        for param, _path, label in FACETS:
            counts = self.counts(param)
            selected = self.selected[param]
            choices = [(code, name, counts.get(code, 0), code in selected) for code, name in names[param]]
            known = {code for code, *_rest in choices}
            unknown = [v for v in selected if v not in known]
            if unknown and param not in self.errors:
                self.errors[param] = _("Unknown code(s) under “%(filter)s”: %(values)s.") % {
                    "filter": label,
                    "values": ", ".join(unknown),
                }
            facets.append(Facet(param, str(label), choices))
        self._names = {f.param: {code: name for code, name, *_r in f.choices} for f in facets}
        return facets

    # --- presenting ---------------------------------------------------------------------
    def sort_key(self):
        sort = self.params.get("sort") or "newest"
        sort = SORT_ALIASES.get(sort, sort)
        return sort if sort in SORTS else "newest"

    def ordered(self):
        return self.queryset.order_by(*SORTS[self.sort_key()][1], "pk")

    def querystring(self, drop=None, drop_value=None, extra=None):
        params = QueryDict(mutable=True)
        for key in self.params:
            if key in ("page", "untranslated"):
                continue
            for value in self.params.getlist(key):
                if key == drop and (drop_value is None or value == drop_value):
                    continue
                if value != "":
                    params.appendlist(key, value)
        for key, value in (extra or {}).items():
            params[key] = value
        return params.urlencode()

    def chips(self):
        """[{"label", "url"}] of the active filters; each URL removes that filter only."""
        names = getattr(self, "_names", None)
        if names is None:
            self.facets()
            names = self._names
        chips = []
        for param, _path, label in FACETS:
            for value in self.selected[param]:
                if value in names[param]:
                    chips.append(
                        {
                            "label": f"{label}: {names[param][value]}",
                            "url": "?" + self.querystring(drop=param, drop_value=value),
                        }
                    )
        for name, what, rng, unit in (
            ("area", _("Area"), self.area, "ha"),
            ("capital", _("Capital"), self.capital, self.currency.upper()),
        ):
            if not rng.active:
                continue
            if rng.low is not None and rng.high is not None:
                text = _("%(low)s–%(high)s %(unit)s") % {
                    "low": number(rng.low),
                    "high": number(rng.high),
                    "unit": unit,
                }
            elif rng.low is not None:
                text = _("from %(low)s %(unit)s") % {"low": number(rng.low), "unit": unit}
            else:
                text = _("up to %(high)s %(unit)s") % {"high": number(rng.high), "unit": unit}
            params = QueryDict(self.querystring(), mutable=True)
            params.pop(f"{name}_min", None)
            params.pop(f"{name}_max", None)
            chips.append({"label": f"{what}: {text}", "url": "?" + params.urlencode()})
        return chips


def index_queryset(index):
    from pagecache.memo import public
    from promo.models import InvestmentPage

    return public(InvestmentPage.objects.live()).filter(locale_id=index.locale_id).descendant_of(index)


def listing_context(index, request):
    from django.db.models import Prefetch
    from wagtail.images import get_image_model

    from promo.models import ExchangeRate
    from promo.models.listing import LISTING_RENDITIONS

    rate = ExchangeRate.for_request(request)
    screen = Screen(index, request.GET, rate=rate)
    facets = screen.facets()
    images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
    qs = (
        screen.ordered()
        .select_related("commune", "sector", "investment_form")
        .prefetch_related(Prefetch("hero_image", queryset=images))
    )
    paginator = Paginator(qs, settings.CATALOGUE_PAGE_SIZE)
    items = paginator.get_page(request.GET.get("page"))  # not a number: 1; past the end: the last
    view = "map" if request.GET.get("view") == "map" else "list"
    alert_query = QueryDict(mutable=True)
    alert_query.setlist("sector", screen.selected["sector"])
    alert_query.setlist("commune", screen.selected["commune"])
    alerts_url = reverse("alerts:subscribe") + ("?" + alert_query.urlencode() if alert_query else "")
    return {
        "screen": screen,
        "facets": facets,
        "chips": screen.chips(),
        "rate": rate,
        "items": items,
        "sort": screen.sort_key(),
        "sort_options": [(value, label) for value, (label, _o) in SORTS.items()],
        "filter_querystring": screen.querystring(),
        "page_querystring": screen.querystring(drop="page"),
        "list_url": "?" + screen.querystring(drop="view"),
        "map_url": "?" + screen.querystring(drop="view", extra={"view": "map"}),
        "view": view,
        "currency": screen.currency,
        "alerts_url": alerts_url,
        "range_values": {name: request.GET.get(name, "") for name in RANGE_PARAMS},
        "filter_errors": screen.errors,
    }

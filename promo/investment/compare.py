"""Side-by-side comparison of up to three opportunities: `<index>/compare/?ref=a&ref=b&ref=c`.

The URL is the whole state (shareable, no JavaScript, no session): every fact of the facts table
is a row, shown when at least one compared item has it."""

from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from promo.investment.facts import FACT_ROWS, incentive_items

MAX_COMPARED = 3


def _url(index, refs):
    query = QueryDict(mutable=True)
    query.setlist("ref", refs)
    return index.compare_url + ("?" + query.urlencode() if refs else "")


def compare_view(index, request):
    from promo.investment.facts import document_numbers
    from promo.investment.screening import index_queryset
    from promo.models import ExchangeRate

    rate = ExchangeRate.for_request(request)
    messages = []
    asked = [ref.strip() for ref in request.GET.getlist("ref") if ref.strip()]
    refs = list(dict.fromkeys(asked))
    if len(refs) > MAX_COMPARED:
        messages.append(
            _("You can compare up to %(count)s opportunities at a time; the first %(count)s are shown.")
            % {"count": MAX_COMPARED}
        )
        refs = refs[:MAX_COMPARED]
    found = {
        page.ref: page
        for page in index_queryset(index)
        .filter(ref__in=refs)
        .select_related("sector", "commune", "investment_form", "officer")
    }
    missing = [ref for ref in refs if ref not in found]
    if missing:
        messages.append(_("Not found in this language: %(refs)s.") % {"refs": ", ".join(missing)})
    items = [found[ref] for ref in refs if ref in found]
    kept = [item.ref for item in items]

    documents = document_numbers(index.locale)
    groups = []
    for _key, label, rows in FACT_ROWS:
        table = []
        for _fact_key, fact_label, value in rows:
            values = [value(item, rate) for item in items]
            if any(values):
                table.append({"label": str(fact_label), "values": values})
        if table:
            groups.append({"label": str(label), "rows": table})
    incentives = [incentive_items(item, documents) for item in items]
    columns = [
        {
            "item": item,
            "remove_url": _url(index, [r for r in kept if r != item.ref]),
            "incentives": incentives[n],
        }
        for n, item in enumerate(items)
    ]
    addable = []
    if len(items) < MAX_COMPARED:
        addable = list(
            index_queryset(index).exclude(ref__in=kept).order_by("title").values_list("ref", "title")
        )
    context = {
        "page": index,
        "self": index,
        "request": request,
        "rate": rate,
        "columns": columns,
        "groups": groups,
        "messages_list": messages,
        "addable": addable,
        "kept": kept,
        "max_compared": MAX_COMPARED,
        "share_url": request.build_absolute_uri(_url(index, kept)),
        "has_incentives": any(incentives),
    }
    return TemplateResponse(request, "promo/investment_compare.html", context)

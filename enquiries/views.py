from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from enquiries import intake, ratelimit
from enquiries.delivery import recipient_for
from enquiries.forms import EnquiryForm
from enquiries.models import Enquiry


def _opportunity(page_id):
    from promo.models import InvestmentPage

    return get_object_or_404(InvestmentPage.objects.live().public(), pk=page_id)


@require_http_methods(["GET", "POST"])
def contact(request):
    return _handle(request, Enquiry.Kind.GENERAL, opportunity=None)


@require_http_methods(["GET", "POST"])
def interest(request, page_id):
    return _handle(request, Enquiry.Kind.INTEREST, opportunity=_opportunity(page_id))


def thanks(request):
    return render(request, "enquiries/thanks.html")


def _handle(request, kind, opportunity):
    template = "enquiries/interest_page.html" if opportunity else "enquiries/contact_page.html"
    if request.method != "POST":
        form = EnquiryForm(kind=kind)
        return render(request, template, {"form": form, "opportunity": opportunity})

    form = EnquiryForm(request.POST, kind=kind)
    if form.is_spam:
        # Look exactly like success so the bot learns nothing; keep nothing, and count
        # nothing: behind a proxy or a shared network, bots would use up real visitors' quota.
        return redirect("enquiries:thanks")
    if not form.is_valid():
        return render(request, template, {"form": form, "opportunity": opportunity})
    if not ratelimit.reserve(request, form.cleaned_data["email"]):
        return render(request, "enquiries/rate_limited.html", status=429)

    enquiry = form.save(commit=False)
    enquiry.kind = kind
    enquiry.language = get_language()
    enquiry.recipient = recipient_for(opportunity, Site.find_for_request(request))
    if opportunity is not None:
        enquiry.opportunity = opportunity
        enquiry.opportunity_ref = opportunity.ref
        enquiry.opportunity_title = opportunity.title
    # Stored (or, if the database cannot take it now, kept on disk and stored later); its
    # e-mail is sent by the task worker, so no mail server can slow this request.
    intake.accept(enquiry)
    return redirect("enquiries:thanks")

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from alerts.forms import SubscribeForm
from alerts.models import AlertSubscription
from alerts.tasks import queue_confirmation
from enquiries import ratelimit


def _locale():
    return Locale.objects.filter(language_code=get_language()).first()


@require_http_methods(["GET", "POST"])
def subscribe(request):
    locale = _locale()
    if request.method != "POST":
        initial = {"sectors": request.GET.getlist("sector"), "communes": request.GET.getlist("commune")}
        return render(
            request, "alerts/subscribe.html", {"form": SubscribeForm(initial=initial, locale=locale)}
        )
    form = SubscribeForm(request.POST, locale=locale)
    if form.is_spam:
        # Look exactly like success so the bot learns nothing; keep nothing, count nothing.
        return redirect("alerts:sent")
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", {"form": form})
    if not ratelimit.reserve(request, form.cleaned_data["email"]):
        return render(request, "enquiries/rate_limited.html", status=429)
    subscription = AlertSubscription(
        email=form.cleaned_data["email"],
        language=get_language(),
        sectors=sorted(form.cleaned_data["sectors"]),
        communes=sorted(form.cleaned_data["communes"]),
    )
    root = request.build_absolute_uri("/").rstrip("/")
    with transaction.atomic():
        subscription.save()
        # Queued once the row is committed; the worker sends it (as the enquiry forms' e-mails).
        transaction.on_commit(lambda: queue_confirmation(subscription.pk, root))
    return redirect("alerts:sent")


def sent(request):
    return render(request, "alerts/sent.html")


def confirm(request, token):
    subscription = AlertSubscription.objects.filter(token=token).first()
    if subscription is None:
        return render(request, "alerts/unknown.html", status=404)
    subscription.confirm()
    return render(request, "alerts/confirmed.html", {"subscription": subscription})


def renew(request, token):
    subscription = get_object_or_404(AlertSubscription, token=token, confirmed_at__isnull=False)
    subscription.renewed_at = timezone.now()
    subscription.save(update_fields=["renewed_at"])
    return render(request, "alerts/confirmed.html", {"subscription": subscription, "renewed": True})


@csrf_exempt  # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" without a form
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    deleted, _counts = AlertSubscription.objects.filter(token=token).delete()
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
        return HttpResponse(status=200 if deleted else 404)
    return render(request, "alerts/unsubscribed.html", {"deleted": bool(deleted)})

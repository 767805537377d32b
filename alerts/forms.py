from django import forms
from django.utils.translation import gettext_lazy as _

from enquiries.forms import HONEYPOT


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Please enter an email address like name@example.com."),
        },
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    communes = forms.MultipleChoiceField(
        label=_("Communes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    consent = forms.BooleanField(
        label=_(
            "Send me an e-mail when matching opportunities are published. I can stop it with "
            "one click in any message."
        ),
        error_messages={"required": _("Please agree, or we cannot send you alerts.")},
    )
    # Hidden from people (see the template); bots that fill every input reveal themselves.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, locale=None, **kwargs):
        from promo.models import Commune, Sector

        super().__init__(*args, **kwargs)
        self.fields["sectors"].choices = list(
            Sector.objects.filter(locale=locale).order_by("name").values_list("slug", "name")
        )
        self.fields["communes"].choices = list(
            Commune.objects.filter(locale=locale).order_by("name").values_list("slug", "name")
        )
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields[HONEYPOT].widget.attrs.update(autocomplete="off", tabindex="-1")

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT, "").strip())

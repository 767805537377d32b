from django import forms
from django.utils.translation import gettext_lazy as _

from enquiries.countries import COUNTRIES
from enquiries.models import Enquiry

HONEYPOT = "website"


class EnquiryForm(forms.ModelForm):
    # Model BooleanFields become optional form fields; consent must be given, not assumed.
    consent = forms.BooleanField(
        label=_("I agree to be contacted about this enquiry and to my details being kept for that purpose."),
        error_messages={"required": _("Please agree to be contacted, or we cannot reply.")},
    )
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        choices=[("", _("Choose a country"))] + COUNTRIES,
    )
    # Hidden from people (see the template); bots that fill every input reveal themselves.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    class Meta:
        model = Enquiry
        fields = ["name", "company", "country", "email", "phone", "message", "consent"]
        labels = {
            "name": _("Your name"),
            "company": _("Company or organisation"),
            "email": _("Email address"),
            "phone": _("Phone number"),
            "message": _("Message"),
        }
        help_texts = {
            "email": _("We reply to this address."),
            "phone": _("With the country code, e.g. +82 2 1234 5678."),
        }
        error_messages = {
            "name": {"required": _("Please enter your name.")},
            "email": {
                "required": _("Please enter your email address."),
                "invalid": _("Please enter an email address like name@example.com."),
            },
            "message": {"required": _("Please write a message.")},
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, kind=Enquiry.Kind.GENERAL, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind == Enquiry.Kind.INTEREST:
            self.fields["message"].required = False
            self.fields["message"].help_text = _(
                "Optional: what you plan, the area or capital you have in mind, your timing."
            )
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        self.fields["country"].widget.attrs["autocomplete"] = "country"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields[HONEYPOT].widget.attrs.update(autocomplete="off", tabindex="-1")

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT, "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

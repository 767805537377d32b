"""The countries an enquirer can pick from.

A compact list on purpose: the investors and partners this office hears from come from a few
dozen economies, and Django ships no translated country names. A full ISO 3166 list would mean
~250 names x 4 languages to maintain by hand; anyone else picks "Other" and says where they
are in the message.
"""

from django.utils.translation import gettext_lazy as _

OTHER = "ZZ"  # ISO 3166 user-assigned code, so the column stays two letters

COUNTRIES = [
    ("VN", _("Vietnam")),
    ("KR", _("South Korea")),
    ("JP", _("Japan")),
    ("CN", _("China")),
    ("TW", _("Taiwan (China)")),  # as in Vietnam's official statistics
    ("HK", _("Hong Kong (China)")),
    ("SG", _("Singapore")),
    ("TH", _("Thailand")),
    ("MY", _("Malaysia")),
    ("ID", _("Indonesia")),
    ("PH", _("Philippines")),
    ("KH", _("Cambodia")),
    ("LA", _("Laos")),
    ("IN", _("India")),
    ("AU", _("Australia")),
    ("NZ", _("New Zealand")),
    ("US", _("United States")),
    ("CA", _("Canada")),
    ("GB", _("United Kingdom")),
    ("DE", _("Germany")),
    ("FR", _("France")),
    ("NL", _("Netherlands")),
    ("BE", _("Belgium")),
    ("IT", _("Italy")),
    ("ES", _("Spain")),
    ("CH", _("Switzerland")),
    ("SE", _("Sweden")),
    ("DK", _("Denmark")),
    ("IL", _("Israel")),
    ("AE", _("United Arab Emirates")),
    (OTHER, _("Other country")),
]

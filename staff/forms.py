from django import forms
from django.utils.translation import gettext_lazy as _

from promo.catalogue.spec import KINDS

KIND_LABELS = {
    "product": _("Local products"),
    "fair": _("Trade fairs and events"),
    "attraction": _("Tourism"),
    "investment": _("Investment opportunities"),
    "news": _("News"),
}
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of item"), choices=[(kind, KIND_LABELS[kind]) for kind in KINDS])
    file = forms.FileField(
        label=_("Spreadsheet"), help_text=_("A .xlsx or .csv file whose first row names the columns.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload a .xlsx or .csv file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB; split it."))
        return upload

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

RESPONSIBILITY_CHOICES = [
    ("foreign_information", _("Foreign information")),
    ("investment_promotion", _("Investment promotion")),
    ("tourism_promotion", _("Tourism promotion")),
    ("other", _("Other")),
]


class OfficialValue(blocks.StructValue):
    def responsibility_label(self):
        return dict(RESPONSIBILITY_CHOICES).get(self.get("responsibility"), "")


class OfficialBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=pgettext_lazy("person", "name"), max_length=120)
    position = blocks.CharBlock(label=_("position"), max_length=200)
    responsibility = blocks.ChoiceBlock(
        label=_("responsible for"), choices=RESPONSIBILITY_CHOICES, default="other"
    )
    phone = blocks.CharBlock(label=_("phone"), max_length=40, required=False)
    email = blocks.EmailBlock(label=_("email"), required=False)

    class Meta:
        icon = "user"
        label = _("official")
        value_class = OfficialValue
        template = "portal/blocks/official.html"

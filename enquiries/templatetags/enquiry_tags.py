from django import template

from enquiries.forms import EnquiryForm
from enquiries.models import Enquiry

register = template.Library()


@register.simple_tag
def interest_form():
    """A blank "Express interest" form for an opportunity's own page."""
    return EnquiryForm(kind=Enquiry.Kind.INTEREST)


@register.simple_tag
def enquiry_retention_days():
    from enquiries.conf import retention_days

    return retention_days()

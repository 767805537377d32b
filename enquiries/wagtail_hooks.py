from wagtail import hooks
from wagtail.permissions import register_permission_policy

from enquiries.admin_views import EnquiryViewSet, ReadOnlyPolicy
from enquiries.models import Enquiry

register_permission_policy(Enquiry, ReadOnlyPolicy(Enquiry))


@hooks.register("register_admin_viewset")
def register_enquiry_viewset():
    return EnquiryViewSet()

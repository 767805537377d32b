from django.urls import path

from enquiries import views
from promo import converters  # noqa: F401  (registers <id:…>)

app_name = "enquiries"

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("enquiries/interest/<id:page_id>/", views.interest, name="interest"),
    path("enquiries/thanks/", views.thanks, name="thanks"),
]

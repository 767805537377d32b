from django.urls import path

from enquiries import views

app_name = "enquiries"

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("enquiries/interest/<int:page_id>/", views.interest, name="interest"),
    path("enquiries/thanks/", views.thanks, name="thanks"),
]

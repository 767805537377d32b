from django.urls import path

from promo import converters  # noqa: F401  (registers <id:…>)
from staff import views

urlpatterns = [
    path("import/", views.ImportView.as_view(), name="staff_import"),
    path("import/job/<id:job_id>/", views.JobView.as_view(), name="staff_import_job"),
    path(
        "import/template/<str:kind>.<str:fmt>",
        views.TemplateDownloadView.as_view(),
        name="staff_import_template",
    ),
    path("import/<str:token>/", views.PreviewView.as_view(), name="staff_import_preview"),
    path("import/<str:token>/confirm/", views.ConfirmView.as_view(), name="staff_import_confirm"),
]

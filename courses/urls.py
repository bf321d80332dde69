from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("moje-kursy/", views.dashboard, name="dashboard"),
    path("certyfikaty/<str:number>/", views.certificate_html, name="certificate"),
    path(
        "certyfikaty/<str:number>/pdf/", views.certificate_pdf, name="certificate_pdf"
    ),
    path("weryfikacja-certyfikatu/", views.certificate_verify, name="verify"),
    path(
        "weryfikacja-certyfikatu/<str:code>/",
        views.certificate_verify,
        name="verify_code",
    ),
]

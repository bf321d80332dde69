from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("cookies/decyzja/", views.decide, name="decide"),
    path("ustawienia-cookies/", views.settings_page, name="cookie_settings"),
    path("konto/wnioski-rodo/", views.my_requests, name="my_requests"),
    path("wniosek-rodo/", views.public_request, name="public_request"),
    path("konto/kopia-danych/<int:pk>/", views.export_download, name="export"),
    path(
        "wniosek-rodo/potwierdz/<str:token>/",
        views.confirm_request,
        name="confirm_request",
    ),
]

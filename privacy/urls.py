from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("cookies/decyzja/", views.decide, name="decide"),
    path("ustawienia-cookies/", views.settings_page, name="cookie_settings"),
]

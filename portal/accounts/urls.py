from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("moje-dane/", views.my_data, name="my_data"),
    path("sesja/", views.session_status, name="session"),
    path("akceptacja-dokumentow/", views.accept_documents, name="accept_documents"),
]

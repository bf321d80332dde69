from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("<int:forum_id>/", views.forum_index, name="index"),
    path("<int:forum_id>/nowy-temat/", views.topic_new, name="topic_new"),
    path("temat/<int:topic_id>/", views.topic_detail, name="topic"),
    path("wpis/<int:post_id>/edytuj/", views.post_edit, name="post_edit"),
    path("wpis/<int:post_id>/zglos/", views.post_report, name="post_report"),
    path(
        "powiadomienia/<str:kind>/<int:object_id>/",
        views.subscription_toggle,
        name="subscription_toggle",
    ),
    path("wypisz/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("moja-nazwa/", views.display_name, name="display_name"),
]

from django.conf import settings
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views
from portal.pages import views as page_views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Neither the admin nor Wagtail's page-privacy view signs anyone in: everyone
    # signs in (staff with 2FA) through allauth.
    path(
        "admin/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
    ),
    path(
        "_util/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenty/", include(wagtaildocs_urls)),
    path("szukaj/", page_views.search, name="search"),
    path("wyglad/", page_views.display_settings, name="display_settings"),
    path("konto/", include("portal.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("", include("courses.urls")),
    path("forum/", include("forum.urls")),
    path("spotkania/", include("counselling.urls")),
    path("", include("privacy.urls")),
]

# The baseline of `make bench` (bench/run.py); off unless DJANGO_BENCH_MINIMAL_VIEW=1.
if getattr(settings, "BENCH_MINIMAL_VIEW", False):
    urlpatterns.insert(0, path("_bench/minimal/", views.bench_minimal))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "portal.core.views.bad_request"

from wagtail import hooks

from .viewsets import AccommodationViewSet, StatisticsViewSet


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return [StatisticsViewSet(), AccommodationViewSet("accommodations")]

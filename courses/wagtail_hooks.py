from wagtail import hooks

from .admin_home import ProgrammePanel
from .viewsets import AccommodationViewSet, StatisticsViewSet


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return [StatisticsViewSet(), AccommodationViewSet("accommodations")]


hooks.register("construct_homepage_panels", ProgrammePanel.add_to_home)

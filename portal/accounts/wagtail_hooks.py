from wagtail import hooks

from .viewsets import ProgrammeViewSetGroup


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return ProgrammeViewSetGroup()


@hooks.register("construct_main_menu")
def hide_help_menu(request, menu_items):
    """Keep each role's menu to its own work: Wagtail's generic help is not in it."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]

from wagtail import hooks

from .viewsets import DataProtectionViewSetGroup


@hooks.register("register_admin_viewset")
def register_data_protection_viewsets():
    return DataProtectionViewSetGroup()

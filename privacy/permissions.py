"""Who may handle data-subject requests: the data-protection officer only."""


def can_handle_requests(user) -> bool:
    return user.is_authenticated and user.has_perm("privacy.change_datarequest")


def can_file_request(user) -> bool:
    return user.is_authenticated and user.is_active

"""Who may handle data-subject requests: the data-protection officer only."""


def can_handle_requests(user) -> bool:
    return user.is_authenticated and user.has_perm("privacy.change_datarequest")


def can_file_request(user) -> bool:
    return user.is_authenticated and user.is_active


def can_read_audit_log(user) -> bool:
    return user.is_authenticated and user.has_perm("core.view_auditentry")


def can_download_export(user, export, now) -> bool:
    """Only the owner, only while the copy exists and has not expired."""
    return (
        user.is_authenticated
        and export.user_id == user.pk
        and bool(export.file)
        and export.expires_at >= now
    )

"""Project-level views: health check and the CSRF failure page."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from portal.celery import app


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_cache():
    cache.set("healthz", "1", 10)
    if cache.get("healthz") != "1":
        raise RuntimeError("cache did not return the value it was given")
    return "ok"


def check_broker():
    if app.conf.task_always_eager:
        return "in-process"
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "ok"


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}
CRITICAL = {"database"}


@never_cache
def healthz(request):
    """Report each component; answer 503 when the portal cannot serve (no database)."""
    report, healthy = {}, True
    for name, check in CHECKS.items():
        try:
            report[name] = check()
        except Exception as exc:  # noqa: BLE001 - every failure is a finding here
            report[name] = f"error: {exc.__class__.__name__}"
            if name in CRITICAL:
                healthy = False
    report["status"] = "ok" if healthy else "error"
    return JsonResponse(report, status=200 if healthy else 503)


def csrf_failure(request, reason=""):
    return TemplateResponse(
        request,
        "403_csrf.html",
        {"debug": settings.DEBUG, "reason": reason},
        status=403,
    )

"""Project-level views: health check, the CSRF failure page, the bench baseline."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from portal.celery import app
from portal.core.models import OutboxMessage


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


def check_outbox():
    """Background jobs waiting: how many, and how long the oldest has waited."""
    pending = OutboxMessage.objects.filter(done_at__isnull=True, failed_at__isnull=True)
    oldest = pending.order_by("created_at").values_list("created_at", flat=True)
    first = oldest.first()
    waited = int((timezone.now() - first).total_seconds()) if first else 0
    if waited > settings.OUTBOX_REDELIVER_AFTER * 5:
        raise RuntimeError(f"{pending.count()} jobs waiting, oldest {waited} s")
    return "ok"


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "outbox": check_outbox,
}
CRITICAL = {"database"}


@never_cache
def healthz(request):
    """Report each component for a load balancer and a monitor.

    200 with "status": "ok" when all answer; 200 with "status": "degraded" when the
    cache, the broker or the job queue fails (pages are still served, jobs wait in
    the outbox); 503 with "status": "error" when the database fails.
    """
    report, status = {}, "ok"
    for name, check in CHECKS.items():
        try:
            report[name] = check()
        except Exception as exc:  # noqa: BLE001 - every failure is a finding here
            report[name] = f"error: {exc.__class__.__name__}: {exc}"[:200]
            if name in CRITICAL:
                status = "error"
            elif status == "ok":
                status = "degraded"
    report["status"] = status
    return JsonResponse(report, status=503 if status == "error" else 200)


def csrf_failure(request, reason=""):
    return TemplateResponse(
        request,
        "403_csrf.html",
        {"debug": settings.DEBUG, "reason": reason},
        status=403,
    )


def bench_minimal(request):
    """The baseline `make bench` divides by: one response through the middleware.

    Routed only when settings.BENCH_MINIMAL_VIEW is on (DJANGO_BENCH_MINIMAL_VIEW=1).
    """
    return HttpResponse("ok", content_type="text/plain")

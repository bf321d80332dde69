"""Point the portal's Celery app at a broker for one test, then back in-process."""

from contextlib import contextmanager

from portal.celery import app


def _forget_connections():
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def celery_on_broker(url: str):
    """Send tasks to `url` (not run them in-process) while the block runs."""
    previous = app.conf.broker_url
    app.conf.task_always_eager = False
    app.conf.broker_url = url
    _forget_connections()
    try:
        yield app
    finally:
        app.conf.task_always_eager = True
        app.conf.broker_url = previous
        _forget_connections()

import os
import shutil
from email import message_from_bytes
from pathlib import Path

import pytest
from django.db import connection

from .processes import CeleryWorker, RedisServer

FIGURES: list[str] = []


def pytest_terminal_summary(terminalreporter):
    """Print the fault tests' figures at the end of the run, passed or not."""
    if FIGURES:
        terminalreporter.section("fault tests: figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture
def figures():
    """Record a line of figures for the summary (and print it with -s)."""

    def record(line: str):
        FIGURES.append(line.strip())
        print(line)

    return record


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/faults/" in str(item.fspath):
            item.add_marker(pytest.mark.faults)


def needs_postgres_and_redis():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("the worker shares the test database: needs PostgreSQL")
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server to run a Redis of its own")


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


class Mailbox:
    """The messages a worker wrote with Django's file-based e-mail backend."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def messages(self):
        for path in sorted(self.folder.glob("*.log")):
            for chunk in path.read_bytes().split(b"-" * 79):
                if chunk.strip():
                    yield message_from_bytes(chunk.strip())

    def to(self, address: str) -> list:
        return [m for m in self.messages() if address in (m["To"] or "")]


@pytest.fixture
def worker_env(settings, tmp_path, redis_server):
    needs_postgres_and_redis()
    database = connection.settings_dict
    user = database["USER"] or "postgres"
    host = database["HOST"] or "127.0.0.1"
    port = database["PORT"] or "5432"
    settings.OUTBOX_REDELIVER_AFTER = 5
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"postgres://{user}@{host}:{port}/{database['NAME']}",
        "REDIS_URL": redis_server.url,
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DJANGO_EMAIL_FILE_PATH": str(tmp_path / "mail"),
        "DJANGO_PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "DJANGO_OUTBOX_REDELIVER_AFTER": "5",
    }


@pytest.fixture
def mailbox(worker_env):
    return Mailbox(Path(worker_env["DJANGO_EMAIL_FILE_PATH"]))


@pytest.fixture
def start_worker(worker_env, tmp_path):
    started = []

    def start(concurrency=1):
        worker = CeleryWorker(worker_env, tmp_path / "worker.log", concurrency)
        started.append(worker.start())
        return worker

    yield start
    for worker in started:
        worker.kill()

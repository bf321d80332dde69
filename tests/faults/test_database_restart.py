"""PostgreSQL restarts under a bounded request loop: count the errors, then none.

The portal runs in gunicorn against a PostgreSQL cluster of the test's own, which
is restarted in the middle of the loop. Persistent connections that died with it
are replaced before use (CONN_HEALTH_CHECKS), so only the requests made while the
database was down fail.
"""

import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from .processes import PG_BIN, ROOT, PostgresCluster, free_port, port_open, wait_until

REQUESTS = 240
RESTART_AT = 60
PAGES = ["/", "/faq/", "/healthz"]


@pytest.fixture
def cluster():
    if PG_BIN is None or not shutil.which("runuser") and os.geteuid() == 0:
        pytest.skip("needs PostgreSQL's server binaries")
    database = PostgresCluster().create()
    yield database
    database.stop()
    shutil.rmtree(database.folder, ignore_errors=True)


@pytest.fixture
def portal(cluster, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": cluster.url,
        "DJANGO_DEBUG": "0",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_demo_content"]):
        subprocess.run(
            manage + command, cwd=ROOT, env=env, check=True, capture_output=True
        )
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=(tmp_path / "gunicorn.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    wait_until(lambda: port_open(port), 30, what="gunicorn")
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(20)


def fetch(url) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def test_a_database_restart_costs_only_the_requests_made_while_it_was_down(
    cluster, portal, figures
):
    window = {}

    def restart():
        window["from"] = time.monotonic()
        cluster.restart()
        window["to"] = time.monotonic()

    results, restarting = [], None
    for number in range(REQUESTS):
        if number == RESTART_AT:
            restarting = threading.Thread(target=restart)
            restarting.start()
        status = fetch(portal + PAGES[number % len(PAGES)])
        results.append((time.monotonic(), status))
        time.sleep(0.02)
    restarting.join()

    down_from, down_to = window["from"], window["to"] + 1.0
    errors = [(moment, status) for moment, status in results if status != 200]
    outside = [e for e in errors if not down_from <= e[0] <= down_to]
    during = sum(1 for moment, _ in results if down_from <= moment <= down_to)
    figures(
        f"database restart: {REQUESTS} requests, the restart took "
        f"{window['to'] - window['from']:.1f} s, {len(errors)} failed "
        f"({sorted({s for _, s in errors})}) of {during} made meanwhile, "
        f"{len(outside)} failed outside it"
    )
    assert not outside
    assert results[-1][1] == 200

"""The portal past one machine: `python -m bench.scaleout` run for real.

Two app servers in network namespaces behind haproxy share PostgreSQL, Redis and
the private files; a learner's session holds across them, and a request loop
through the loss of one of them has no failed request. Needs root, haproxy,
iproute2, redis-server, openssl and PostgreSQL (DATABASE_URL); skipped otherwise.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest

from .processes import ROOT

TIMEOUT = 600


def needs_root_haproxy_and_postgres() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("the app servers share a PostgreSQL database: needs PostgreSQL")
    if os.geteuid() != 0:
        pytest.skip("network namespaces need root")
    for tool in ("haproxy", "ip", "redis-server", "openssl"):
        if not shutil.which(tool, path=os.environ.get("PATH", "") + ":/usr/sbin"):
            pytest.skip(f"needs {tool}")
    return url


def test_app_servers_behind_haproxy_keep_the_session_and_lose_no_request(figures):
    url = needs_root_haproxy_and_postgres()
    haproxy = shutil.which("haproxy", path=os.environ.get("PATH", "") + ":/usr/sbin")
    script = subprocess.Popen(
        [sys.executable, "-m", "bench.scaleout", "--postgres", url]
        + ["--haproxy", haproxy, "--database", f"scaleout_{os.getpid()}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        stdout, stderr = script.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        script.terminate()  # SIGTERM: the script still removes what it made
        stdout, stderr = script.communicate(timeout=60)
        pytest.fail(f"the scale-out run took over {TIMEOUT} s:\n{stdout}{stderr}")
    result = subprocess.CompletedProcess(script.args, script.returncode, stdout, stderr)
    for line in result.stdout.splitlines():
        if line.startswith("scale-out:"):
            figures(line)
    output = result.stdout + result.stderr[-4000:]
    assert result.returncode == 0, output
    assert "private files shared: yes" in result.stdout, output
    assert "session kept across servers: yes" in result.stdout, output
    assert re.search(r"requests [1-9]\d*, failed 0 during the loss", result.stdout)

"""Processes, network namespaces, the shared database and haproxy for the run.

Every step that leaves something behind registers its undoing in CLEANUPS;
`cleanup()` runs them last first, also after a failure.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent.parent
NAMESPACE = "kdp-app{}"
APP_PORT = 8000
CLEANUPS: list = []


def host_ip(n: int) -> str:
    """The host's end of app server n's veth pair."""
    return f"10.201.{n}.1"


def app_ip(n: int) -> str:
    return f"10.201.{n}.2"


def run(*command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def port_open(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.3)
        return sock.connect_ex((host, port)) == 0


def wait_until(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise TimeoutError(f"waited {timeout} s for {what}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cleanup():
    """Undo every step taken, last first; safe to call twice."""
    while CLEANUPS:
        step = CLEANUPS.pop()
        try:
            step()
        except Exception as exc:  # noqa: BLE001 - go on removing the rest
            print(f"scale-out: cleanup step failed: {exc}", file=sys.stderr)


def start(command, log: Path, env=None) -> subprocess.Popen:
    """A process in its own group, killed with its children at cleanup."""
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def stop():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)

    CLEANUPS.append(stop)
    return process


# --- one network namespace per app server -----------------------------------------


def namespace_kill(n: int):
    """SIGKILL every process in the namespace: the app server is lost."""
    found = subprocess.run(
        ["ip", "netns", "pids", NAMESPACE.format(n)], capture_output=True, text=True
    )
    for pid in found.stdout.split():
        try:
            os.kill(int(pid), signal.SIGKILL)
        except ProcessLookupError:
            pass


def namespace_remove(n: int):
    namespace_kill(n)
    subprocess.run(["ip", "netns", "del", NAMESPACE.format(n)], capture_output=True)
    subprocess.run(["ip", "link", "del", f"kdph{n}"], capture_output=True)


def namespace_create(n: int):
    """Namespace kdp-appN with a veth pair: host 10.201.N.1, app server 10.201.N.2."""
    name, host_end, app_end = NAMESPACE.format(n), f"kdph{n}", f"kdpa{n}"
    namespace_remove(n)  # a leftover of an interrupted run
    CLEANUPS.append(lambda: namespace_remove(n))
    run("ip", "netns", "add", name)
    run("ip", "link", "add", host_end, "type", "veth", "peer", "name", app_end)
    run("ip", "link", "set", app_end, "netns", name)
    run("ip", "addr", "add", f"{host_ip(n)}/30", "dev", host_end)
    run("ip", "link", "set", host_end, "up")
    run("ip", "-n", name, "addr", "add", f"{app_ip(n)}/30", "dev", app_end)
    run("ip", "-n", name, "link", "set", app_end, "up")
    run("ip", "-n", name, "link", "set", "lo", "up")


def in_namespace(n: int, *command) -> list[str]:
    return ["ip", "netns", "exec", NAMESPACE.format(n), *command]


# --- the shared database ----------------------------------------------------------


def database_admin(url, statement: str):
    with psycopg.connect(
        url._replace(path="/postgres").geturl(), autocommit=True
    ) as db:
        db.execute(statement)


def database_create(url, name: str):
    """A fresh database on the server `url` names, dropped at cleanup."""
    drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    database_admin(url, drop)
    database_admin(url, f'CREATE DATABASE "{name}"')
    CLEANUPS.append(lambda: database_admin(url, drop))


# --- haproxy ----------------------------------------------------------------------


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1: (haproxy's PEM, the client's CA)."""
    key, cert, pem = folder / "key.pem", folder / "cert.pem", folder / "site.pem"
    run(
        "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        "-keyout", str(key), "-out", str(cert),
    )  # fmt: skip
    pem.write_text(cert.read_text() + key.read_text())
    return pem, cert


HAPROXY = """\
global
    maxconn 512
    stats socket {socket} mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout check 2s
    retries 3
    option redispatch 1
    retry-on all-retryable-errors conn-failure empty-response
    option forwardfor
frontend portal
    bind 127.0.0.1:{port} ssl crt {pem}
    http-request set-header X-Forwarded-Proto https
    default_backend apps
backend apps
    balance roundrobin
    option httpchk
    http-check send meth GET uri /healthz ver HTTP/1.1 \
hdr Host localhost hdr X-Forwarded-Proto https
    http-check expect status 200
    http-response set-header X-Backend %s
    default-server check inter 1s fall 2 rise 2
{servers}
"""


def haproxy_config(folder: Path, port: int, pem: Path, servers) -> Path:
    config = folder / "haproxy.cfg"
    lines = [f"    server app{n} {app_ip(n)}:{APP_PORT}" for n in servers]
    config.write_text(
        HAPROXY.format(
            socket=folder / "haproxy.sock", port=port, pem=pem, servers="\n".join(lines)
        )
    )
    return config


def haproxy_stats(folder: Path) -> dict:
    """Per app server: status, retries and redispatches (`show stat`)."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(str(folder / "haproxy.sock"))
        sock.sendall(b"show stat\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    lines = data.decode().splitlines()
    header = lines[0].lstrip("# ").split(",")
    rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:]]
    return {
        row["svname"]: row
        for row in rows
        if row.get("pxname") == "apps" and row["svname"] != "BACKEND"
    }


def haproxy_all_up(folder: Path) -> bool:
    try:
        return all(row["status"] == "UP" for row in haproxy_stats(folder).values())
    except OSError:
        return False

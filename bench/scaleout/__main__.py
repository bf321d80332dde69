"""`python -m bench.scaleout`: see the package's docstring."""

import argparse
import atexit
import os
import secrets
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from . import hosts
from .hosts import APP_PORT, ROOT, app_ip, host_ip, in_namespace, start
from .visitor import SIGNED_IN_PAGE, request_loop, session_new, sign_in

# Run in app server 1's namespace, through the forwarder: the learner and a private
# file the other app server must read.
SETUP = """
from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from portal.accounts.models import PupOffice, User
from portal.accounts.services import legal_documents_accept
from portal.core.storage import private_storage
from privacy.selectors import legal_settings
office = PupOffice.objects.create(code="scaleout", name="PUP", town="Kraków", area="-")
user = User.objects.create_user(email="{email}", password="{password}",
    first_name="Ewa", last_name="Test", status=User.Status.UNEMPLOYED,
    pup_office=office)
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
legal = legal_settings()
legal_documents_accept(user=user, documents={{"terms": legal.terms_version,
    "privacy": legal.privacy_version}})
print(private_storage().save("scaleout/{token}.txt", ContentFile(b"{token}")))
"""
READ_BACK = """
from portal.core.storage import private_storage
print(private_storage().open({name!r}).read().decode())
"""


def app_env(n, args, folder, base) -> dict:
    """Production settings for app server n (0: this host, for migrate etc.)."""
    db, redis_host = args.db_url, host_ip(n) if n else "127.0.0.1"
    login = (db.username or "postgres") + (f":{db.password}" if db.password else "")
    db_host = host_ip(n) if n else db.hostname
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    return env | {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": args.secret,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_CSRF_TRUSTED_ORIGINS": base,
        "PORTAL_BASE_URL": base,
        "DATABASE_URL": f"postgres://{login}@{db_host}:{args.db_port}/{args.database}",
        "REDIS_URL": f"redis://{redis_host}:{args.redis_port}/0",
        "DJANGO_PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DJANGO_EMAIL_FILE_PATH": str(folder / "mail"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def manage_in(n: int, env: dict, code: str) -> str:
    command = in_namespace(n, sys.executable, "manage.py", "shell", "-c", code)
    return hosts.run(*command, cwd=ROOT, env=env).stdout.strip().splitlines()[-1]


def shared_services(args, folder, servers, host_env):
    """Database (migrated), static files, the forwarder to it, and one Redis."""
    hosts.database_create(args.db_url, args.database)
    setup = [
        start([sys.executable, "manage.py", *command], folder / "setup.log", host_env)
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"])
    ]
    for n in servers:
        hosts.namespace_create(n)
    listen = [f"{host_ip(n)}:{args.db_port}" for n in servers]
    target = f"{args.db_url.hostname}:{args.db_port}"
    forwarder = [
        sys.executable,
        "-m",
        "bench.scaleout.forward",
        *listen,
        "--to",
        target,
    ]
    start(forwarder, folder / "forward.log")
    binds = " ".join(["127.0.0.1", *(host_ip(n) for n in servers)])
    start(
        ["redis-server", "--port", str(args.redis_port), "--bind", binds, "--save", "",
         "--appendonly", "no", "--protected-mode", "no", "--dir", str(folder)],
        folder / "redis.log",
    )  # fmt: skip
    hosts.wait_until(
        lambda: hosts.port_open(host_ip(1), args.db_port), 10, "the forwarder"
    )
    for process in setup:
        if process.wait(300):
            raise RuntimeError(f"setup failed, see {folder / 'setup.log'}")


def main(args) -> int:
    started = time.monotonic()
    servers = range(1, args.servers + 1)
    folder = Path(tempfile.mkdtemp(prefix="kdp-scaleout-"))
    folder.chmod(0o755)
    hosts.CLEANUPS.append(lambda: shutil.rmtree(folder, ignore_errors=True))
    port, args.redis_port = hosts.free_port(), hosts.free_port()
    base = f"https://127.0.0.1:{port}"
    shared_services(args, folder, servers, app_env(0, args, folder, base))
    envs = {n: app_env(n, args, folder, base) for n in servers}
    email, password = "scaleout@example.org", secrets.token_urlsafe(16)
    token = secrets.token_hex(8)
    saved = manage_in(
        1, envs[1], SETUP.format(email=email, password=password, token=token)
    )
    for n in servers:
        gunicorn = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers",
                    str(args.workers), "--bind", f"{app_ip(n)}:{APP_PORT}",
                    "--env", f"KDP_APP_SERVER=app{n}"]  # fmt: skip
        start(in_namespace(n, *gunicorn), folder / f"app{n}.log", envs[n])
    last = args.servers
    read_back = manage_in(last, envs[last], READ_BACK.format(name=saved))
    pem, ca = hosts.certificate(folder)
    config = hosts.haproxy_config(folder, port, pem, servers)
    hosts.run(args.haproxy, "-c", "-q", "-f", str(config))
    start([args.haproxy, "-db", "-f", str(config)], folder / "haproxy.log")
    hosts.wait_until(lambda: hosts.haproxy_all_up(folder), 60, "app servers UP")
    print(
        f"scale-out: {args.servers} app servers (gunicorn, {args.workers} workers, "
        f"production settings) in network namespaces behind haproxy, one PostgreSQL "
        f"database, one Redis; ready in {time.monotonic() - started:.0f} s"
    )
    shared = read_back == token
    print(
        f"scale-out: private files shared: {'yes' if shared else 'NO'} "
        f"(written on app1, read on app{last})"
    )

    visitor, login_server = sign_in(base, ca, email, password)
    anonymous = session_new(base, ca).get(
        base + SIGNED_IN_PAGE, allow_redirects=False, timeout=15
    )
    pages = [
        visitor.get(base + SIGNED_IN_PAGE, allow_redirects=False, timeout=15)
        for _ in range(2 * args.servers)
    ]
    landed = [page.headers.get("X-Backend") for page in pages]
    kept = (
        anonymous.status_code == 302
        and all(page.status_code == 200 for page in pages)
        and set(landed) == {f"app{n}" for n in servers}
    )
    print(
        f"scale-out: session kept across servers: {'yes' if kept else 'NO'} (signed "
        f"in on {login_server}, then {SIGNED_IN_PAGE} on {', '.join(map(str, landed))}"
        f": {sorted({page.status_code for page in pages})}; without the session: "
        f"{anonymous.status_code})"
    )

    kill_at, loop_started = args.requests // 4, time.monotonic()
    results = request_loop(
        base, ca, visitor.cookies, args.requests, args.threads, kill_at,
        lambda: hosts.namespace_kill(1),
    )  # fmt: skip
    seconds = time.monotonic() - loop_started
    failed = [result for result in results if result[2] != 200]
    served = {}
    for *_, server in results:
        served[server] = served.get(server, 0) + 1
    print(
        f"scale-out: requests {len(results)}, failed {len(failed)} during the loss of "
        f"one app server (app1 SIGKILLed at request {kill_at}; {seconds:.1f} s, "
        f"{args.threads} threads)"
    )
    stats = hosts.haproxy_stats(folder)
    print(
        "scale-out: served by "
        + ", ".join(f"{name} {count}" for name, count in sorted(served.items()))
        + "; haproxy: "
        + ", ".join(
            f"{name} {row['status']} (retries {row['wretr']}, redispatches "
            f"{row['wredis']})"
            for name, row in stats.items()
        )
    )
    for number, page, status, server in failed[:10]:
        print(f"scale-out: failed request {number} {page}: {status} from {server}")
    print(f"scale-out: the run took {time.monotonic() - started:.0f} s")
    return 0 if kept and shared and not failed else 1


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.scaleout")
    parser.add_argument("--servers", type=int, default=2, choices=range(2, 10))
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--threads", type=int, default=10)
    parser.add_argument("--database", default="scaleout")
    url = os.environ.get("DATABASE_URL", "")
    default = url if url.startswith("postgres") else "postgres://postgres@127.0.0.1"
    parser.add_argument("--postgres", default=default, help="the PostgreSQL server")
    parser.add_argument("--haproxy", default=shutil.which("haproxy") or "haproxy")
    args = parser.parse_args(argv)
    args.db_url = urlsplit(args.postgres)
    args.db_port = args.db_url.port or 5432
    args.secret = secrets.token_urlsafe(50)
    return args


def terminated(signum, frame):
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    arguments = parse(sys.argv[1:])
    if os.geteuid() != 0:
        sys.exit("scale-out: run as root (it makes network namespaces)")
    atexit.register(hosts.cleanup)
    signal.signal(signal.SIGTERM, terminated)
    try:
        sys.exit(main(arguments))
    finally:
        cleaning = time.monotonic()
        hosts.cleanup()
        print(
            f"scale-out: cleaned up in {time.monotonic() - cleaning:.0f} s",
            file=sys.stderr,
        )

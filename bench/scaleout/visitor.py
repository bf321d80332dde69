"""A learner's browser through haproxy: sign in, then a bounded request loop."""

import itertools
import re
import threading

import requests

SIGNED_IN_PAGE = "/konto/moje-dane/"
LOGIN_PAGE = "/konto/login/"


def session_new(base: str, ca) -> requests.Session:
    visitor = requests.Session()
    visitor.trust_env = False  # no proxy or CA bundle from the environment
    visitor.verify = str(ca)  # haproxy's certificate, made for this run
    visitor.headers["Referer"] = base + LOGIN_PAGE  # CSRF checks it under HTTPS
    return visitor


def sign_in(base: str, ca, email: str, password: str):
    """Sign in with the form and its CSRF token; the session and the server used."""
    visitor = session_new(base, ca)
    form = visitor.get(base + LOGIN_PAGE, timeout=15)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    response = visitor.post(
        base + LOGIN_PAGE,
        data={"login": email, "password": password, "csrfmiddlewaretoken": token[1]},
        allow_redirects=False,
        timeout=15,
    )
    if response.status_code != 302 or LOGIN_PAGE in response.headers["Location"]:
        raise RuntimeError(f"sign-in failed: {response.status_code}")
    return visitor, response.headers.get("X-Backend")


def request_loop(base, ca, cookies, total, threads, kill_at, kill):
    """GET /healthz and the signed-in page in turn; call kill() at request kill_at.

    Returns (number, page, status or exception name, server) per request.
    """
    numbers, lock, results = itertools.count(), threading.Lock(), []

    def visitor_thread():
        visitor = session_new(base, ca)
        visitor.cookies.update(cookies)
        while True:
            with lock:
                number = next(numbers)
            if number >= total:
                return
            if number == kill_at:
                kill()
            page = "/healthz" if number % 2 else SIGNED_IN_PAGE
            try:
                response = visitor.get(base + page, allow_redirects=False, timeout=20)
                outcome = (response.status_code, response.headers.get("X-Backend"))
            except requests.RequestException as exc:
                outcome = (exc.__class__.__name__, None)
            with lock:
                results.append((number, page, *outcome))

    workers = [
        threading.Thread(target=visitor_thread, daemon=True) for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results

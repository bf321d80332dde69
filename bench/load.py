"""The load generator and the CPU meter of `make bench` (no Django here).

`hammer` keeps a number of connections busy for a few seconds (threads with
http.client, spread over a few processes so the client's GIL is not the limit) and
returns the number of answers, the errors and every latency. `single_user` asks one
page after another on one connection. `worker_cpu_ms` reads the user and system
time of gunicorn's workers from /proc.
"""

import http.client
import os
import statistics
import threading
import time
from concurrent.futures import ProcessPoolExecutor

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _connect(host, port):
    return http.client.HTTPConnection(host, port, timeout=60)


def _headers(cookie):
    headers = {"Host": "127.0.0.1", "Connection": "keep-alive"}
    if cookie:
        headers["Cookie"] = cookie
    return headers


def _get(conn, path, headers):
    """One request; returns (status, connection to use next)."""
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    if response.will_close:  # gunicorn's sync workers close after each answer
        conn.close()
    return response.status


def _thread_loop(host, port, path, cookie, deadline, results):
    headers = _headers(cookie)
    conn = _connect(host, port)
    count = errors = 0
    latencies = []
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            status = _get(conn, path, headers)
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = _connect(host, port)
            errors += 1
            continue
        latencies.append(time.perf_counter() - started)
        if status == 200:
            count += 1
        else:
            errors += 1
    conn.close()
    results.append((count, errors, latencies))


def _process(host, port, path, cookie, threads, seconds):
    deadline = time.perf_counter() + seconds
    results = []
    workers = [
        threading.Thread(
            target=_thread_loop, args=(host, port, path, cookie, deadline, results)
        )
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    count = sum(r[0] for r in results)
    errors = sum(r[1] for r in results)
    return count, errors, [latency for r in results for latency in r[2]]


_POOL = None


def _pool(processes):
    global _POOL
    if _POOL is None:
        _POOL = ProcessPoolExecutor(max_workers=processes)
    return _POOL


def hammer(host, port, path, *, cookie="", connections=16, seconds=5.0, processes=4):
    """`connections` keep asking `path` for `seconds`; 200s, errors, latencies."""
    processes = min(processes, connections)
    share = [
        connections // processes + (i < connections % processes)
        for i in range(processes)
    ]
    futures = [
        _pool(processes).submit(_process, host, port, path, cookie, threads, seconds)
        for threads in share
    ]
    count = errors = 0
    latencies = []
    for future in futures:
        c, e, lat = future.result()
        count, errors = count + c, errors + e
        latencies.extend(lat)
    return {"count": count, "errors": errors, "latencies": latencies}


def single_user(host, port, path, *, cookie="", requests=20, max_seconds=10.0):
    """One person asking one page after another; latencies in seconds."""
    headers = _headers(cookie)
    conn = _connect(host, port)
    latencies, statuses = [], set()
    deadline = time.perf_counter() + max_seconds
    while len(latencies) < requests and (
        len(latencies) < 3 or time.perf_counter() < deadline
    ):
        started = time.perf_counter()
        statuses.add(_get(conn, path, headers))
        latencies.append(time.perf_counter() - started)
    conn.close()
    return {"latencies": latencies, "statuses": statuses}


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def median(values):
    return statistics.median(values) if values else float("nan")


def worker_pids(master_pid):
    """The gunicorn workers: the master's children."""
    path = f"/proc/{master_pid}/task/{master_pid}/children"
    with open(path) as children:
        return [int(pid) for pid in children.read().split()]


def worker_cpu_ms(master_pid):
    """User + system time of every worker so far, in milliseconds."""
    total = 0
    for pid in worker_pids(master_pid):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        # fields[0] is the state (field 3); utime and stime are fields 14 and 15.
        total += int(fields[11]) + int(fields[12])
    return total * 1000 / CLOCK_TICKS

"""Time and memory of rendering a certificate, against a minimal WeasyPrint document.

Run with `.venv/bin/python bench/certificates.py [--runs N]`. Each kind of document
is rendered in its own child process, as a Celery worker would: once cold (the
first render, with fonts and templates loading), then N times warm. The script
prints the cold time, the median warm time (CPU time of the process, steadier on
a shared machine, and wall time), the peak resident memory of the process, and
the ratio of the certificate's times to the minimal document's. The minimal
document is rendered the plain way, `HTML(string=...).write_pdf()`.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5

CHILD = r"""
import json, os, resource, statistics, sys, time
sys.path.insert(0, sys.argv[2])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
import django
django.setup()
from django.utils import timezone
from weasyprint import HTML

from courses.certificates import certificate_pdf_bytes
from courses.models import Certificate

certificate = Certificate(
    number="KDP-2026-000001",
    verification_code="ABCDEFGHJKLM",
    full_name="Zażółć Gęśla-Jaźń",
    course_title="Asertywność, negocjacje i rozwiązywanie konfliktów",
    issued_at=timezone.now(),
)
kind, runs = sys.argv[1], int(sys.argv[3])


def render():
    if kind == "certificate":
        return certificate_pdf_bytes(certificate)
    return HTML(string="<p>Zażółć gęślą jaźń</p>").write_pdf()


def timed():
    wall, cpu = time.perf_counter(), time.process_time()
    data = render()
    return time.perf_counter() - wall, time.process_time() - cpu, data


cold_wall, cold_cpu, data = timed()
warm = [timed()[:2] for _ in range(runs)]
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({
    "cold": cold_cpu, "cold_wall": cold_wall,
    "warm": statistics.median(cpu for _, cpu in warm),
    "warm_wall": statistics.median(wall for wall, _ in warm),
    "peak_mib": peak_kib / 1024, "bytes": len(data),
}))
"""


def run(kind, runs):
    result = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(ROOT), str(runs)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    figures = {kind: run(kind, args.runs) for kind in ("bare", "certificate")}
    header = ("document", "cold ms", "warm ms", "warm wall", "peak MiB", "PDF bytes")
    print("{:12} {:>8} {:>8} {:>10} {:>9} {:>10}".format(*header))
    for kind, values in figures.items():
        print(
            f"{kind:12} {values['cold'] * 1000:8.1f} {values['warm'] * 1000:8.1f} "
            f"{values['warm_wall'] * 1000:10.1f} {values['peak_mib']:9.1f} "
            f"{values['bytes']:10d}"
        )
    cert, bare = figures["certificate"], figures["bare"]
    warm, cold = cert["warm"] / bare["warm"], cert["cold"] / bare["cold"]
    wall = cert["warm_wall"] / bare["warm_wall"]
    print(
        f"certificate / bare: {warm:.2f}x warm, {cold:.2f}x cold (CPU); "
        f"{wall:.2f}x warm wall"
    )
    print(f"certificate process peak memory: {cert['peak_mib']:.1f} MiB (target < 200)")
    verdict = "met" if warm <= TARGET else "NOT met"
    print(
        f"certificate: warm {warm:.1f}x the bare document (target {TARGET}x, {verdict})"
    )


if __name__ == "__main__":
    main()

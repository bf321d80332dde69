"""Time and memory of rendering a certificate, against a minimal WeasyPrint document.

Run with `.venv/bin/python bench/certificates.py [--runs N]`. Each kind of document
is rendered in its own child process, as a Celery worker would: once cold (the
first render, with fonts and templates loading), then N times warm. The script
prints the cold time, the median warm time, the peak resident memory of the
process, and the ratio of the certificate's times to the minimal document's.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, os, resource, sys, time
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


started = time.perf_counter()
data = render()
cold = time.perf_counter() - started
warm = []
for _ in range(runs):
    started = time.perf_counter()
    render()
    warm.append(time.perf_counter() - started)
warm.sort()
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({
    "cold": cold, "warm": warm[len(warm) // 2], "peak_mib": peak_kib / 1024,
    "bytes": len(data),
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
    figures = {kind: run(kind, args.runs) for kind in ("minimal", "certificate")}
    header = ("document", "cold s", "median s", "peak MiB", "PDF bytes")
    print("{:12} {:>8} {:>9} {:>9} {:>10}".format(*header))
    for kind, values in figures.items():
        print(
            f"{kind:12} {values['cold']:8.3f} {values['warm']:9.4f} "
            f"{values['peak_mib']:9.1f} {values['bytes']:10d}"
        )
    cert, minimal = figures["certificate"], figures["minimal"]
    print(
        f"certificate / minimal: {cert['warm'] / minimal['warm']:.2f}x warm, "
        f"{cert['cold'] / minimal['cold']:.2f}x cold (target at most 1.5x)"
    )
    print(f"certificate process peak memory: {cert['peak_mib']:.1f} MiB (target < 200)")


if __name__ == "__main__":
    main()

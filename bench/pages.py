"""Time the portal's public and account pages and count their SQL queries.

Run with `.venv/bin/python bench/pages.py [--requests N]`. It builds a throwaway test
database (SQLite unless DATABASE_URL is set), loads the offices and the demo
content, then requests each page N times through Django's test client and prints
the median and 95th percentile time and the number of queries per request.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from portal.accounts.models import PupOffice, User
        from portal.accounts.services import pup_offices_load
        from portal.pages.demo import demo_content_load

        pup_offices_load()
        demo_content_load()
        learner = User.objects.create_user(
            email="bench@example.org",
            password="Bench-Haslo-2026",
            first_name="Ewa",
            last_name="Test",
            status=User.Status.UNEMPLOYED,
            pup_office=PupOffice.objects.first(),
        )
        from portal.accounts.services import legal_documents_accept
        from privacy.selectors import legal_settings

        legal = legal_settings()
        legal_documents_accept(
            user=learner,
            documents={"terms": legal.terms_version, "privacy": legal.privacy_version},
        )
        anonymous, signed_in = Client(), Client()
        signed_in.force_login(learner)
        pages = [
            ("home", anonymous, "/"),
            ("terms (standard page)", anonymous, "/regulamin/"),
            ("FAQ", anonymous, "/faq/"),
            ("accessibility statement", anonymous, "/deklaracja-dostepnosci/"),
            ("search", anonymous, "/szukaj/?q=kurs"),
            ("signup form", anonymous, "/konto/signup/"),
            ("my data", signed_in, "/konto/moje-dane/"),
        ]
        print(f"{'page':28} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for name, client, url in pages:
            client.get(url)  # warm caches and templates
            timings = []
            for _ in range(args.requests):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            timings.sort()
            p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
            print(
                f"{name:28} {statistics.median(timings):10.1f} {p95:8.1f} "
                f"{len(queries.captured_queries):8d}"
            )
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main()

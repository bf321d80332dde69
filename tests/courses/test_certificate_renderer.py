"""The certificate renderer is loaded once per process and warmed up by workers."""

import io
from unittest import mock

from pypdf import PdfReader

from courses import certificates, tasks


def test_fonts_and_stylesheet_are_loaded_once_per_process():
    assert certificates.certificate_renderer() is certificates.certificate_renderer()


def test_a_worker_process_warms_the_renderer_without_the_database():
    # Without the django_db mark, any query would fail the test.
    with mock.patch.object(
        certificates,
        "certificate_pdf_bytes",
        wraps=certificates.certificate_pdf_bytes,
    ) as render:
        tasks.certificate_renderer_warm_up()
    render.assert_called_once()
    sample = render.call_args.args[0]
    pdf = PdfReader(io.BytesIO(certificates.certificate_pdf_bytes(sample)))
    assert len(pdf.pages) == 1 and "/StructTreeRoot" in pdf.trailer["/Root"]


def test_a_failed_warm_up_does_not_stop_the_worker():
    with mock.patch.object(
        tasks, "certificate_renderer_warm", side_effect=OSError("no fonts")
    ):
        tasks.certificate_renderer_warm_up()

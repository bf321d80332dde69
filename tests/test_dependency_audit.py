"""The judgement .ci/audit.py passes on pip-audit's report."""

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "ci_audit", Path(__file__).resolve().parent.parent / ".ci" / "audit.py"
)
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

CLEAN = {"name": "django", "version": "5.2.19", "vulns": []}
VULNERABLE = {
    "name": "pillow",
    "version": "1.0",
    "vulns": [{"id": "PYSEC-0000-1", "fix_versions": ["1.1"]}],
}
SKIPPED = {"name": "wagtail", "version": "8.0.1", "skip_reason": "not found"}


def test_a_known_vulnerability_fails_the_audit():
    failed, lines = audit.judge([CLEAN, VULNERABLE])
    assert failed
    assert "VULNERABLE pillow 1.0: PYSEC-0000-1 (fixed in 1.1)" in lines


def test_unanswered_packages_are_reported_and_fail_only_when_strict():
    failed, lines = audit.judge([CLEAN, SKIPPED])
    assert not failed
    assert lines[-1].endswith(": wagtail")
    assert "2 locked packages, 1 audited" in lines[0]
    assert audit.judge([CLEAN, SKIPPED], strict=True)[0]


def test_a_clean_report_passes():
    assert audit.judge([CLEAN]) == (
        False,
        [
            "pip-audit: 1 locked packages, 1 audited, 0 with known "
            "vulnerabilities, 0 not audited."
        ],
    )

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
    status, lines = audit.judge([CLEAN, VULNERABLE])
    assert status == audit.VULNERABLE
    assert "VULNERABLE pillow 1.0: PYSEC-0000-1 (fixed in 1.1)" in lines


def test_a_vulnerability_wins_over_unanswered_packages():
    assert audit.judge([VULNERABLE, SKIPPED])[0] == audit.VULNERABLE


def test_unanswered_packages_fail_the_audit_and_are_named():
    status, lines = audit.judge([CLEAN, SKIPPED])
    assert status == audit.NOT_AUDITED
    assert "2 locked packages, 1 audited" in lines[0]
    assert lines[1].endswith(": wagtail")
    assert "1 packages were not checked" in lines[-1]


def test_an_unreachable_service_is_not_a_pass():
    """The service answered for none of them: 0 audited must never look green."""
    status, lines = audit.judge([SKIPPED, {**SKIPPED, "name": "django"}])
    assert status == audit.NOT_AUDITED
    assert "0 audited" in lines[0]
    assert "no vulnerability service could be reached" in lines[-1]


def test_an_empty_report_is_not_a_pass():
    status, lines = audit.judge([])
    assert status == audit.NOT_AUDITED
    assert "NOT AUDITED" in lines[-1]


def test_a_clean_report_passes():
    assert audit.judge([CLEAN]) == (
        audit.OK,
        [
            "pip-audit (pypi): 1 locked packages, 1 audited, 0 with known "
            "vulnerabilities, 0 not audited."
        ],
    )


def test_services_are_asked_in_turn_until_one_answers_for_every_package(
    monkeypatch, capsys
):
    answers = {
        "pypi": ([SKIPPED, {**SKIPPED, "name": "django"}], ""),
        "osv": ([CLEAN], ""),
    }
    monkeypatch.setattr(audit, "pip_audit", answers.get)

    assert audit.main() == audit.OK
    assert "pip-audit (osv): 1 locked packages, 1 audited" in capsys.readouterr().out


def test_no_service_reachable_exits_not_audited(monkeypatch, capsys):
    monkeypatch.setattr(
        audit, "pip_audit", lambda service: (None, "requests ConnectionError")
    )

    assert audit.main() == audit.NOT_AUDITED
    out = capsys.readouterr().out
    assert "pip-audit (osv): the service could not be reached." in out
    assert "NOT AUDITED" in out


def test_pip_audit_failing_for_another_reason_is_shown(monkeypatch, capsys):
    monkeypatch.setattr(audit, "pip_audit", lambda service: (None, "bad lock file"))

    assert audit.main() == audit.FAILED
    assert "bad lock file" in capsys.readouterr().out

"""Audit the locked dependencies with pip-audit, and say plainly what was checked.

Exit status:
  0  every locked package was checked, and none has a known vulnerability;
  1  a locked package has a known vulnerability (each is listed);
  2  pip-audit could not run (a broken lock file, a crash): its output is shown;
  3  NOT AUDITED: the vulnerability services did not answer for every package
     (unreachable from this network, or they know nothing of a package).

So 0 always means the packages were checked. The services are asked in turn
(PyPI's JSON API, then OSV) until one answers for every package. No maintained
package ships an advisory database for use offline (safety-db stopped in 2021), so
there is no offline fallback: a machine that reaches neither service says so.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "test-artifacts"
SERVICES = ("pypi", "osv")
OK, VULNERABLE, FAILED, NOT_AUDITED = 0, 1, 2, 3
NETWORK_ERRORS = ("ConnectionError", "NameResolutionError", "Timeout", "SSLError")


def main() -> int:
    verdict = judge([], service=" or ".join(SERVICES))
    for service in SERVICES:
        dependencies, problem = pip_audit(service)
        if dependencies is None:
            if not any(error in problem for error in NETWORK_ERRORS):
                print(problem)
                return FAILED
            print(f"pip-audit ({service}): the service could not be reached.")
            continue
        verdict = judge(dependencies, service=service)
        if verdict[0] != NOT_AUDITED:
            break
    print("\n".join(verdict[1]))
    return verdict[0]


def pip_audit(service) -> tuple[list | None, str]:
    """The dependencies of pip-audit's report, or None and what went wrong."""
    report = REPORTS / f"pip-audit-{service}.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.unlink(missing_ok=True)
    command = [
        str(ROOT / ".venv" / "bin" / "pip-audit"),
        "--requirement", str(ROOT / "requirements.lock"),
        "--vulnerability-service", service, "--timeout", "20",
        "--no-deps", "--disable-pip", "--progress-spinner", "off",
        "--format", "json", "--output", str(report),
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True)
    if not report.exists():
        return None, f"{run.stdout}\n{run.stderr}".strip()
    return json.loads(report.read_text())["dependencies"], ""


def judge(dependencies, *, service="pypi") -> tuple[int, list[str]]:
    """The exit status, and the lines that say why."""
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    audited = len(dependencies) - len(skipped)
    lines = []
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            lines.append(f"VULNERABLE {dependency['name']} {dependency['version']}: "
                         f"{vuln['id']} (fixed in {fixed})")  # fmt: skip
    lines.append(
        f"pip-audit ({service}): {len(dependencies)} locked packages, "
        f"{audited} audited, {len(vulnerable)} with known vulnerabilities, "
        f"{len(skipped)} not audited."
    )
    if skipped:
        lines.append(
            "NOT AUDITED (the vulnerability service did not answer for them): "
            + ", ".join(d["name"] for d in skipped)
        )
    if vulnerable:
        return VULNERABLE, lines
    if skipped or not dependencies:
        reason = (
            "no vulnerability service could be reached"
            if not audited
            else f"{len(skipped)} packages were not checked"
        )
        lines.append(
            f"FAILED: the dependencies were NOT AUDITED ({reason}). "
            "This is not a pass: run `make audit` on a network where PyPI's "
            "JSON API or the OSV service answers."
        )
        return NOT_AUDITED, lines
    return OK, lines


if __name__ == "__main__":
    sys.exit(main())

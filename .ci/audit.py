"""Audit the locked dependencies with pip-audit and judge the result.

A known vulnerability in any locked package fails. A package the vulnerability
service could not answer for is listed as not audited: that fails too when
PIP_AUDIT_STRICT=1, and otherwise is reported loudly, because a machine that
cannot reach the service cannot say either way.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "test-artifacts" / "pip-audit.json"


def main() -> int:
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    command = [
        str(ROOT / ".venv" / "bin" / "pip-audit"),
        "--requirement", str(ROOT / "requirements.lock"),
        "--no-deps", "--disable-pip", "--progress-spinner", "off",
        "--format", "json", "--output", str(REPORT),
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True)
    if not REPORT.exists():
        print(run.stdout, run.stderr, sep="\n")
        return run.returncode or 1
    dependencies = json.loads(REPORT.read_text())["dependencies"]
    failed, lines = judge(
        dependencies, strict=os.environ.get("PIP_AUDIT_STRICT") == "1"
    )
    print("\n".join(lines))
    return 1 if failed else 0


def judge(dependencies, *, strict=False) -> tuple[bool, list[str]]:
    """Whether the audit fails, and the lines that say why."""
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    lines = []
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
            lines.append(f"VULNERABLE {dependency['name']} {dependency['version']}: "
                         f"{vuln['id']} (fixed in {fixed})")  # fmt: skip
    lines.append(
        f"pip-audit: {len(dependencies)} locked packages, "
        f"{len(dependencies) - len(skipped)} audited, "
        f"{len(vulnerable)} with known vulnerabilities, {len(skipped)} not audited."
    )
    if skipped:
        lines.append(
            "NOT AUDITED (the vulnerability service did not answer for them): "
            + ", ".join(d["name"] for d in skipped)
        )
    return bool(vulnerable) or (bool(skipped) and strict), lines


if __name__ == "__main__":
    sys.exit(main())

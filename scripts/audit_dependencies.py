"""Known vulnerabilities in the locked dependencies: pip-audit against PyPI, for `make audit`.

Usage: python scripts/audit_dependencies.py REQUIREMENTS  (uv's hashed export of uv.lock)

pip-audit asks PyPI's per-release JSON API (/pypi/<name>/<version>/json) about each pinned
package. Where a network lets only the project API through (/pypi/<name>/json, as some proxies
do), pip-audit skips every package as "not found"; for those this script reads the project API,
whose `vulnerabilities` are those of the latest release: an exact answer when the lock pins that
release. A package left unaudited is named; AUDIT_STRICT=1 makes that an error too.

Exit status: 0 no known vulnerability, 1 vulnerabilities found, 2 the audit could not run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pip_audit(requirements: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "pip-audit.json"
        command = [
            sys.executable,
            "-m",
            "pip_audit",
            "--requirement",
            str(requirements),
            "--require-hashes",
            "--disable-pip",
            "--vulnerability-service",
            "pypi",
            "--format",
            "json",
            "--output",
            str(report),
            "--progress-spinner",
            "off",
        ]
        done = subprocess.run(command, capture_output=True, text=True)
        if not report.exists():
            sys.stderr.write(done.stdout + done.stderr)
            raise SystemExit(2)
        return json.loads(report.read_text())


def latest_release_vulnerabilities(name: str) -> tuple[str, list[dict]]:
    """The latest version of a project on PyPI and the vulnerabilities known to affect it."""
    url = f"https://pypi.org/pypi/{canonical(name)}/json"
    with urllib.request.urlopen(url, timeout=30) as response:
        data = json.load(response)
    vulnerabilities = [v for v in data.get("vulnerabilities") or [] if not v.get("withdrawn")]
    return data["info"]["version"], vulnerabilities


def main(requirements: Path) -> int:
    pins = {canonical(name): version for name, version in PIN.findall(requirements.read_text())}
    result = pip_audit(requirements)
    found: list[str] = []
    unaudited: list[str] = []
    audited = 0
    for dependency in result["dependencies"]:
        name = canonical(dependency["name"])
        version = dependency.get("version") or pins.get(name, "?")
        if "skip_reason" not in dependency:
            audited += 1
            for vuln in dependency["vulns"]:
                fixed = ", ".join(vuln["fix_versions"]) or "no fix yet"
                found.append(f"{name} {version}: {vuln['id']} (fixed in {fixed})")
            continue
        try:
            latest, vulns = latest_release_vulnerabilities(name)
        except (urllib.error.URLError, TimeoutError, ValueError, KeyError) as error:
            unaudited.append(f"{name} {version}: {dependency['skip_reason']}; {error}")
            continue
        if latest != version:
            unaudited.append(
                f"{name} {version}: PyPI's per-release API is not reachable from here and "
                f"the lock does not pin the latest release ({latest})"
            )
            continue
        audited += 1
        for vuln in vulns:
            fixed = ", ".join(vuln.get("fixed_in") or []) or "no fix yet"
            found.append(f"{name} {version}: {vuln['id']} (fixed in {fixed})")

    total = len(result["dependencies"])
    print(f"Dependency audit (PyPI): {audited} of {total} locked packages audited.")
    for line in unaudited:
        print(f"  not audited: {line}")
    if found:
        print(f"{len(found)} known vulnerabilities in the locked dependencies:")
        for line in found:
            print(f"  {line}")
        print("Upgrade them in the lock: uv lock --upgrade-package NAME, then run the tests.")
        return 1
    if audited == 0:
        print("The audit could not reach PyPI: nothing was audited.", file=sys.stderr)
        return 2
    if unaudited and os.environ.get("AUDIT_STRICT", "") in {"1", "true", "yes"}:
        print("AUDIT_STRICT is set and some packages could not be audited.", file=sys.stderr)
        return 2
    print("No known vulnerability in the audited packages.")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1])))

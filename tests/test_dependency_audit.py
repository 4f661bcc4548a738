"""`make audit`: what pip-audit finds fails the audit; packages it had to skip are asked about
through PyPI's project API, which answers for the latest release only."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "audit_dependencies.py"
REQUIREMENTS = """\
django==6.1.3 \\
    --hash=sha256:00
kombu==5.7.0 \\
    --hash=sha256:11
packaging==26.3 ; python_full_version >= '3.12' \\
    --hash=sha256:22
"""


@pytest.fixture
def audit(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(REQUIREMENTS)
    latest = {}  # name -> (latest version, vulnerabilities of that release)
    monkeypatch.setattr(module, "latest_release_vulnerabilities", lambda name: latest[name])

    def run(dependencies, **found_latest):
        monkeypatch.setattr(module, "pip_audit", lambda path: {"dependencies": dependencies})
        latest.clear()
        latest.update({name.replace("_", "-"): value for name, value in found_latest.items()})
        return module.main(requirements)

    return run


def skipped(name: str) -> dict:
    return {"name": name, "skip_reason": f"Dependency not found on PyPI: {name}"}


def clean(name: str, version: str) -> dict:
    return {"name": name, "version": version, "vulns": []}


def test_no_vulnerability_passes(audit, capsys):
    status = audit([clean("django", "6.1.3"), clean("kombu", "5.7.0")])
    assert status == 0
    assert "2 of 2 locked packages audited" in capsys.readouterr().out


def test_a_vulnerability_found_by_pip_audit_fails(audit, capsys):
    vulnerable = {
        "name": "django",
        "version": "6.1.3",
        "vulns": [{"id": "PYSEC-2099-1", "fix_versions": ["6.1.4"]}],
    }
    assert audit([vulnerable, clean("kombu", "5.7.0")]) == 1
    assert "django 6.1.3: PYSEC-2099-1 (fixed in 6.1.4)" in capsys.readouterr().out


def test_a_skipped_package_pinned_at_the_latest_release_is_audited_through_the_project_api(
    audit, capsys
):
    vulns = [{"id": "GHSA-xxxx", "fixed_in": [], "withdrawn": None}]
    assert audit([skipped("kombu")], kombu=("5.7.0", vulns)) == 1
    assert "kombu 5.7.0: GHSA-xxxx (fixed in no fix yet)" in capsys.readouterr().out
    assert audit([skipped("kombu")], kombu=("5.7.0", [])) == 0


def test_a_skipped_older_release_is_named_as_not_audited_and_fails_when_strict(
    audit, capsys, monkeypatch
):
    assert audit([clean("django", "6.1.3"), skipped("packaging")], packaging=("26.4", [])) == 0
    out = capsys.readouterr().out
    assert "1 of 2 locked packages audited" in out
    assert "not audited: packaging 26.3" in out
    monkeypatch.setenv("AUDIT_STRICT", "1")
    assert audit([clean("django", "6.1.3"), skipped("packaging")], packaging=("26.4", [])) == 2


def test_nothing_audited_is_an_error(audit):
    assert audit([skipped("packaging")], packaging=("26.4", [])) == 2

"""Several hosts of the portal on this machine: gunicorn web processes and a Celery worker,
each with a local directory of its own, sharing one PostgreSQL, one Redis and one object store
(as docker-compose.yml deploys them on several hosts). For the multi-host and the logs tests."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import requests
from django.conf import settings
from django.db import connection

from .objectstore import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
METRICS_TOKEN = "metrics-token-for-the-tests-only-0123456789"


def database_url() -> str:
    given = connection.settings_dict
    auth = given["USER"] + (f":{given['PASSWORD']}" if given.get("PASSWORD") else "")
    host = given["HOST"] or "127.0.0.1"
    return f"postgres://{auth}@{host}:{given['PORT'] or 5432}/{given['NAME']}"


def can_run() -> bool:
    return connection.vendor == "postgresql" and bool(settings.REDIS_URL)


def host_environment(*, store, bucket: str, local_dir: Path, **extra: str) -> dict[str, str]:
    dropped = ("DATABASE_URL", "REDIS_URL", "S3_", "MEDIA_ROOT", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    local_dir.mkdir(parents=True, exist_ok=True)
    env.update(
        {
            "DATABASE_URL": database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "CACHE_KEY_PREFIX": settings.CACHES["default"].get("KEY_PREFIX", "roma_wg"),
            "MEDIA_ROOT": str(local_dir / "media"),
            "DEBUG": "0",
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
            "METRICS_TOKEN": METRICS_TOKEN,
            "DEMO_PASSWORD": settings.DEMO_PASSWORD,
            **store.environment(bucket),
            **extra,
        }
    )
    return env


class Process:
    def __init__(self, name: str, command: list[str], env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self.handle = self.log_path.open("wb")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.handle, stderr=subprocess.STDOUT
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.handle.close()

    def output(self) -> str:
        if not self.handle.closed:
            self.handle.flush()
        return self.log_path.read_text(errors="replace")

    def json_lines(self) -> list[dict]:
        return [json.loads(line) for line in self.output().splitlines() if line.strip()]


class WebHost(Process):
    def __init__(self, name: str, env: dict[str, str], log_dir: Path) -> None:
        self.port = free_port()
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": "1"}
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "roma_wg.wsgi:application",
            "-c",
            "roma_wg/gunicorn.py",
        ]
        super().__init__(name, command, env, log_dir)
        wait_for_port(self.port, timeout=60, process=self.process)
        self.url = f"http://127.0.0.1:{self.port}"


class WorkerHost(Process):
    def __init__(self, name: str, env: dict[str, str], log_dir: Path) -> None:
        self.metrics_port = free_port()
        env = {
            **env,
            "WORKER_METRICS_PORT": str(self.metrics_port),
            "WORKER_METRICS_ADDRESS": "127.0.0.1",
        }
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "roma_wg",
            "--quiet",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            "--hostname",
            f"{name}@%h",
        ]
        super().__init__(name, command, env, log_dir)
        wait_for_port(self.metrics_port, timeout=60, process=self.process)


class _Forms(HTMLParser):
    """Every form of a page with its fields as the browser would send them untouched."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "fields": {}})
        elif not self.forms:
            return
        fields = self.forms[-1]["fields"] if self.forms else {}
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "file", "button"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            fields[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            fields.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data


def forms_of(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def form_with(html: str, field: str) -> dict:
    for form in forms_of(html):
        if field in form["fields"]:
            return form["fields"]
    raise AssertionError(f"no form with {field!r}")


def sign_in(session: requests.Session, host: WebHost, email: str, password: str) -> None:
    page = session.get(f"{host.url}/en/accounts/login/")
    fields = form_with(page.text, "csrfmiddlewaretoken")
    fields.update({"login": email, "password": password})
    answer = session.post(
        f"{host.url}/en/accounts/login/",
        data=fields,
        headers={"Referer": f"{host.url}/en/accounts/login/"},
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.status_code


def wait_until(check, *, timeout: float = 60, every: float = 0.3):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError("gave up waiting")


EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")

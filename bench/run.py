"""The portal's load benchmark: one command, `make bench` (or `.venv/bin/python bench/run.py`).

1. Creates the PostgreSQL database ``roma_wg_bench`` (postgres://postgres@127.0.0.1:5432) when
   it is missing, migrates it, loads the demo (idempotent) and the large generated data set
   (``manage.py load_scale_data``), unless that is already there at the same scale; then
   ANALYZE, so the planner knows the tables' sizes.
2. Signs in two city officers by writing sessions with Django's session engine: the lead officer
   of the city with the most plans (dashboard, plan page), and an editor of enough plans that
   each wrk connection edits a plan of its own.
3. Serves the portal with gunicorn on 127.0.0.1 (``bench.settings``: DEBUG off, persistent
   database connections, an ``X-SQL-Queries`` header), sync workers, 2 x cores + 1 of them by
   default, the application loaded once before the workers fork (``--preload``), as gunicorn's
   documentation advises and production runs (see the Dockerfile). It refuses to start when
   something already listens on its port (another person's run): pick another with --port.
4. For each page: a short warm-up, then wrk (50 connections, 2 threads, 60 s by default) with a
   Lua script that reports requests per second, p50/p95/p99 latency and errors (socket errors
   plus answers other than 2xx/3xx); one more request reads the SQL query count. The "floor",
   a view answering "ok" through the same middleware, is measured in the same run as the
   reference (first and last; the faster of the two is the reference). The plan edit is a real
   form round trip (see bench/lua/plan_edit.lua).
   Then each public page right after a content change (the first render, every cache cold):
   every public app's content version is moved on, the page requested once, 20 times; the
   median is printed beside the warm p50, both as multiples of the floor. That is a change of
   texts (an edit); what the library's facets count and rank (a practice published, its
   themes) has a version of its own (practices/facet_counts.py): the library's pages are timed
   after such a change too, and the figure noted beside them.
5. Renders the four PDF report kinds on that data in a separate process
   (``bench/reports_bench.py --existing``) and records its time and peak memory.
6. Prints a table, then one line per target (met / missed), and writes
   ``bench/results/<timestamp>.csv`` and ``.json`` and ``bench/results/latest.json`` (results
   are not committed).

wrk must be installed (Debian and Ubuntu: ``apt-get install wrk``); the script says so rather
than installing it. Several people benchmarking on one machine each use their own database,
Redis database and port (--database-url, --redis, --port); --drop-database removes the
database at the end.

    .venv/bin/python bench/run.py                      # the full run, 60 s a page
    .venv/bin/python bench/run.py --duration 5         # a quick look
    .venv/bin/python bench/run.py --pages practices,practices_search --no-pdf

wrk, PostgreSQL and gunicorn share the machine: on 2 cores the figures are a floor of what a
real deployment does, comparable from run to run on the same machine.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
LUA = BENCH / "lua"
sys.path.insert(0, str(ROOT))

from bench import BENCH_DATABASE_URL  # noqa: E402

EDITOR_EMAIL = "bench.editor@scale.example.org"

# (name, path template, who, target). who: anonymous | officer | editor | staff.
# target: the latency budget of public pages (ms at p95, shown for information: the targets are
# the multiples of the floor below), None for signed-in pages.
PAGES = [
    ("floor", "/bench/floor/", "anonymous", None),
    ("home", "/en/", "anonymous", 50),
    ("cities", "/en/cities/", "anonymous", 50),
    ("city", "/en/cities/{city}/", "anonymous", 50),
    ("practices", "/en/practices/", "anonymous", 50),
    ("practices_filtered", "/en/practices/?theme=education&country={country}", "anonymous", 50),
    ("practices_search", "/en/practices/?q=school+mediation", "anonymous", 100),
    # The library in French and Portuguese, and searched in those languages (practices written
    # in them and translated into them, demo/scale_languages.py).
    ("practices_fr", "/fr/practices/", "anonymous", 50),
    ("practices_search_fr", "/fr/practices/?q=médiation+scolaire", "anonymous", 100),
    ("practices_pt", "/pt/practices/", "anonymous", 50),
    ("practices_search_pt", "/pt/practices/?q=mediação+escolar", "anonymous", 100),
    ("practice", "/en/practices/{practice}/", "anonymous", 50),
    ("meetings", "/en/meetings/", "anonymous", 50),
    ("meeting", "/en/meetings/{meeting}/", "anonymous", 50),
    ("calendar", "/en/meetings/calendar.ics", "anonymous", 50),
    ("feed", "/en/practices/feed/", "anonymous", 50),
    ("plan", "/en/plans/{public_plan}/", "anonymous", 50),
    ("network", "/en/network/", "anonymous", 50),
    ("network_filtered", "/en/network/?country={country}&theme=education", "anonymous", 50),
    ("network_target", "/en/network/targets/{eu_target}/", "anonymous", 50),
    ("network_staff", "/en/network/", "staff", None),
    # The open data API: the library with a filter and a search, and a public plan.
    ("api_practices", "/api/v1/practices/?theme=education&q=school+mediation", "anonymous", 100),
    ("api_plan", "/api/v1/plans/{public_plan}/", "anonymous", 50),
    ("api_indicators", "/api/v1/indicators/?plan={public_plan}", "anonymous", 50),
    ("dashboard", "/en/workspace/", "officer", None),
    ("plan_workspace", "/en/workspace/plans/{officer_plan}/", "officer", None),
    ("plan_edit", "/en/workspace/plans/{edit_plan}/edit/", "editor", None),
]
# The targets, as multiples of the floor's p50 measured in the same run (the machine's speed
# and load divide out): public pages warm, public pages right after a content change (first
# render, cold caches), and the signed-in pages a city officer uses most.
PUBLIC_FLOOR_FACTOR = 3
COLD_FLOOR_FACTOR = 20
SIGNED_IN_FLOOR_FACTOR = {"dashboard": 15, "plan_workspace": 15, "plan_edit (form + save)": 20}
COLD_CHANGES = 20  # content changes a page's first render is timed after (the median is kept)
# 50 users on every public page for 60 s: requests per second before the whole-page cache
# (README, measured 2026-11-27 on the development machine); the target is 3 times as many.
USERS_RPS_BEFORE = 251
USERS_RPS_FACTOR = 3


@dataclass
class Row:
    page: str
    path: str
    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    requests: int = 0
    sql_queries: int | None = None
    status: int | None = None
    x_floor_p50: float | None = None
    cold_ms: float | None = None  # first render after a content change (median)
    x_floor_cold: float | None = None
    target: str = ""
    notes: str = ""
    load_before: float | None = None  # 1-minute load average when the page's run started
    extra: dict = field(default_factory=dict)


def _say(message: str) -> None:
    print(message, flush=True)


# --- Set-up -----------------------------------------------------------------------------


def find_wrk() -> str:
    found = shutil.which("wrk")
    if not found:
        sys.exit(
            "wrk is missing: install it (Debian and Ubuntu: sudo apt-get install wrk; macOS: "
            "brew install wrk; or build it from https://github.com/wg/wrk) and run again."
        )
    return found


def refuse_taken_port(port: int) -> None:
    """Stop before anything else when the port answers: someone else's server (another
    person's benchmark) would be measured instead of ours, and ours could not bind."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            sys.exit(
                f"Port {port} on 127.0.0.1 is already taken (another run?): choose a free one "
                "with --port."
            )


def drop_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _say(f"Dropped the database {name}.")


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            _say(f"Creating the database {name}.")
            connection.execute(f'CREATE DATABASE "{name}"')


def django_setup(database_url: str, redis_url: str | None) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["BENCH_DATABASE_URL"] = database_url
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    else:
        os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    if redis_url:
        from django.core.cache import cache

        cache.clear()  # the benchmark's own Redis database: no page cached by an earlier run


def load_data(*, scale: float, seed: int) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from demo.scale import expected_counts, scale_counts

    _say("Migrating and loading the demo data.")
    call_command("migrate", interactive=False, verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
    present, expected = scale_counts(), expected_counts(scale)
    info: dict = {"scale": scale, "seed": seed, "counts": expected}
    if present == expected:
        _say(f"The generated data set is already loaded at scale {scale:g}.")
        info["generated_now"] = False
    else:
        _say(f"Generating the data set at scale {scale:g} (seed {seed}).")
        started = time.perf_counter()
        call_command(
            "load_scale_data", scale=scale, seed=seed, replace=bool(present["cities"]), verbosity=1
        )
        info["generated_now"] = True
        info["generator_seconds"] = round(time.perf_counter() - started, 1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return info


def _session_for(user) -> str:
    from importlib import import_module

    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if user.is_staff:
        # Staff pages need a session that passed the second factor (accounts/mfa.py).
        now = time.time()
        store[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {"method": "password", "at": now, "email": user.email},
            {"method": "mfa", "at": now, "type": "totp"},
        ]
        store["account_authentication_methods_user"] = str(user.pk)
    store.create()
    return store.session_key


def pick_targets(*, edit_plans: int) -> tuple[dict, dict, list]:
    """The objects the pages show (the heaviest of their kind among the generated data), the
    cookies of the signed-in officers and the plans the editor edits."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db.models import Count, Q

    from actionplans.models import ActionPlan, Indicator
    from cities.models import CityMembership, OfficerRole
    from demo.scale import scale_cities
    from meetings.models import Meeting
    from practices.models import Practice

    cities = scale_cities()
    city = (
        cities.annotate(n=Count("practices", filter=Q(practices__status="published")))
        .order_by("-n", "slug")
        .first()
    )
    country = (cities.values("country").annotate(n=Count("id")).order_by("-n", "country").first())[
        "country"
    ]
    practice = (
        Practice.objects.filter(city__in=cities, status="published")
        .annotate(
            n_transfers=Count("transfers", distinct=True),
            n_files=Count("attachments", distinct=True),
            n_plans=Count("inspired_plans", distinct=True),
        )
        .order_by("-n_transfers", "-n_plans", "-n_files", "slug")
        .first()
    )
    meeting = (
        Meeting.objects.filter(host_city__in=cities, published_at__isnull=False)
        .annotate(
            n_items=Count("items", distinct=True), n_regs=Count("registrations", distinct=True)
        )
        .order_by("-n_items", "-n_regs", "slug")
        .first()
    )
    plans = ActionPlan.objects.filter(city__in=cities).annotate(n=Count("actions"))
    public_plan = plans.filter(is_public=True).order_by("-n", "pk").first()
    busiest = cities.annotate(n=Count("action_plans")).order_by("-n", "slug").first()
    officer = (
        CityMembership.objects.filter(city=busiest, role=OfficerRole.LEAD)
        .select_related("user")
        .first()
        .user
    )
    officer_plan = plans.filter(city=busiest).order_by("-n", "pk").first()
    # The EU target most public indicators serve: the longest target page.
    eu_target = (
        Indicator.objects.filter(plan__city__in=cities, plan__is_public=True)
        .exclude(eu_target=None)
        .values("eu_target__code")
        .annotate(n=Count("id"))
        .order_by("-n", "eu_target__code")
        .first()["eu_target__code"]
    )
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("pk").first()

    # The editor: officer of the cities with most plans, until there are enough plans.
    editor, _ = get_user_model().objects.get_or_create(
        email=EDITOR_EMAIL, defaults={"first_name": "Bench", "last_name": "Editor"}
    )
    CityMembership.objects.filter(user=editor).delete()
    chosen = []
    for candidate in cities.annotate(n=Count("action_plans")).order_by("-n", "slug"):
        CityMembership.objects.create(user=editor, city=candidate)
        chosen += list(
            ActionPlan.objects.filter(city=candidate).order_by("pk")[: edit_plans - len(chosen)]
        )
        if len(chosen) >= edit_plans:
            break

    csrf_secret = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    cookie = {
        role: f"{settings.SESSION_COOKIE_NAME}={_session_for(user)}; "
        f"{settings.CSRF_COOKIE_NAME}={csrf_secret}"
        for role, user in (("officer", officer), ("editor", editor), ("staff", staff))
    }
    cookie["anonymous"] = ""
    values = {
        "city": city.slug,
        "country": country,
        "practice": practice.slug,
        "meeting": meeting.slug,
        "public_plan": public_plan.pk,
        "officer_plan": officer_plan.pk,
        "edit_plan": chosen[0].pk,
        "eu_target": eu_target,
    }
    return values, cookie, chosen


def write_edit_plans(plans: list, directory: Path) -> Path:
    """One line a plan: id, then the edit form's fields twice (the summary differs)."""
    lines = []
    for plan in plans:
        fields = {
            "title": plan.title,
            "topic": plan.topic,
            "objective": plan.objective_id or "",
            "inspired_by": plan.inspired_by_id or "",
            "status": plan.status,
            "start_date": plan.start_date.isoformat() if plan.start_date else "",
            "end_date": plan.end_date.isoformat() if plan.end_date else "",
            "baseline": plan.baseline,
            "original_language": plan.original_language,
        }
        if plan.is_public:
            fields["is_public"] = "on"
        summary = plan.summary.removesuffix(" (revised)")
        a = urlencode({**fields, "summary": summary})
        b = urlencode({**fields, "summary": summary + " (revised)"})
        lines.append(f"{plan.pk}\t{a}\t{b}")
    path = directory / "plans.tsv"
    path.write_text("\n".join(lines) + "\n")
    return path


# --- Serving ------------------------------------------------------------------------------


def start_gunicorn(*, port: int, workers: int, env: dict, log: Path) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "roma_wg.wsgi:application",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--worker-class", "sync",
        "--preload",
        "--timeout", "60",
        "--error-logfile", str(log),
        "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped at start-up; see {log}")
        try:
            status, _headers, _body = fetch(port, "/bench/floor/")
            if status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.3)
    stop(process)
    sys.exit("gunicorn did not answer within 60 s.")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def fetch(port: int, path: str, *, cookie: str = "", method: str = "GET", body: str = ""):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": cookie} if cookie else {}
    if method == "POST":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body.encode() or None, headers=headers)
    response = connection.getresponse()
    content = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), content.decode(errors="replace")


# --- Measuring ---------------------------------------------------------------------------


def run_wrk(wrk: str, *, url: str, script: str, cookie: str, seconds: int, connections: int,
            threads: int, script_args: list[str] = ()) -> dict:  # fmt: skip
    command = [
        wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
        "-s", script,
    ]  # fmt: skip
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command.append(url)
    if script_args:
        command += ["--", *script_args]
    done = subprocess.run(command, cwd=LUA, capture_output=True, text=True, check=True)
    drain(urlsplit(url).port)
    for line in done.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise RuntimeError(f"wrk printed no result:\n{done.stdout}\n{done.stderr}")


def drain(port: int, *, limit: float = 600) -> None:
    """Wait until gunicorn has answered what wrk left in its queue when it stopped: a late save
    would otherwise change a plan's version under the next run's feet, and a slow page's
    backlog would be counted against the next page."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            fetch(port, "/bench/floor/")
            break
        except OSError:  # timed out behind the backlog: ask again
            continue
    time.sleep(0.5)


def sql_count(port: int, path: str, cookie: str) -> tuple[int, int | None]:
    status, headers, _body = fetch(port, path, cookie=cookie)
    value = headers.get("X-SQL-Queries")
    return status, int(value) if value is not None else None


def edit_round_trip(
    port: int, path: str, cookie: str, fields: str
) -> tuple[int | None, int | None, int]:
    """SQL queries of the edit form and of one save, and the save's status."""
    status, headers, body = fetch(port, path, cookie=cookie)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    edit = re.search(r'name="edit_token" value="([^"]+)"', body)
    if status != 200 or not token or not edit:
        return None, None, status
    form_queries = int(headers.get("X-SQL-Queries", 0))
    payload = f"csrfmiddlewaretoken={token[1]}&edit_token={quote(edit[1])}&{fields}"
    status, headers, _body = fetch(port, path, cookie=cookie, method="POST", body=payload)
    return form_queries, int(headers.get("X-SQL-Queries", 0)), status


def _row_from(name: str, path: str, result: dict) -> Row:
    return Row(
        page=name,
        path=path,
        rps=round(result["rps"], 1),
        p50_ms=round(result["p50_us"] / 1000, 1),
        p95_ms=round(result["p95_us"] / 1000, 1),
        p99_ms=round(result["p99_us"] / 1000, 1),
        errors=result["socket_errors"] + result["status_errors"],
        requests=result["requests"],
    )


def page_path(template: str, values: dict) -> str:
    """A page's path with the run's objects, its non-ASCII letters percent-encoded."""
    return quote(template.format(**values), safe="/?=&+%")


def measure(args, wrk: str, port: int, values: dict, cookies: dict, plans_file: Path,
            fields_of_first_plan: str) -> list[Row]:  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    wanted = set(args.pages.split(",")) if args.pages else None
    rows = []
    # The floor again at the end: a drift between the two says the machine got busier.
    pages = [*PAGES, ("floor_end", "/bench/floor/", "anonymous", None)]
    for name, template, who, _target in pages:
        if wanted and name not in wanted and not name.startswith("floor"):
            continue
        path = page_path(template, values)
        cookie = cookies[who]
        wrk_options = {
            "cookie": cookie, "connections": args.connections, "threads": args.threads,
        }  # fmt: skip
        if name == "plan_edit":
            edit_args = [str(plans_file), str(args.threads)]
            script = "plan_edit.lua"
            url = base + "/en/workspace/plans/"
        else:
            edit_args, script, url = [], "page.lua", base + path
        _say(f"  {name:<20} {path}")
        load_before = round(os.getloadavg()[0], 2)
        try:
            if args.warmup:
                # One connection a worker: every worker renders the page once or more (imports,
                # templates, its cache), without leaving a long queue behind.
                warm = {**wrk_options, "connections": args.workers, "threads": 1}
                if name == "plan_edit":
                    edit_args[1] = "1"
                run_wrk(wrk, url=url, script=script, seconds=args.warmup, script_args=edit_args,
                        **warm)  # fmt: skip
                if name == "plan_edit":
                    edit_args[1] = str(args.threads)
            result = run_wrk(wrk, url=url, script=script, seconds=args.duration,
                             script_args=edit_args, **wrk_options)  # fmt: skip
        except (OSError, RuntimeError, subprocess.CalledProcessError) as error:
            _say(f"    failed: {error}")
            rows.append(Row(page=name, path=path, notes=f"not measured: {error}"[:200]))
            continue
        if name != "plan_edit":
            row = _row_from(name, path, result)
            row.load_before = load_before
            try:
                row.status, row.sql_queries = sql_count(port, path, cookie)
            except OSError as error:
                row.notes = f"no query count: {error}"
                rows.append(row)
                continue
            if row.status != 200:
                row.notes = f"answered {row.status}"
            elif not row.requests:
                row.notes = "no answer within the run"
            rows.append(row)
            continue
        # The edit: wrk's figures are for the mix of form GETs and saves; the saves alone
        # are timed by the script.
        try:
            form_queries, save_queries, save_status = edit_round_trip(
                port, path, cookie, fields_of_first_plan
            )
        except OSError:
            form_queries = save_queries = save_status = None
        mix = _row_from("plan_edit (form + save)", path, result)
        mix.load_before = load_before
        mix.sql_queries = form_queries
        mix.errors += result["saves_failed"] + result["forms_failed"]
        mix.notes = f"{result['forms_ok']} forms, {result['saves_ok']} saves"
        mix.extra = {k: result[k] for k in ("saves_ok", "saves_failed", "forms_ok",
                                             "forms_failed", "lost")}  # fmt: skip
        save = Row(
            page="plan_edit_save (POST)",
            path=path,
            rps=round(result["saves_ok"] / result["seconds"], 1),
            p50_ms=round(result["save_p50_us"] / 1000, 1),
            p95_ms=round(result["save_p95_us"] / 1000, 1),
            p99_ms=round(result["save_p99_us"] / 1000, 1),
            errors=result["saves_failed"],
            requests=result["saves_ok"] + result["saves_failed"],
            sql_queries=save_queries,
            load_before=load_before,
            status=save_status,
            notes="" if save_status == 302 else f"check save answered {save_status}",
        )
        if result["saves_ok"] and not result.get("save_timed"):
            save.notes = "no per-save timing (wrk without LuaJIT FFI)"
        rows += [mix, save]
    return rows


def users_run(args, wrk: str, port: int, values: dict, scratch: Path) -> Row:
    """Many users at once on every public page in turn: the "zero errors" target."""
    paths = [
        page_path(template, values)
        for name, template, who, target in PAGES
        if who == "anonymous" and target is not None
    ]
    paths_file = scratch / "public-paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    name = f"{args.users} {users_label()}"
    _say(f"  {name} for {args.users_duration} s")
    load_before = round(os.getloadavg()[0], 2)
    result = run_wrk(wrk, url=f"http://127.0.0.1:{port}/", script="mixed.lua", cookie="",
                     seconds=args.users_duration, connections=args.users, threads=args.threads,
                     script_args=[str(paths_file)])  # fmt: skip
    row = _row_from(name, f"{len(paths)} pages in turn", result)
    row.load_before = load_before
    row.notes = f"{result['timeouts']} timeouts"
    return row


def cold_run(port: int, values: dict, rows: list[Row], *, changes: int) -> float | None:
    """Each public page right after a content change, ``changes`` times: every app's content
    version is moved on (as any save does, here from this process through the shared cache),
    then the page is requested once, alone. The median of the times is the page's first render
    with every cache of its content cold. Returns the floor timed the same way (one request at
    a time, from this process), the reference of the cold figures."""
    from django.conf import settings

    from fragments.versions import content_changed
    from practices.facet_counts import facets_changed

    apps = sorted(settings.PUBLIC_CONTENT_APPS | settings.PRIVATE_CONTENT_APPS)

    def timed(path: str) -> tuple[int, float]:
        started = time.perf_counter()
        status, _headers, _body = fetch(port, path)
        return status, (time.perf_counter() - started) * 1000

    floor = statistics.median(timed("/bench/floor/")[1] for _ in range(changes))
    measured = {row.page for row in rows if row.requests}
    for name, template, who, target in PAGES:
        if who != "anonymous" or target is None or name not in measured:
            continue
        path = page_path(template, values)
        times = []
        for _ in range(changes):
            for app in apps:
                content_changed(app)
            status, ms = timed(path)
            if status != 200:
                break
            times.append(ms)
        row = next(r for r in rows if r.page == name)
        if len(times) == changes:
            row.cold_ms = round(statistics.median(times), 1)
            row.x_floor_cold = round(row.cold_ms / floor, 1) if floor else None
        else:
            row.notes = (row.notes + "; " if row.notes else "") + f"cold: answered {status}"
        if name.startswith("practices") and len(times) == changes:
            counted = []
            for _ in range(changes):
                for app in apps:
                    content_changed(app)
                facets_changed()
                counted.append(timed(path)[1])
            ms = statistics.median(counted)
            note = f"after a change to what it counts: {ms:.1f} ms ({ms / floor:.1f} x floor)"
            row.notes = (row.notes + "; " if row.notes else "") + note
    return round(floor, 2)


def judge(rows: list[Row], *, users_rps_before: float) -> list[tuple[bool, str]]:
    """Each row's multiple of the floor and its verdict; one (met, sentence) per target."""
    # The floor is measured first and last; the faster of the two is the reference (the other
    # one was slowed by something else on the machine).
    floors = [r for r in rows if r.page.startswith("floor") and r.requests]
    floor = min(floors, key=lambda r: r.p50_ms) if floors else None
    if len(floors) == 2 and max(f.rps for f in floors) > 1.5 * min(f.rps for f in floors):
        _say("The two floor measurements differ by more than half: the machine was busy.")
    public = {name for name, _path, who, target in PAGES if who == "anonymous" and target}
    verdicts: list[tuple[bool, str]] = []
    for row in rows:
        if not row.requests:
            row.target = "no result"
            continue
        if row.page.startswith("floor"):
            row.target = "reference"
            continue
        if floor and floor.p50_ms and users_label() not in row.page:
            row.x_floor_p50 = round(row.p50_ms / floor.p50_ms, 1)
        misses = []
        if row.errors:
            misses.append("errors")
        factor = PUBLIC_FLOOR_FACTOR if row.page in public else None
        factor = SIGNED_IN_FLOOR_FACTOR.get(row.page, factor)
        if factor is not None and row.x_floor_p50 is not None:
            met = row.x_floor_p50 <= factor and not row.errors
            verdicts.append(
                (met, f"{row.page}: p50 {row.x_floor_p50:g} x floor (at most {factor})")
            )
            if row.x_floor_p50 > factor:
                misses.append(f"p50>{factor}x floor")
        if row.page in public and row.x_floor_cold is not None:
            met = row.x_floor_cold <= COLD_FLOOR_FACTOR
            verdicts.append(
                (met, f"{row.page}, first render after a change: {row.x_floor_cold:g} x floor "
                      f"(at most {COLD_FLOOR_FACTOR})")
            )  # fmt: skip
            if not met:
                misses.append(f"cold>{COLD_FLOOR_FACTOR}x floor")
        if users_label() in row.page:
            wanted = USERS_RPS_FACTOR * users_rps_before
            met = not row.errors and row.rps >= wanted
            verdicts.append(
                (met, f"{row.page}: {row.errors} errors, {row.rps:,.0f} req/s (0 errors and at "
                      f"least {USERS_RPS_FACTOR} x {users_rps_before:g} = {wanted:,.0f} req/s)")
            )  # fmt: skip
            if row.rps < wanted:
                misses.append(f"req/s<{wanted:,.0f}")
        if misses:
            row.target = "MISS: " + ", ".join(misses)
        else:
            row.target = "ok" if factor is not None or users_label() in row.page else "-"
    return verdicts


def users_label() -> str:
    return "users, public pages"


def render_pdfs(env: dict) -> dict:
    _say("Rendering the four PDF report kinds on the large data set.")
    done = subprocess.run(
        [sys.executable, str(BENCH / "reports_bench.py"), "--existing", "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    return {"error": (done.stderr or done.stdout)[-2000:]}


def run_reminders(env: dict) -> dict:
    _say("Running the daily reminders for the next 14 days on the large data set.")
    done = subprocess.run(
        [sys.executable, str(BENCH / "reminders_bench.py"), "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    return {"error": (done.stderr or done.stdout)[-2000:]}


# --- Output --------------------------------------------------------------------------------


def print_table(
    rows: list[Row],
    pdf: dict | None,
    reminders: dict | None = None,
    *,
    verdicts: list[tuple[bool, str]] = (),
    cold_floor_ms: float | None = None,
) -> None:
    header = (
        f"{'page':<24} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} "
        f"{'SQL':>5} {'x floor':>8} {'cold ms':>8} {'x floor':>8}  target"
    )
    print()
    print(header)
    print("-" * len(header))
    for r in rows:
        sql = "" if r.sql_queries is None else str(r.sql_queries)
        floor = "" if r.x_floor_p50 is None else f"{r.x_floor_p50:.1f}"
        cold = "" if r.cold_ms is None else f"{r.cold_ms:.1f}"
        cold_floor = "" if r.x_floor_cold is None else f"{r.x_floor_cold:.1f}"
        notes = f"  ({r.notes})" if r.notes else ""
        print(
            f"{r.page:<24} {r.rps:>8.1f} {r.p50_ms:>8.1f} {r.p95_ms:>8.1f} {r.p99_ms:>8.1f} "
            f"{r.errors:>7} {sql:>5} {floor:>8} {cold:>8} {cold_floor:>8}  {r.target}{notes}"
        )
    floor_row = min(
        (r for r in rows if r.page.startswith("floor") and r.requests),
        key=lambda r: r.p50_ms,
        default=None,
    )
    if floor_row is not None:
        print()
        print(
            f"x floor: p50 as a multiple of the floor's p50 in this run ({floor_row.p50_ms} ms). "
            f"cold ms: a public page's first render after a content change (median of "
            f"{COLD_CHANGES}), as a multiple of the floor requested the same way, one at a time "
            f"({cold_floor_ms} ms)."
        )
    if verdicts:
        met = sum(1 for ok, _text in verdicts if ok)
        print()
        print(f"Targets: {met} of {len(verdicts)} met")
        for ok, text in verdicts:
            print(f"  {'met   ' if ok else 'MISSED'}  {text}")
    if pdf and "reports" in pdf:
        print()
        print(f"{'PDF report':<64} {'seconds':>8} {'pages':>6} {'peak MB':>8}")
        for report in pdf["reports"]:
            print(
                f"{report['report']:<64} {report['seconds']:>8.2f} {report['pages']:>6} "
                f"{report['peak_rss_mb']:>8.0f}"
            )
        print(f"peak memory of the rendering process: {pdf['peak_rss_mb']:.0f} MB")
    elif pdf:
        print(f"PDF rendering failed: {pdf.get('error')}")
    if reminders and "days" in reminders:
        print()
        print(
            f"Daily reminders on {reminders['data']}: slowest of 14 days "
            f"{reminders['max_seconds']:.2f} s, at most {reminders['max_queries']} SQL queries; "
            f"{reminders['recorded_in_all']} notifications recorded; the same day again: "
            f"{reminders['same_day_again']['queries']} queries, nothing new recorded"
        )
    elif reminders:
        print(f"Reminder run failed: {reminders.get('error')}")


def write_results(rows: list[Row], info: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    columns = ["page", "path", "rps", "p50_ms", "p95_ms", "p99_ms", "errors", "requests",
               "sql_queries", "x_floor_p50", "cold_ms", "x_floor_cold", "target", "notes",
               "load_before"]  # fmt: skip
    csv_path = RESULTS / f"{stamp}.csv"
    with csv_path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(asdict(row))
    document = {**info, "pages": [asdict(row) for row in rows]}
    text = json.dumps(document, indent=2, default=str)
    (RESULTS / f"{stamp}.json").write_text(text)
    (RESULTS / "latest.json").write_text(text)
    return csv_path


def main(argv: list[str] | None = None) -> None:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description="Load benchmark of the portal (see the module).")
    parser.add_argument("--duration", type=int, default=60, help="seconds per page (60)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up seconds per page (3)")
    parser.add_argument(
        "--connections",
        type=int,
        default=4,
        help="concurrent users while a page's latency is measured (4: two a core, so the "
        "figures are the page's own time, not a queue's)",
    )
    parser.add_argument(
        "--users",
        type=int,
        default=50,
        help="concurrent users of the closing run over every public page (50)",
    )
    parser.add_argument("--users-duration", type=int, default=60, help="seconds of that run (60)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * cores + 1,
        help=f"gunicorn sync workers (2 x cores + 1 = {2 * cores + 1})",
    )
    parser.add_argument(
        "--pages",
        default="",
        help="comma-separated page names (default all): " + ",".join(p[0] for p in PAGES),
    )
    parser.add_argument("--scale", type=float, default=1.0, help="data set scale (1.0)")
    parser.add_argument("--seed", type=int, default=2020, help="data set seed (2020)")
    parser.add_argument(
        "--port", type=int, default=8765, help="gunicorn's port on 127.0.0.1 (8765; must be free)"
    )
    parser.add_argument(
        "--database-url",
        default=BENCH_DATABASE_URL,
        help=f"PostgreSQL database of the run, created when missing ({BENCH_DATABASE_URL})",
    )
    parser.add_argument(
        "--drop-database", action="store_true", help="drop that database at the end of the run"
    )
    parser.add_argument(
        "--redis",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"),
        help="REDIS_URL for the cache and sessions, shared by the workers as in production "
        "(redis://127.0.0.1:6379/13, flushed at the start; '' for none)",
    )
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF rendering")
    parser.add_argument(
        "--no-cold",
        action="store_true",
        help=f"skip the public pages' first render after a content change ({COLD_CHANGES} each)",
    )
    parser.add_argument(
        "--users-rps-before",
        type=float,
        default=USERS_RPS_BEFORE,
        help=f"the 50-user run's requests per second to beat {USERS_RPS_FACTOR} times "
        f"({USERS_RPS_BEFORE}: before the whole-page cache, on the development machine)",
    )
    args = parser.parse_args(argv)
    unknown = set(filter(None, args.pages.split(","))) - {p[0] for p in PAGES}
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")

    load = os.getloadavg()[0]
    if load > cores / 2:
        _say(f"The machine is busy (load average {load:.1f} on {cores} cores): the figures will "
             "be lower than on a quiet machine.")  # fmt: skip
    refuse_taken_port(args.port)
    wrk = find_wrk()
    ensure_database(args.database_url)
    django_setup(args.database_url, args.redis or None)
    data = load_data(scale=args.scale, seed=args.seed)
    # Every connection of a wrk thread edits a plan of its own, with some to spare.
    edit_plans = args.connections + 8 * args.threads
    values, cookies, plans = pick_targets(edit_plans=edit_plans)
    from django.db import connections

    connections.close_all()

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    started = datetime.now().isoformat(timespec="seconds")
    with tempfile.TemporaryDirectory(prefix="roma-wg-bench-") as scratch:
        plans_file = write_edit_plans(plans, Path(scratch))
        first_fields = plans_file.read_text().splitlines()[0].split("\t")[1]
        log = Path(scratch) / "gunicorn.log"
        _say(f"Serving with gunicorn: {args.workers} sync workers on 127.0.0.1:{args.port}.")
        server = start_gunicorn(port=args.port, workers=args.workers, env=env, log=log)
        try:
            _say(f"Measuring ({args.duration} s a page, {args.connections} connections, "
                 f"{args.threads} wrk threads):")  # fmt: skip
            rows = measure(args, wrk, args.port, values, cookies, plans_file, first_fields)
            if args.users and not args.pages:
                rows.append(users_run(args, wrk, args.port, values, Path(scratch)))
            cold_floor_ms = None
            if args.no_cold or not args.redis:
                _say("Not timing first renders after a change (--no-cold, or no shared cache).")
            else:
                _say(f"Each public page right after a content change ({COLD_CHANGES} changes).")
                cold_floor_ms = cold_run(args.port, values, rows, changes=COLD_CHANGES)
        finally:
            stop(server)
            server_log = log.read_text()[-4000:] if log.exists() else ""
    verdicts = judge(rows, users_rps_before=args.users_rps_before)
    pdf = None if args.no_pdf else render_pdfs(env)
    reminders = run_reminders(env)
    info = {
        "started": started,
        "machine": {"cores": cores, "platform": platform.platform(),
                    "python": platform.python_version()},
        "run": {"duration_s": args.duration, "warmup_s": args.warmup,
                "connections": args.connections, "wrk_threads": args.threads,
                "users": args.users, "users_duration_s": args.users_duration,
                "gunicorn_workers": args.workers, "worker_class": "sync",
                "redis": bool(args.redis)},
        "data": data,
        "targets": {"public_p50_floor_factor": PUBLIC_FLOOR_FACTOR,
                    "public_cold_floor_factor": COLD_FLOOR_FACTOR,
                    "signed_in_p50_floor_factor": SIGNED_IN_FLOOR_FACTOR,
                    "users_rps": USERS_RPS_FACTOR * args.users_rps_before, "errors": 0},
        "cold_floor_ms": cold_floor_ms,
        "verdicts": [{"met": ok, "target": text} for ok, text in verdicts],
        "pdf": pdf,
        "reminders": reminders,
        "server_log_tail": server_log,
    }  # fmt: skip
    print_table(rows, pdf, reminders, verdicts=verdicts, cold_floor_ms=cold_floor_ms)
    csv_path = write_results(rows, info)
    _say(f"\nResults: {csv_path}, {csv_path.with_suffix('.json')}, {RESULTS / 'latest.json'}")
    if args.drop_database:
        from django.db import connections

        connections.close_all()
        drop_database(args.database_url)


if __name__ == "__main__":
    main()

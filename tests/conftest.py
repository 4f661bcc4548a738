from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.core.cache import cache

from cities.models import OfficerRole

from .factories import CityFactory, MembershipFactory, StaffFactory, UserFactory

BROWSER_FIXTURES = {"page", "browser", "live_demo"}

# Under pytest-xdist (`make test` runs one worker per core) each worker is a process with a
# name, "gw0", "gw1"...; pytest-django gives each its own test database (test_roma_wg_gw0...).
# The rest of what a test may change is made the worker's own here, before anything uses it.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


# Tests sharing a costly set-up made once per worker, which run on the same worker: the fuzzed
# world of test_form_fuzz, the pages of demo_pages, the SQLite load of test_sqlite_concurrency,
# the catalogues that test_i18n extracts (makemessages writes its work files beside the
# sources: two at once would collide).
# By the start of their node ids; the others are shared out one by one, in order.
SAME_WORKER = {
    "tests/test_form_fuzz.py::": "fuzz_world",
    "tests/test_valid_html.py::": "demo_pages",
    "tests/test_plain_labels.py::": "demo_pages",
    "tests/test_sqlite_concurrency.py::": "sqlite_load",
    "tests/test_i18n.py::test_every_catalogue_is_complete": "extracted_catalogues",
}


def pytest_xdist_make_scheduler(config, log):
    """With ``--dist loadgroup`` (make test): SAME_WORKER's groups. (pytest-xdist's own
    ``xdist_group`` marker relies on node ids that pytest 9 no longer lets it change.)"""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SameWorkerScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            groups = (group for start, group in SAME_WORKER.items() if nodeid.startswith(start))
            return next(groups, nodeid)

    return SameWorkerScheduling(config, log)


BENCH_REDIS_DATABASE = 13  # bench/run.py's own


def worker_redis_url(url: str, worker: str) -> str:
    """The Redis database of one worker: the given one for gw0, the next one down for gw1, and
    so on (15, 14, 12, 11: the benchmark's is left out). The cache, the sessions and the Celery
    broker live there, so a worker's cache.clear() (Redis FLUSHDB) or queue purge never touches
    another worker's keys or tasks; Celery's broadcasts (ping) are kept per database by its
    Redis transport too."""
    if not url or not worker:
        return url
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    downwards = [(base - step) % 16 for step in range(16)]
    databases = [base] + [d for d in downwards[1:] if d != BENCH_REDIS_DATABASE]
    database = databases[int(worker.removeprefix("gw")) % len(databases)]
    return urlunsplit(parts._replace(path=f"/{database}"))


def _worker_own_redis() -> None:
    # Nothing has opened the cache or configured the Celery app yet (both are lazy): the
    # settings they will read are changed in place, and the variable that the processes the
    # tests start (web and worker hosts) inherit.
    url = worker_redis_url(settings.REDIS_URL, WORKER)
    if url == settings.REDIS_URL:
        return
    settings.REDIS_URL = url
    settings.CELERY_BROKER_URL = url
    settings.CACHES["default"]["LOCATION"] = url
    os.environ["REDIS_URL"] = url


_worker_own_redis()


def pytest_collection_modifyitems(config, items) -> None:
    """Tests driving Chromium are marked ``browser`` by the fixtures they use (before ``-m``
    deselects by marker). The ``slow`` ones start first among those using the database the same
    way (pytest-django, whose hook runs first, has put the tests in a transaction before those
    on a flushed database, then those using none, and that order stays): in parallel, the long
    ones then run beside the many short ones, not alone at the end."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: (_database_use(item), item.get_closest_marker("slow") is None))


def _database_use(item) -> int:
    """pytest-django's order: tests in a transaction, then those on a flushed database
    (transactional_db, live_server), then those using no database."""
    fixtures = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    transaction = marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,))
    if transaction or fixtures & {"transactional_db", "live_server"}:
        return 1
    return 0 if marker or "db" in fixtures else 2


def pytest_report_header(config) -> list[str]:
    database = settings.DATABASES["default"]
    engine = database["ENGINE"].rsplit(".", 1)[-1]
    where = f"{database.get('HOST') or 'file'}:{database.get('PORT') or ''}".rstrip(":")
    broker = (
        f"Redis ({settings.REDIS_URL}) with a real Celery worker"
        if settings.REDIS_URL
        else "none: Celery tasks run in-process"
    )
    cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    lines = [
        f"database: {engine} ({where})",
        f"broker: {broker}",
        f"cache: {cache_backend}",
    ]
    workers = getattr(config.option, "numprocesses", None)
    if workers:
        redis = " and a Redis database" if settings.REDIS_URL else ""
        lines.append(f"workers: {workers} (pytest-xdist), each with its own test database{redis}")
    return lines


@pytest.fixture(scope="session", autouse=True)
def _worker_own_files(tmp_path_factory):
    """Uploaded files, generated reports and backups in a folder of this run (and worker), not
    in the working tree's var/ that another worker or `make run` writes to."""
    from django.test import override_settings

    root = tmp_path_factory.mktemp("files")
    with override_settings(MEDIA_ROOT=root / "media", BACKUP_DIR=root / "backups"):
        yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing costs ~0.3 s a user; the tests are about access, not about hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_mfa_bypass(settings):
    # The development bypass code needs DEBUG; tests sign in with real TOTP codes.
    settings.MFA_TOTP_INSECURE_BYPASS_CODE = None


@pytest.fixture(autouse=True)
def _force_login_is_a_completed_sign_in(monkeypatch):
    """Staff pages require a session that passed the second factor (accounts/mfa.py): the
    tests' force_login stands for a completed sign-in; tests/sessions.py opens the others."""
    from django.test.client import ClientMixin

    from .sessions import force_login_every_factor

    monkeypatch.setattr(ClientMixin, "force_login", force_login_every_factor)


@pytest.fixture(autouse=True)
def _english_to_start_with():
    """Each test starts in English: a request in French leaves its language active in the
    thread, and reverse() would then build French paths for the next test."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def braga(db):
    return CityFactory(
        name="Braga", slug="braga", country="PT", latitude=41.5454, longitude=-8.4265
    )


@pytest.fixture
def turin(db):
    return CityFactory(name="Turin", slug="turin", country="IT", latitude=45.0705, longitude=7.6868)


@pytest.fixture
def staff(db):
    return StaffFactory(email="staff.person@example.org")


@pytest.fixture
def braga_officer(braga):
    return MembershipFactory(city=braga, user=UserFactory(email="officer@braga.example.org")).user


@pytest.fixture
def braga_lead(braga):
    return MembershipFactory(
        city=braga, role=OfficerRole.LEAD, user=UserFactory(email="lead@braga.example.org")
    ).user


@pytest.fixture
def turin_officer(turin):
    return MembershipFactory(city=turin, user=UserFactory(email="officer@turin.example.org")).user


@pytest.fixture
def peer(turin):
    """An officer of Turin, asked as a peer to review a plan of Braga."""
    return MembershipFactory(city=turin, user=UserFactory(email="peer@turin.example.org")).user


@pytest.fixture
def staff_client(staff):
    """A browser signed in as staff."""
    from django.test import Client

    client = Client()
    client.force_login(staff)
    return client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, and a note of its rows as the migrations left them (demo_snapshot)."""
    from .demo_snapshot import remember_baseline

    with django_db_blocker.unblock():
        remember_baseline()


@pytest.fixture
def demo(db):
    from .demo_snapshot import demo_in_place

    demo_in_place()


@pytest.fixture
def celery_worker_if_broker():
    """A real worker thread consuming from Redis when there is one; eager tasks otherwise."""
    if not settings.REDIS_URL:
        yield None
        return
    from celery.contrib.testing.worker import start_worker

    from roma_wg.celery import app

    app.control.purge()
    with start_worker(app, perform_ping_check=False, pool="solo", loglevel="WARNING") as worker:
        yield worker


@pytest.fixture
def eager_tasks(monkeypatch):
    """Run tasks in the test's own transaction (the worker path has its own test)."""
    from roma_wg.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", True)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's package) for the whole run, driven by Playwright."""
    import os

    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM, CHROMIUM_ARGS

    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make
    # around it are ordinary synchronous ones.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def live_demo(transactional_db, live_server, settings, tmp_path):
    """The portal with its demo data, served for a real browser."""
    from .demo_snapshot import demo_in_place

    settings.MEDIA_ROOT = tmp_path / "media"
    demo_in_place()
    return live_server


@pytest.fixture(scope="session")
def object_store():
    """A real S3-compatible server (moto, in server mode) for the whole run."""
    from .objectstore import ObjectStore

    store = ObjectStore().start()
    yield store
    store.stop()


@pytest.fixture
def s3_storage(object_store, settings):
    """The portal's files in a fresh bucket of the object store, for one test."""
    bucket = object_store.new_bucket()
    settings.STORAGES = {**settings.STORAGES, "default": object_store.storage_setting(bucket)}
    yield bucket


@pytest.fixture
def two_hosts(object_store, s3_storage, tmp_path, transactional_db, settings):
    """Web hosts A and B (gunicorn) and a worker host, each with its own local directory,
    sharing the suite's PostgreSQL database and Redis and one bucket; the demo loaded."""
    from demo.services import demo_load

    from . import hosts

    if not hosts.can_run():
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail("the multi-host test needs PostgreSQL and Redis")
        pytest.skip("the multi-host test needs PostgreSQL and Redis")
    # The hosts check passwords with the real hasher, not the suite's fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    demo_load()
    started = []
    try:
        for name in ["web-a", "web-b"]:
            env = hosts.host_environment(
                store=object_store, bucket=s3_storage, local_dir=tmp_path / name
            )
            started.append(hosts.WebHost(name, env, tmp_path))
        env = hosts.host_environment(
            store=object_store, bucket=s3_storage, local_dir=tmp_path / "worker"
        )
        started.append(hosts.WorkerHost("worker", env, tmp_path))
        yield started
    finally:
        for process in started:
            process.stop()
        # Nothing was written to a host's own directory: every file is in the bucket.
        for name in ["web-a", "web-b", "worker"]:
            media = tmp_path / name / "media"
            assert not media.exists() or not any(media.rglob("*")), name


@pytest.fixture(scope="session")
def demo_pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """``demo_pages(languages, who=None)``: every page of the demo as each kind of person sees
    it (tests/pages.py), on the demo data and the every-URL world. The checks that read them all
    (valid HTML, labels) read the same pages: rendered once per worker and set of languages, in
    a transaction rolled back afterwards (the test's own fixtures are in force meanwhile)."""
    from django.db import transaction
    from django.test import override_settings

    from .demo_snapshot import demo_in_place
    from .pages import every_page
    from .url_world import build_world

    rendered: dict[tuple, list] = {}

    def pages(languages=("en", "fr"), who: str | None = None) -> list:
        key = (tuple(languages), who)
        if key not in rendered:
            media = tmp_path_factory.mktemp("demo-pages")
            with (
                django_db_blocker.unblock(),
                override_settings(MEDIA_ROOT=media),
                transaction.atomic(),
            ):
                demo_in_place()
                rendered[key] = list(every_page(build_world(settings), languages, who))
                transaction.set_rollback(True)
        return rendered[key]

    return pages


@pytest.fixture
def url_world(demo, settings, tmp_path):
    """The every-URL world (tests/url_world.py) on the demo data, its files in a fresh folder."""
    from .url_world import build_world

    settings.MEDIA_ROOT = tmp_path
    return build_world(settings)

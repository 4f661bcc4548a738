"""Settings of the benchmark: the portal's own, as production runs them where it matters for
speed (DEBUG off, persistent database connections), on the PostgreSQL database
``roma_wg_bench``, plus a count of SQL queries in every response (``X-SQL-Queries``) and a
minimal view, ``/bench/floor/``, that measures what Django itself costs.

    DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/python manage.py ...

``BENCH_DATABASE_URL`` names another database; ``DATABASE_URL`` is ignored on purpose, so a
benchmark never writes into the development database.
"""

from __future__ import annotations

import os

from bench import BENCH_DATABASE_URL

# Read by roma_wg.settings when it is imported below.
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", BENCH_DATABASE_URL)
os.environ["DEBUG"] = "0"
os.environ["PORTAL_PRODUCTION"] = "0"  # plain HTTP on loopback; the generated data needs it off
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")  # as in production
os.environ.setdefault("LOG_LEVEL", "WARNING")

from roma_wg.settings import *  # noqa: E402, F403
from roma_wg.settings import MIDDLEWARE  # noqa: E402

DEBUG = False
ROOT_URLCONF = "bench.urls"
# wrk asks from one address many times a second: the API's limit per address would answer 429.
API_REQUESTS_PER_MINUTE = 10**9
# Outermost, so the session, authentication and messages queries are counted too.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]

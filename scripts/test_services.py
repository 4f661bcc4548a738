"""Find the PostgreSQL and Redis the tests should use; print shell exports for `make test`.

A DATABASE_URL or REDIS_URL already set wins. Otherwise the local services are used when they
answer, and SQLite / in-process tasks when they do not, unless REQUIRE_SERVICES=1 (CI), where
their absence is an error: CI never falls back silently.
"""

from __future__ import annotations

import os
import shlex
import socket
import sys

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/roma_wg"
REDIS_URL = "redis://127.0.0.1:6379/15"


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _postgres_ok(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        print(f"PostgreSQL at {url} does not answer: {error}", file=sys.stderr)
        return False
    return True


def _redis_ok(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_timeout=2).ping())
    except redis.RedisError as error:
        print(f"Redis at {url} does not answer: {error}", file=sys.stderr)
        return False


def main() -> int:
    required = os.environ.get("REQUIRE_SERVICES", "") in {"1", "true", "yes"}
    exports = {}
    database = os.environ.get("DATABASE_URL") or (
        POSTGRES_URL if _answers("127.0.0.1", 5432) and _postgres_ok(POSTGRES_URL) else ""
    )
    broker = os.environ.get("REDIS_URL") or (
        REDIS_URL if _answers("127.0.0.1", 6379) and _redis_ok(REDIS_URL) else ""
    )
    if required and not database.startswith(("postgres://", "postgresql://")):
        print("REQUIRE_SERVICES is set but PostgreSQL is not reachable.", file=sys.stderr)
        return 1
    if required and not broker:
        print("REQUIRE_SERVICES is set but Redis is not reachable.", file=sys.stderr)
        return 1
    exports["DATABASE_URL"] = database
    exports["REDIS_URL"] = broker
    for name, value in exports.items():
        print(f"export {name}={shlex.quote(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""gunicorn in production (Dockerfile, docker-compose.yml): `-c roma_wg/gunicorn.py`.

The portal writes one JSON line per request itself (ops/middleware.py), so gunicorn's access log
(raw paths with their keys, client addresses) stays off, and gunicorn's own messages are JSON
lines too. With PROMETHEUS_MULTIPROC_DIR the workers' metrics are added up at each scrape.
"""

from __future__ import annotations

import os
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# The application is loaded once in the master, then forked (roma_wg/warmup.py): workers share
# the compiled templates, URL patterns and catalogues, and a new worker starts ready. Loading
# opens no database or cache connection, so no worker inherits one.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
accesslog = None
# No control socket: several servers on one host (or in the tests) would share its one path.
control_socket_disable = True
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "portal": {
            "()": "ops.logs.formatter",
            "json": os.environ.get("LOG_FORMAT", "json") == "json",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "portal"}},
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}


def on_starting(server) -> None:
    """A fresh directory for the workers' metric files: counts start at zero with the server."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):
            stale.unlink()


def child_exit(server, worker) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)

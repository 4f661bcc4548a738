"""Logs as one JSON line per event (structlog), with nothing personal and no secret in them.

Every request and every task writes one line (ops/middleware.py, ops/signals.py) carrying a
request id; a task queued by a request carries the request's id in its message headers, so the
lines of both can be joined. People are named by their user id only. As a last guard, every
line is scrubbed: e-mail addresses are masked and any field named like a secret is dropped.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import structlog

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
SECRET_KEYS = re.compile(
    r"pass(word)?|secret|token|authori[sz]ation|cookie|sessionid|csrf|api[_-]?key|otp",
    re.IGNORECASE,
)
# In a path: a segment that looks like a key (reset links, invitations, unsubscribe links).
PATH_TOKEN = re.compile(r"(?<=/)(?=[^/\s?\"]*\d)[A-Za-z0-9_\-:.=]{20,}(?=/|\s|$|\?|\")")
# In a query string: every value (search words, signed links).
QUERY_VALUE = re.compile(r"(?<=[?&])([A-Za-z0-9_\-]+)=[^&\s\"']*")
# Fields the portal itself writes, allowed although they match the pattern above.
SAFE_KEYS = {"status_code"}

_configured = False


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        value = EMAIL.sub("[e-mail]", value)
        value = PATH_TOKEN.sub("[key]", value)
        return QUERY_VALUE.sub(r"\1=[…]", value)
    if isinstance(value, dict):
        return {k: _scrub_field(k, v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v) for v in value]
    return value


def _scrub_field(key: str, value: Any) -> Any:
    if key not in SAFE_KEYS and SECRET_KEYS.search(str(key)):
        return "[redacted]"
    return _scrub(value)


def scrub(logger, method_name: str, event_dict: dict) -> dict:
    """structlog processor: mask e-mail addresses, drop fields named like secrets."""
    return {key: _scrub_field(key, value) for key, value in event_dict.items()}


def _shared_processors() -> list:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]


def configure_structlog() -> None:
    global _configured
    if _configured:
        return
    structlog.configure(
        processors=[
            *_shared_processors(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    # Python's warnings (a library's, Celery's) are log lines like any other.
    logging.captureWarnings(True)
    _configured = True


def formatter(*, json: bool = True) -> logging.Formatter:
    """The one formatter of the LOGGING setting: JSON lines, or key=value for a terminal.

    Records from the standard library (Django, Celery, gunicorn's error log) get the same
    fields and the same scrubbing as the portal's own structlog events.
    """
    configure_structlog()
    renderer = (
        structlog.processors.JSONRenderer(sort_keys=False)
        if json
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_shared_processors(),
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            scrub,
            renderer,
        ],
    )


def get_logger(name: str):
    configure_structlog()
    return structlog.stdlib.get_logger(name)

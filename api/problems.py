"""Errors of the API as RFC 9457 problem details (``application/problem+json``).

Every refusal the API makes (a bad query parameter, an unknown address, a method it does not
answer, a missing or expired token, a refused write, too many requests) is one JSON object with
``type``, ``title``, ``status``, ``detail`` and ``instance``; field errors add ``errors``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM_TYPE = "application/problem+json"


def _titles() -> dict[int, str]:
    return {
        400: _("Bad request"),
        401: _("Not authenticated"),
        403: _("Forbidden"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Not acceptable"),
        409: _("Conflict"),
        413: _("Request too large"),
        415: _("Unsupported media type"),
        429: _("Too many requests"),
        500: _("Server error"),
    }


def problem(
    *, status_code: int, detail: str, instance: str = "", errors: list | None = None
) -> dict:
    body = {
        "type": "about:blank",
        "title": _titles().get(status_code, _("Error")),
        "status": status_code,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    return body


def _flatten(data, prefix: str = "") -> list[dict]:
    """DRF's nested error structure as a list of {"field", "message"} in plain words."""
    found = []
    if isinstance(data, dict):
        for name, value in data.items():
            field = f"{prefix}.{name}" if prefix else str(name)
            if name == "non_field_errors":
                field = prefix
            found += _flatten(value, field)
    elif isinstance(data, list):
        for value in data:
            found += _flatten(value, prefix)
    else:
        found.append({"field": prefix or None, "message": str(data)})
    return found


def exception_handler(exc, context):
    """DRF's handler (status, headers such as Retry-After), then the body as a problem."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or _("There is nothing at this address."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    data = response.data
    errors = None
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(data)
        detail = _("The request has errors: %(errors)s") % {
            "errors": "; ".join(
                f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in errors
            )
        }
    elif isinstance(data, dict) and "detail" in data:
        detail = str(data["detail"])
    else:
        detail = str(data)
    if isinstance(exc, exceptions.Throttled) and exc.wait:
        detail = _("Too many requests from your address: try again in %(seconds)s seconds.") % {
            "seconds": int(exc.wait)
        }
    response.data = problem(
        status_code=response.status_code, detail=detail, instance=instance, errors=errors
    )
    response.content_type = PROBLEM_TYPE
    return response


def problem_response(request: HttpRequest, *, status_code: int, detail: str) -> JsonResponse:
    """A problem document answered outside DRF (middleware, the address catch-all)."""
    return JsonResponse(
        problem(status_code=status_code, detail=detail, instance=request.get_full_path()),
        status=status_code,
        content_type=PROBLEM_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def not_found_response(request) -> Response:
    return Response(
        problem(
            status_code=status.HTTP_404_NOT_FOUND,
            detail=_("The API has nothing at this address; /api/v1/ lists what it has."),
            instance=request.get_full_path(),
        ),
        status=404,
        content_type=PROBLEM_TYPE,
    )

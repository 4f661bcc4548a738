"""The API's human documentation: Swagger UI from the bundled package (no CDN), started by a
static script, so the portal's Content Security Policy holds (no inline script or style)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    return render(request, "api/docs.html")

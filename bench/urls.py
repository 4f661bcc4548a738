"""The portal's URLs plus the floor: the cheapest page Django can serve through the same
middleware, the reference every page's time is compared with."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from roma_wg.urls import handler403, handler404, handler500  # noqa: F401
from roma_wg.urls import urlpatterns as portal_urlpatterns


def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *portal_urlpatterns]

"""Cross-origin reads of the API: any web page may GET the open data; nothing else.

A few lines rather than a dependency: the API allows one thing across origins (reading without
credentials), so there is nothing to configure.
"""

from __future__ import annotations

from django.http import HttpResponse

API_PREFIX = "/api/"
READ_METHODS = ("GET", "HEAD")
ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
EXPOSED_HEADERS = "ETag, Last-Modified, Link, Retry-After, Content-Language"


class ApiCorsMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            # A preflight: reads are allowed from anywhere, writes (tokens) from no web page.
            response = HttpResponse(status=204)
            if request.headers["Access-Control-Request-Method"].upper() in READ_METHODS:
                response["Access-Control-Allow-Origin"] = "*"
                response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
                response["Access-Control-Max-Age"] = "86400"
            return response
        response = self.get_response(request)
        if request.method in READ_METHODS:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response

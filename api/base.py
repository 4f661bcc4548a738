"""What every public API view shares: its query parameters checked (400 for anything it does not
know or cannot read), page-number pagination with absolute ``next`` links, the licence, answers
kept in the shared cache until the content they show changes, and conditional GET (ETag,
Last-Modified, 304) from the same content versions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpResponseNotModified, QueryDict
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from fragments.versions import content_seen_at, content_version

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def license_document() -> dict:
    return dict(settings.OPEN_DATA_LICENSE)


def license_link_header() -> str:
    return f'<{settings.OPEN_DATA_LICENSE["url"]}>; rel="license"'


# --- Query parameters --------------------------------------------------------------------------


def integer(low: int, high: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a whole number.") % {"value": raw[:40]}
            ) from None
        if not low <= value <= high:
            raise ValueError(
                _("%(value)s is out of range: from %(low)s to %(high)s.")
                % {"value": value, "low": low, "high": high}
            )
        return value

    return parse


def one_of(choices: Callable[[], list[str]] | list[str]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        allowed = choices() if callable(choices) else choices
        if raw not in allowed:
            shown = ", ".join(allowed[:20]) + (", …" if len(allowed) > 20 else "")
            raise ValueError(
                _("“%(value)s” is not one of: %(choices)s.") % {"value": raw[:40], "choices": shown}
            )
        return raw

    return parse


def boolean(raw: str) -> bool:
    if raw.lower() in ("true", "1", "yes"):
        return True
    if raw.lower() in ("false", "0", "no"):
        return False
    raise ValueError(_("“%(value)s” is not true or false.") % {"value": raw[:40]})


PAGING = {"page": integer(1, 1_000_000), "page_size": integer(1, MAX_PAGE_SIZE)}


def read_params(query: QueryDict, parsers: dict[str, Callable], *, multiple=()) -> dict:
    """The query's parameters read by ``parsers``; 400 naming each unknown or bad one. Those in
    ``multiple`` may repeat and come back as lists (read by their own filter set)."""
    errors, values = {}, {}
    for name in query:
        if name not in parsers and name not in multiple:
            errors[name] = [
                _("This parameter is unknown here; the ones it takes: %(names)s.")
                % {"names": ", ".join(sorted([*parsers, *multiple]))}
            ]
            continue
        raw = query.getlist(name)
        if name in multiple:
            values[name] = raw
            continue
        if len(raw) > 1:
            errors[name] = [_("Give this parameter once.")]
            continue
        try:
            values[name] = parsers[name](raw[0]) if parsers[name] else raw[0]
        except ValueError as error:
            errors[name] = [str(error)]
    if errors:
        raise ValidationError(errors)
    return values


# --- Pages -------------------------------------------------------------------------------------


@dataclass
class Page:
    items: list
    count: int
    next: str | None
    previous: str | None


def paginate(request, items, params: dict, *, count: int | None = None) -> Page:
    """One page of ``items`` (a queryset or list); a page beyond the last is a 400."""
    size = params.get("page_size", DEFAULT_PAGE_SIZE)
    paginator = Paginator(items, size)
    if count is not None:
        paginator.count = count
    number = params.get("page", 1)
    if number > paginator.num_pages:
        raise ValidationError(
            {
                "page": [
                    _("There is no page %(page)s: there are %(count)s.")
                    % {"page": number, "count": paginator.num_pages}
                ]
            }
        )
    page = paginator.page(number)

    def link(to: int) -> str:
        query = request.GET.copy()
        query["page"] = str(to)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return Page(
        items=list(page.object_list),
        count=paginator.count,
        next=link(number + 1) if page.has_next() else None,
        previous=link(number - 1) if page.has_previous() else None,
    )


def page_body(page: Page, results: list, **extra) -> dict:
    return {
        "count": page.count,
        "next": page.next,
        "previous": page.previous,
        **extra,
        "license": license_document(),
        "results": results,
    }


class LicenseSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.URLField()
    attribution = serializers.CharField()


def paginated(serializer_class, name: str, **extra_fields) -> type[serializers.Serializer]:
    """The schema of a page of ``serializer_class`` (for the OpenAPI description)."""
    fields = {
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        **extra_fields,
        "license": LicenseSerializer(),
        "results": serializer_class(many=True),
    }
    return type(name, (serializers.Serializer,), fields)


def with_license(serializer_class, name: str) -> type[serializers.Serializer]:
    """The schema of one object with the licence it is published under."""
    return type(name, (serializer_class,), {"license": LicenseSerializer(read_only=True)})


# --- The view ----------------------------------------------------------------------------------


class PublicView(APIView):
    """A read of public data: anyone, no session (what a signed-in person sees here is what
    everyone sees), answers kept until the content of ``content_apps`` changes."""

    authentication_classes: list = []
    # The public apps whose content the answer shows (fragments.versions).
    content_apps: tuple[str, ...] = ("cities", "objectives", "practices", "meetings", "actionplans")
    parsers: dict[str, Callable] = {}
    multiple: tuple[str, ...] = ()
    # Answers that change with the day (activities' states, overdue milestones) key on it.
    daily = False

    def read(self, request) -> dict:
        return read_params(request.GET, {**self.parsers, **PAGING}, multiple=self.multiple)

    def build(self, request, params: dict, **kwargs) -> dict:
        raise NotImplementedError

    def respond(self, request, **kwargs):
        params = self.read(request)
        known = sorted((k, request.GET.getlist(k)) for k in request.GET)
        key_text = repr(
            (request.scheme, request.get_host(), request.path, known, get_language(),
             timezone.localdate().isoformat() if self.daily else "")
        )  # fmt: skip
        key = hashlib.sha256(key_text.encode()).hexdigest()[:32]
        version = hashlib.sha256(content_version(self.content_apps).encode()).hexdigest()[:16]
        etag = f'"{hashlib.sha256(f"{version}:{key}".encode()).hexdigest()[:32]}"'
        modified = content_seen_at(self.content_apps)
        headers = {"ETag": etag, "Last-Modified": http_date(modified.timestamp())}
        not_modified = get_conditional_response(
            request._request, etag=etag, last_modified=int(modified.timestamp())
        )
        if isinstance(not_modified, HttpResponseNotModified):
            for name, value in headers.items():
                not_modified[name] = value
            return not_modified
        entry = f"api:{version}:{key}"
        data = cache.get(entry)
        if data is None:
            data = self.build(request, params, **kwargs)
            cache.set(entry, data, timeout=settings.FRAGMENT_CACHE_SECONDS)
        return Response(data, headers=headers)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = license_link_header()
        if response.status_code in (200, 304):
            response["Cache-Control"] = "public, max-age=60"
        patch_vary_headers(response, ("Accept-Language",))
        return response


def query_without_paging(request) -> str:
    return urlencode([(k, v) for k, vs in request.GET.lists() for v in vs if k not in PAGING])

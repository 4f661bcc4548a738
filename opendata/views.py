"""/data/: every download of the network's public data, and the files themselves."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe

from fragments.versions import cached_for_content, content_seen_at, content_version

from .exports import DATASETS, as_csv, as_json
from .services import latest_bundle

WRITERS = {"csv": (as_csv, "text/csv; charset=utf-8"), "json": (as_json, "application/json")}


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    files = []
    for name, dataset in DATASETS.items():
        if name == "practices":
            links = [
                ("CSV", reverse("practices:export_csv")),
                ("JSON", reverse("practices:export_json")),
            ]
        else:
            links = [
                (suffix.upper(), reverse("opendata:file", kwargs={"name": name, "suffix": suffix}))
                for suffix in WRITERS
            ]
        files.append({"name": name, "title": dataset.title, "links": links,
                      "columns": dataset.columns})  # fmt: skip
    return render(
        request,
        "opendata/index.html",
        {
            "files": files,
            "bundle": latest_bundle(),
            "license": settings.OPEN_DATA_LICENSE,
        },
    )


def _dataset(name: str, suffix: str):
    if name not in DATASETS or suffix not in WRITERS:
        raise Http404(_("There is no such file."))
    return DATASETS[name]


def _etag(request: HttpRequest, name: str, suffix: str) -> str | None:
    if name not in DATASETS or suffix not in WRITERS:
        return None
    version = content_version(DATASETS[name].apps)
    key = f"{version}:{name}.{suffix}:{get_language()}:{request.get_host()}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _modified(request: HttpRequest, name: str, suffix: str):
    if name not in DATASETS or suffix not in WRITERS:
        return None
    return content_seen_at(DATASETS[name].apps)


def license_link(response: HttpResponse) -> HttpResponse:
    response["Link"] = f'<{settings.OPEN_DATA_LICENSE["url"]}>; rel="license"'
    return response


@require_safe
@condition(etag_func=_etag, last_modified_func=_modified)
def dataset_file(request: HttpRequest, name: str, suffix: str) -> HttpResponse:
    dataset = _dataset(name, suffix)
    write, content_type = WRITERS[suffix]
    base = request.build_absolute_uri("/").rstrip("/")
    body = cached_for_content(
        f"opendata:{name}.{suffix}:{get_language()}:{base}",
        lambda: write(dataset, base)[0],
        apps=dataset.apps,
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="roma-wg-{name}.{suffix}"'
    return license_link(response)


@require_safe
def bundle_download(request: HttpRequest) -> FileResponse:
    bundle = latest_bundle()
    if bundle is None:
        raise Http404(_("The zip file of the whole data set has not been built yet."))
    try:
        handle = bundle.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The zip file of the whole data set is not available.")) from None
    response = FileResponse(
        handle, content_type="application/zip", as_attachment=True,
        filename=f"roma-wg-open-data-{bundle.built_at:%Y-%m-%d}.zip",
    )  # fmt: skip
    return license_link(response)

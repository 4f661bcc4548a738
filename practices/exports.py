"""Open data: the library's filtered list as CSV and JSON, with documented columns."""

from __future__ import annotations

import csv

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse

from core.exports import spreadsheet_safe

from .models import Practice

# Column -> description; the same order in both formats, documented on the library page.
COLUMNS = {
    "slug": "Stable identifier of the practice",
    "url": "Address of the practice's page",
    "title": "Title",
    "city": "City that runs the practice",
    "country": "ISO 3166-1 alpha-2 code of the city's country",
    "themes": "Theme codes, separated by '; '",
    "funding_sources": "Funding source codes, separated by '; '",
    "strategic_objectives": "Strategic objective codes, separated by '; '",
    "start_year": "Year the practice started",
    "end_year": "Year it ended; empty while ongoing",
    "target_group": "Who the practice is for",
    "summary": "Short summary",
    "results": "Results",
    "published_at": "Date and time it was published in the library (ISO 8601, UTC)",
}


def _row(practice: Practice, base_url: str) -> dict:
    return {
        "slug": practice.slug,
        "url": base_url + practice.get_absolute_url(),
        "title": practice.title,
        "city": practice.city.name,
        "country": practice.city.country.code,
        "themes": "; ".join(theme.code for theme in practice.themes.all()),
        "funding_sources": "; ".join(source.code for source in practice.funding_sources.all()),
        "strategic_objectives": "; ".join(so.code for so in practice.strategic_objectives.all()),
        "start_year": practice.start_year,
        "end_year": practice.end_year,
        "target_group": practice.target_group,
        "summary": practice.summary,
        "results": practice.results,
        "published_at": practice.published_at.isoformat() if practice.published_at else None,
    }


class _Echo:
    def write(self, value: str) -> str:
        return value


def practices_csv_response(practices, *, request: HttpRequest) -> StreamingHttpResponse:
    writer = csv.DictWriter(_Echo(), fieldnames=list(COLUMNS))
    base_url = request.build_absolute_uri("/").rstrip("/")

    def rows():
        yield writer.writeheader()
        for practice in practices.iterator(chunk_size=500):
            row = _row(practice, base_url)
            yield writer.writerow(
                {k: spreadsheet_safe(v) if isinstance(v, str) else v for k, v in row.items()}
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="good-practices.csv"'
    return _licensed(response)


def _licensed(response):
    """The licence the file is published under, as a link the response carries (RFC 8288)."""
    response["Link"] = f'<{settings.OPEN_DATA_LICENSE["url"]}>; rel="license"'
    return response


def practices_json_response(practices, *, request: HttpRequest) -> HttpResponse:
    base_url = request.build_absolute_uri("/").rstrip("/")
    results = [_row(practice, base_url) for practice in practices]
    return _licensed(
        JsonResponse(
            {
                "count": len(results),
                "license": settings.OPEN_DATA_LICENSE,
                "columns": COLUMNS,
                "results": results,
            },
            json_dumps_params={"ensure_ascii": False},
        )
    )

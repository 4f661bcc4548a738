"""HTML to PDF with WeasyPrint, fetching nothing but the portal's own static files."""

from __future__ import annotations

import logging
import mimetypes
import posixpath
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Documents are parsed with this base: "/static/…" in a template resolves under it.
BASE_URL = "https://portal.invalid/"


class RefusedURL(ValueError):
    pass


class StaticOnlyFetcher(URLFetcher):
    """Serves the portal's static files (through the staticfiles finders) and data: URLs.

    Everything else (http, https to any other place, file:, ftp:) is refused, so rendering a
    report never touches the network or the rest of the file system.
    """

    def __init__(self) -> None:
        super().__init__(timeout=1, allowed_protocols=("https", "data"), allow_redirects=False)
        self.refused: list[str] = []
        self.static_prefix = BASE_URL + settings.STATIC_URL.strip("/") + "/"

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith(self.static_prefix):
            path = unquote(urlsplit(url).path)[len(urlsplit(self.static_prefix).path) :]
            normalised = posixpath.normpath(path).lstrip("/")
            if normalised and not normalised.startswith("..") and normalised == path:
                found = finders.find(normalised)
                if found:
                    content_type = mimetypes.guess_type(normalised)[0] or "application/octet-stream"
                    with open(found, "rb") as handle:
                        body = handle.read()
                    return URLFetcherResponse(url, body, {"Content-Type": content_type})
        self.refused.append(url)
        logger.warning("Report rendering refused to fetch %s", url[:200])
        raise RefusedURL(f"Refused: {url[:200]}")


class RenderedPdf(bytes):
    """The PDF's bytes, knowing how many pages they hold (shown on the download link)."""

    pages: int | None = None


def html_to_pdf(html: str) -> RenderedPdf:
    fetcher = StaticOnlyFetcher()
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()
    pdf = RenderedPdf(document.write_pdf(pdf_variant="pdf/ua-1"))
    pdf.pages = len(document.pages)
    return pdf

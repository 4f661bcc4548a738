from __future__ import annotations

from django.http import HttpRequest

from .reading import requested_language


def text_language(request: HttpRequest) -> dict:
    """``TEXT_LANGUAGE``: the version of written texts asked for with ?language= ("" when the
    page shows them in its own language); cached fragments name it in their keys."""
    return {"TEXT_LANGUAGE": requested_language(request) or ""}

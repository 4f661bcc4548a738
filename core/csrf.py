"""Forms on public pages that anonymous visitors may send without a CSRF token.

A public page is one copy for every anonymous visitor (fragments/pages.py): it cannot carry a
token of its own, nor set the cookie a token needs. A form such a page shows to anonymous
visitors (the "Download as PDF" button) posts to a view marked with `token_for_signed_in_only`:
signed-in people's requests need the token as everywhere else (their pages are never shared);
anonymous ones are refused when the browser says they come from another site (`Sec-Fetch-Site`,
`Origin`), which is what a forged request from another site looks like. An anonymous request
acts for nobody in particular (it asks for a public document, under the per-address limit), so
there is nothing else for a forgery to gain.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_callable
from django.views.decorators.csrf import csrf_exempt, csrf_protect


def comes_from_another_site(request: HttpRequest) -> bool:
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return False  # neither header (an old browser, a script): as if the visitor sent it
    own = f"{request.scheme}://{request.get_host()}"
    return origin != own and origin not in settings.CSRF_TRUSTED_ORIGINS


def token_for_signed_in_only(view):
    """CSRF protection for signed-in people; anonymous requests from this site need no token
    (see the module)."""
    protected = csrf_protect(view)

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs):
        if request.user.is_authenticated:
            return protected(request, *args, **kwargs)
        if comes_from_another_site(request):
            failure = get_callable(settings.CSRF_FAILURE_VIEW)
            return failure(request, reason="Anonymous request from another site.")
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)

"""Remember the language a signed-in person uses, so the portal writes to them in it: set when
they sign in, and when they open a page in another language than the one remembered (the
language switch is a link to the page in the other language). One write per change: an
ordinary page in their language writes nothing."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.utils.translation import get_language, get_language_from_path


def _remember(user, language: str | None) -> None:
    if language in dict(settings.LANGUAGES) and user.language != language:
        get_user_model().objects.filter(pk=user.pk).update(language=language)
        user.language = language


@receiver(user_logged_in)
def _language_at_sign_in(sender, request, user, **kwargs) -> None:
    _remember(user, get_language())
    if request is not None:
        request.clear_site_data = '"cache"'


@receiver(user_logged_out)
def _forget_at_sign_out(sender, request, user, **kwargs) -> None:
    if request is not None:
        request.clear_site_data = '"cache", "storage"'


class ClearSiteDataMiddleware:
    """On the answer to a sign-in, the browser drops what it cached of pages seen before; on the
    answer to a sign-out, that and the site's storage too (a shared computer keeps nothing of the
    person who left)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        clear = getattr(request, "clear_site_data", None)
        if clear:
            response["Clear-Site-Data"] = clear
        return response


class RememberLanguageMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and response.status_code < 400:
            # The address's language: the one the person chose to read this page in.
            _remember(user, get_language_from_path(request.path_info))
        return response

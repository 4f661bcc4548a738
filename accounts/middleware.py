"""Remember the language a signed-in person uses, so the portal writes to them in it: set when
they sign in and when they switch language (no write on ordinary pages)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import get_language


def _remember(user, language: str | None) -> None:
    if language in dict(settings.LANGUAGES) and user.language != language:
        get_user_model().objects.filter(pk=user.pk).update(language=language)
        user.language = language


@receiver(user_logged_in)
def _language_at_sign_in(sender, request, user, **kwargs) -> None:
    _remember(user, get_language())


class RememberLanguageMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            request.method == "POST"
            and user is not None
            and user.is_authenticated
            and request.path_info == reverse("set_language")
        ):
            _remember(user, request.POST.get("language"))
        return response

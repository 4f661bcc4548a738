"""Remember the language a signed-in person uses, so the portal writes to them in it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import get_language


class RememberLanguageMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        language = get_language()
        if (
            user is not None
            and user.is_authenticated
            and language
            and user.language != language
            and request.method == "GET"
            and response.status_code == 200
        ):
            # A write only when the language changes, on a page the person actually read.
            get_user_model().objects.filter(pk=user.pk).update(language=language)
            user.language = language
        return response

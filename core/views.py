"""The one way a workspace form page works: show the form, save through a service, say so and
move on, or show the form again with its errors (400) or with an edit conflict (409). And the one
way a button works (delete, publish...): call the service, say so and move on, or say why not
(400)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy

from .editing import BadEditToken, EditConflict, edit_guard
from .forms import STALE_FORM
from .storage import StorageUnavailable

# Said in the form when the file store does not answer: what was typed is still in the form.
STORE_UNAVAILABLE = gettext_lazy(
    "The file store is not answering just now, so nothing was saved. What you entered is kept "
    "below: choose the file again and send the form in a few minutes."
)


def storage_unavailable(request: HttpRequest, form: forms.BaseForm) -> None:
    """Show the form again with the message above; the answer becomes 503 with Retry-After
    (core.middleware.StorageUnavailableMiddleware)."""
    form.add_error(None, STORE_UNAVAILABLE)
    request.storage_unavailable = True


FORM_TEMPLATE = "core/form.html"


def form_status(*forms_shown: forms.BaseForm | None, conflict: EditConflict | None = None) -> int:
    """409 after an edit conflict, 400 when a submitted form has errors, 200 otherwise."""
    if conflict is not None:
        return 409
    if any(form is not None and form.is_bound and not form.is_valid() for form in forms_shown):
        return 400
    return 200


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal, next to the field it names where the form has that field."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def save_edited(form: forms.BaseForm, save: Callable[[Any], Any]):
    """Call ``save(form)``; for a form editing a saved object, first check under the object's
    row lock, in the same transaction, that nobody saved it since the form was opened."""
    if getattr(form, "edit_object", None) is None:
        return save(form)
    with transaction.atomic():
        edit_guard(form)
        return save(form)


def form_again(form_class, kwargs: dict, conflict: EditConflict) -> forms.BaseForm:
    """The form after a conflict: everyone's changes merged, and a token of the saved object."""
    kwargs = dict(kwargs)
    if issubclass(form_class, forms.BaseModelForm):
        kwargs["instance"] = conflict.current
    else:
        kwargs["edit_object"] = conflict.current
    kwargs["initial"] = {**kwargs.get("initial", {}), **conflict.merged}
    return form_class(**kwargs)


# What a page says after a save: a text (a success), or (level, text) pairs when it says more
# than one thing, or something other than a plain success (a place on the waiting list).
Said = str | Promise | list[tuple[int, str]]


def tell(request: HttpRequest, said: Said) -> None:
    """Add the messages a save says (nothing when ``said`` is empty)."""
    if isinstance(said, str | Promise):
        said = [(messages.SUCCESS, said)] if said else []
    for level, text in said:
        messages.add_message(request, level, text)


@dataclass
class Attempt:
    """What became of a submitted form: the redirect after a save, or the form to show again
    (with its errors, or merged after an edit conflict)."""

    form: forms.BaseForm
    response: HttpResponse | None = None
    conflict: EditConflict | None = None


def attempt_save(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[Any], Any],
    *,
    done_url: str | Callable[[Any], str],
    success: Said | Callable[[Any], Said] = "",
    again: tuple[type[forms.BaseForm], dict],
) -> Attempt:
    """Save a valid form through ``save(form)``: a redirect with its message, or the form again.

    ``again`` is the form's class and arguments, to build it anew after an edit conflict; a
    page with formsets beside the form rebuilds them from ``attempt.conflict.merged``.
    """
    try:
        saved = save_edited(form, save)
    except EditConflict as error:
        form_class, kwargs = again
        return Attempt(form_again(form_class, kwargs, error), conflict=error)
    except BadEditToken:
        form.add_error(None, STALE_FORM)
    except ValidationError as error:
        add_service_errors(form, error)
    except StorageUnavailable:
        storage_unavailable(request, form)
    else:
        tell(request, success(saved) if callable(success) else success)
        return Attempt(form, response=redirect(done_url(saved) if callable(done_url) else done_url))
    return Attempt(form)


def form_page(
    request: HttpRequest,
    *,
    form_class: type[forms.BaseForm],
    save: Callable[[Any], models.Model | None],
    done_url: str | Callable[[Any], str],
    success: Said | Callable[[Any], Said] = "",
    instance: models.Model | None = None,
    form_kwargs: dict | None = None,
    template: str = FORM_TEMPLATE,
    context: dict | None = None,
) -> HttpResponse:
    """Render ``form_class`` and, on a valid POST, call ``save(form)`` (a service call).

    ``save`` returns the saved object (``done_url`` and ``success`` may be functions of it;
    ``success`` is what the page says then: see ``Said``).
    ``instance`` is the saved object the form edits (None: a new one), a model form's instance
    or another form's ``edit_object``: its edit token guards the save.
    A ValidationError from the service is shown in the form; an EditConflict shows the form
    again with everyone's changes merged (core/editing.py) and the fields both people changed
    side by side.
    """
    kwargs = dict(form_kwargs or {})
    if issubclass(form_class, forms.BaseModelForm):
        kwargs["instance"] = instance
    elif instance is not None:
        kwargs["edit_object"] = instance
    bound = request.method == "POST"
    form = form_class(request.POST if bound else None, request.FILES if bound else None, **kwargs)
    attempt = Attempt(form)
    if bound and form.is_valid():
        attempt = attempt_save(
            request, form, save, success=success, done_url=done_url, again=(form_class, kwargs)
        )
        if attempt.response is not None:
            return attempt.response
    form, conflict = attempt.form, attempt.conflict
    return render(
        request,
        template,
        {**(context or {}), "form": form, "conflict": conflict},
        status=form_status(form, conflict=conflict),
    )


def service_data(form: forms.BaseForm) -> Any:
    """What a form hands its service: a model form's values for the model's fields
    (``model_data``), another form's data object (``to_data``)."""
    return form.model_data() if isinstance(form, forms.BaseModelForm) else form.to_data()


def edit_page(
    request: HttpRequest,
    record: models.Model | None,
    *,
    save: Callable[..., Any],
    data: Callable[[Any], Any] = service_data,
    **options: Any,
) -> HttpResponse:
    """The form page of one record, a new one (``record`` None) or a saved one, which the form
    edits under its edit token: ``form_page`` with its other options.

    ``save`` is the service, called as services are, with the form's values as ``data`` and
    the person as ``by``; its other arguments are bound beforehand (``functools.partial``).
    """
    return form_page(
        request,
        instance=record,
        save=lambda form: save(data=data(form), by=request.user),
        **options,
    )


REFUSED_TEMPLATE = "core/refused.html"


def refused(request: HttpRequest, error: ValidationError, *, back: str) -> HttpResponse:
    """A button whose action the service refused: say why, with the way back. 400."""
    return render(request, REFUSED_TEMPLATE, {"errors": error.messages, "back": back}, status=400)


def button_post(
    request: HttpRequest,
    act: Callable[[], Any],
    *,
    done_url: str | Callable[[Any], str],
    success: Said | Callable[[Any], Said] = "",
    back: str | None = None,
) -> HttpResponse:
    """A button's POST (delete, publish, move...): ``act()``, a service call, then what it says
    and the redirect to ``done_url`` (either may be a function of what ``act`` returned); an
    action the service refuses (ValidationError) says why, with the way ``back`` (by default
    ``done_url``, which must then be a path). 400."""
    try:
        result = act()
    except ValidationError as error:
        return refused(request, error, back=done_url if back is None else back)
    tell(request, success(result) if callable(success) else success)
    return redirect(done_url(result) if callable(done_url) else done_url)


def next_or(request: HttpRequest, default: str) -> str:
    """Where a button's form asks to go back to (its ``next`` field), or ``default``."""
    target = request.POST.get("next", "")
    # A path of this site only: redirect() would read any other word as a view's name.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default

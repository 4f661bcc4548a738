"""The workspace's translation pages: a record's versions, and the side-by-side editor.

Who may translate a record is the record's app's decision (``registry.may_translate``); anyone
else gets 404, so the addresses of other cities' private records tell nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.languages import CONTENT_LANGUAGE_CODES, language_name
from core.views import form_page, refused

from . import services
from .forms import NewTranslationForm, TranslationForm
from .reading import source_fingerprint
from .registry import spec_by_key


def _record_for_translating(user, key: str, pk: int):
    spec = spec_by_key(key)
    if spec is None:
        raise Http404(_("There is nothing to translate at this address."))
    record = spec.model._default_manager.filter(pk=pk).first()
    if record is None or not spec.may_translate(user, record):
        raise Http404(_("There is nothing to translate at this address."))
    return spec, record


def _versions_url(spec, record) -> str:
    return reverse("translations:versions", kwargs={"key": spec.key, "pk": record.pk})


def _editor_url(spec, record, language: str) -> str:
    return reverse(
        "translations:edit", kwargs={"key": spec.key, "pk": record.pk, "language": language}
    )


def _crumbs(spec, record) -> list[tuple[str, str]]:
    return [
        (_("Workspace"), reverse("workspace:home")),
        (_("Translations of “%(record)s”") % {"record": record}, _versions_url(spec, record)),
    ]


@login_required
def versions(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    spec, record = _record_for_translating(request.user, key, pk)
    translations = services.translations_of(record)
    source = source_fingerprint(spec.texts_of(record))
    for translation in translations:
        translation.outdated = translation.source != source
        translation.language_name = language_name(translation.language)
    form = NewTranslationForm(
        request.POST or None, record=record, existing={t.language for t in translations}
    )
    if request.method == "POST" and form.is_valid():
        return redirect(_editor_url(spec, record, form.cleaned_data["language"]))
    return render(
        request,
        "translations/versions.html",
        {
            "spec": spec,
            "record": record,
            "model_name": spec.model._meta.verbose_name,
            "original_name": language_name(record.original_language),
            "translations": translations,
            "form": form,
            "crumbs": _crumbs(spec, record)[:1],
            "view_url": getattr(record, "get_absolute_url", lambda: "")(),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@login_required
def edit(request: HttpRequest, key: str, pk: int, language: str) -> HttpResponse:
    spec, record = _record_for_translating(request.user, key, pk)
    back = _versions_url(spec, record)
    if language not in CONTENT_LANGUAGE_CODES or language == record.original_language:
        error = ValidationError(
            _("%(language)s is the language of the original: change the original itself.")
            % {"language": language_name(language)}
            if language == record.original_language
            else _("Translations into this language are not offered.")
        )
        return refused(request, error, back=back)
    translation = services.translation_for(record, language)
    originals = spec.texts_of(record)
    name = language_name(language)

    def save(form):
        return services.translation_save(
            record=record,
            language=language,
            texts=form.texts(),
            by=request.user,
            translation=form.edit_object,
        )

    response = form_page(
        request,
        form_class=TranslationForm,
        form_kwargs={
            "spec": spec,
            "record": record,
            "translation": translation,
            "language": language,
        },
        save=save,
        done_url=back,
        success=_("The translation into %(language)s is saved.") % {"language": name},
        template="translations/edit.html",
        context={
            "title": _("“%(record)s” in %(language)s") % {"record": record, "language": name},
            "crumbs": _crumbs(spec, record),
            "back": back,
            "record": record,
            "language": language,
            "language_name": name,
            "original_language": record.original_language,
            "original_name": language_name(record.original_language),
            "originals": originals,
            "translation": translation,
            "outdated": translation is not None
            and translation.source != source_fingerprint(originals),
        },
    )
    return response


@require_POST
@login_required
def check(request: HttpRequest, key: str, pk: int, language: str) -> HttpResponse:
    spec, record = _record_for_translating(request.user, key, pk)
    translation = services.translation_for(record, language)
    if translation is None:
        raise Http404(_("There is no translation into this language."))
    try:
        services.translation_check(translation=translation, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=_versions_url(spec, record))
    messages.success(
        request,
        _("The translation into %(language)s is marked as checked.")
        % {"language": language_name(language)},
    )
    return redirect(_versions_url(spec, record))


@require_POST
@login_required
def delete(request: HttpRequest, key: str, pk: int, language: str) -> HttpResponse:
    spec, record = _record_for_translating(request.user, key, pk)
    try:
        services.translation_delete(record=record, language=language, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=_versions_url(spec, record))
    messages.success(
        request,
        _("The translation into %(language)s is deleted.") % {"language": language_name(language)},
    )
    return redirect(_versions_url(spec, record))

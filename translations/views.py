"""The workspace's translation pages: a record's versions, and the side-by-side editor.

Who may translate a record is the record's app's decision (``registry.may_translate``); anyone
else gets 404, so the addresses of other cities' private records tell nothing. A record with
parts (a guideline's sections and recommendations) is translated on one page, saved at once.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.editing import BadEditToken, EditConflict, edit_guard
from core.forms import STALE_FORM
from core.languages import CONTENT_LANGUAGE_CODES, language_in_sentence, language_name
from core.views import add_service_errors, form_again, refused

from . import services
from .forms import NewTranslationForm, TranslationForm
from .reading import source_fingerprint
from .registry import spec_by_key, spec_for
from .templatetags.translated import text_lang

NOTHING_HERE = "There is nothing to translate at this address."


def _record_for_translating(user, key: str, pk: int):
    spec = spec_by_key(key)
    if spec is None:
        raise Http404(_(NOTHING_HERE))
    record = spec.model._default_manager.filter(pk=pk).first()
    if record is None or not spec.may_translate(user, record):
        raise Http404(_(NOTHING_HERE))
    return spec, record


def _marked(record) -> str:
    """The record's name for a heading, with its language when it is not the page's (the
    same rule as the templates' ``{% text_lang %}``)."""
    return format_html("<span{}>{}</span>", text_lang(record), str(record))


def _versions_url(spec, record) -> str:
    return reverse("translations:versions", kwargs={"key": spec.key, "pk": record.pk})


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
        return redirect(
            "translations:edit", key=spec.key, pk=record.pk, language=form.cleaned_data["language"]
        )
    return render(
        request,
        "translations/versions.html",
        {
            "spec": spec,
            "record": record,
            "model_name": spec.model._meta.verbose_name,
            "original_name": language_in_sentence(record.original_language),
            "original_label": language_name(record.original_language),
            "record_marked": _marked(record),
            "translations": translations,
            "form": form,
            "crumbs": _crumbs(spec, record)[:1],
            "view_url": getattr(record, "get_absolute_url", lambda: "")(),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


class _Part:
    """One record on the editor's page, with its form."""

    def __init__(self, index: int, record, language: str, translation, data=None) -> None:
        self.spec = spec_for(record)
        self.record = record
        self.translation = translation
        prefix = f"part{index}"
        if data is not None and not data.get(f"{prefix}-edit_token"):
            # Opened before anyone translated it: a translation saved since is not overwritten
            # (the service refuses, saying so).
            self.translation = None
        self.kwargs = {
            "spec": self.spec,
            "record": record,
            "translation": self.translation,
            "language": language,
            "prefix": prefix,
        }
        self.form = TranslationForm(data, **self.kwargs)
        # "Guideline: Moving Roma…", the name marked with its language; every part escaped.
        self.heading = mark_safe(  # noqa: S308
            conditional_escape(_("%(kind)s: %(name)s"))
            % {
                "kind": conditional_escape(record._meta.verbose_name.capitalize()),
                "name": _marked(record),
            }
        )
        self.outdated = self.translation is not None and self.translation.source != (
            source_fingerprint(self.spec.texts_of(record))
        )


@login_required
def edit(request: HttpRequest, key: str, pk: int, language: str) -> HttpResponse:
    spec, record = _record_for_translating(request.user, key, pk)
    back = _versions_url(spec, record)
    if language not in CONTENT_LANGUAGE_CODES or language == record.original_language:
        error = ValidationError(
            _("%(language)s is the language of the original: change the original itself.")
            % {"language": language_in_sentence(language)}
            if language == record.original_language
            else _("Translations into this language are not offered.")
        )
        return refused(request, error, back=back)
    name = language_in_sentence(language)
    records = [r for r in spec.with_parts(record) if r.original_language != language]
    data = request.POST if request.method == "POST" else None
    saved = services.translations_into(records, language)
    parts = [
        _Part(i, r, language, saved.get((r._meta.label_lower, r.pk)), data)
        for i, r in enumerate(records)
    ]
    conflict = None
    if data is not None and all(part.form.is_valid() for part in parts):
        try:
            with transaction.atomic():
                for part in parts:
                    if part.form.edit_object is not None:
                        edit_guard(part.form)
                    services.translation_save(
                        record=part.record,
                        language=language,
                        texts=part.form.texts(),
                        by=request.user,
                        translation=part.form.edit_object,
                    )
        except EditConflict as error:
            conflict = error
            for part in parts:
                if (
                    part.form.edit_object is not None
                    and part.form.edit_object.pk == error.current.pk
                ):
                    part.form = form_again(TranslationForm, part.kwargs, error)
        except BadEditToken:
            parts[0].form.add_error(None, STALE_FORM)
        except ValidationError as error:
            add_service_errors(parts[0].form, error)
        else:
            messages.success(
                request,
                _("The translation into %(language)s is saved.")
                % {"language": language_in_sentence(language)},
            )
            return redirect(back)
    invalid = data is not None and any(part.form.errors for part in parts)
    return render(
        request,
        "translations/edit.html",
        {
            "title": _("“%(record)s” in %(language)s") % {"record": record, "language": name},
            # The same words, the record's name marked with its language; every part escaped.
            "heading": mark_safe(  # noqa: S308
                conditional_escape(_("“%(record)s” in %(language)s"))
                % {"record": _marked(record), "language": conditional_escape(name)}
            ),
            "crumbs": _crumbs(spec, record),
            "back": back,
            "record": record,
            "parts": parts,
            "errors_form": next((part.form for part in parts if part.form.errors), None),
            "conflict": conflict,
            "language": language,
            "language_name": name,
            "original_language": record.original_language,
            "original_name": language_in_sentence(record.original_language),
            "outdated": any(part.outdated for part in parts),
        },
        status=409 if conflict else 400 if invalid else 200,
    )


@require_POST
@login_required
def check(request: HttpRequest, key: str, pk: int, language: str) -> HttpResponse:
    spec, record = _record_for_translating(request.user, key, pk)
    translations = list(services.translations_into(spec.with_parts(record), language).values())
    if not translations:
        raise Http404(_("There is no translation into this language."))
    try:
        with transaction.atomic():
            for translation in translations:
                services.translation_check(translation=translation, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=_versions_url(spec, record))
    messages.success(
        request,
        _("The translation into %(language)s is marked as checked.")
        % {"language": language_in_sentence(language)},
    )
    return redirect(_versions_url(spec, record))


@require_POST
@login_required
def delete(request: HttpRequest, key: str, pk: int, language: str) -> HttpResponse:
    spec, record = _record_for_translating(request.user, key, pk)
    try:
        with transaction.atomic():
            for part in spec.with_parts(record):
                services.translation_delete(record=part, language=language, by=request.user)
    except ValidationError as error:
        return refused(request, error, back=_versions_url(spec, record))
    messages.success(
        request,
        _("The translation into %(language)s is deleted.")
        % {"language": language_in_sentence(language)},
    )
    return redirect(_versions_url(spec, record))

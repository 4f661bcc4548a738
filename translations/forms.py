from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import EditTokenForm
from core.languages import CONTENT_LANGUAGES

from .models import Translation
from .registry import Translatable


class TranslationForm(EditTokenForm):
    """The translated texts of one record in one language, a field per original field.

    Every field the original fills must be translated: a record reads in one language at a time.
    The limits are the original field's own (a translated title fits where a title fits).
    """

    def __init__(
        self,
        *args,
        spec: Translatable,
        record,
        translation: Translation | None,
        language: str,
        edit_object: Translation | None = None,
        **kwargs,
    ):
        translation = edit_object or translation  # after a conflict: the translation as saved
        self.spec = spec
        self.record = record
        super().__init__(*args, edit_object=translation, **kwargs)
        originals = spec.texts_of(record)
        for name in spec.fields:
            model_field = spec.field(name)
            long_text = model_field.get_internal_type() == "TextField"
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name.capitalize(),
                required=bool(originals[name].strip()),
                max_length=model_field.max_length,
                strip=True,
                widget=forms.Textarea(attrs={"rows": 8 if len(originals[name]) > 300 else 4})
                if long_text
                else forms.TextInput,
            )
            self.fields[name].widget.attrs["lang"] = language
        self.originals = originals
        self.order_fields([*spec.fields, "edit_token"])

    def pairs(self) -> list[tuple]:
        """Each field beside the original's text."""
        return [(self[name], self.originals[name]) for name in self.spec.fields]

    def values_from(self, obj: Translation) -> dict:
        return {name: (obj.texts or {}).get(name, "") for name in self.spec.fields}

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in self.spec.fields}


class NewTranslationForm(forms.Form):
    """Which language to translate a record into."""

    language = forms.ChoiceField(label=_("Language of the translation"), choices=())

    def __init__(self, *args, record, existing: set[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.record = record
        self.fields["language"].choices = [("", _("Choose a language"))] + [
            (code, name)
            for code, name in CONTENT_LANGUAGES
            if code != record.original_language and code not in existing
        ]
        self.fields["language"].error_messages["invalid_choice"] = _(
            "Choose one of the languages offered: the original's language and the languages this "
            "text is already translated into are not offered."
        )

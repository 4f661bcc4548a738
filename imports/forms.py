from __future__ import annotations

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.forms import EditTokenForm

from .kinds import KINDS
from .reading import max_bytes
from .services import snapshot


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "CSV (comma, semicolon or tab; UTF-8 or Windows-1252) or Excel (.xlsx), up to "
            "%(size)s. Nothing is saved until you confirm the preview."
        ) % {"size": filesizeformat(max_bytes())}


class ConfirmForm(EditTokenForm):
    """The confirmation of a prepared import. Its edit token is the one taken when the file
    was read (kept on the server, never sent by the browser): a plan changed since then is an
    edit conflict and nothing is written."""

    def __init__(self, *args, kind_code: str, target, **kwargs) -> None:
        self.kind = KINDS[kind_code]
        super().__init__(*args, edit_object=target, **kwargs)

    def values_from(self, obj) -> dict:
        return snapshot(self.kind, obj)

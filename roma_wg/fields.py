"""Form fields every app's forms share."""

from __future__ import annotations

from django import forms

# The widest integer column of either database (bigint); no object has an id beyond it.
LARGEST_ID = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing ids no integer column holds before it queries them: SQLite
    cannot bind such a number (OverflowError) where PostgreSQL would find nothing."""

    def clean(self, value):
        for pk in value if isinstance(value, list | tuple) else []:
            if str(pk).lstrip("-").isdigit() and abs(int(pk)) > LARGEST_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super().clean(value)

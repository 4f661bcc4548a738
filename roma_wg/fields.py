"""Moved to core/fields.py (the project package imports the apps, never the other way).

Kept only while objectives/forms.py still imports from here; delete it once that import reads
``from core.fields import ModelMultipleChoiceField``."""

from core.fields import LARGEST_ID, ModelMultipleChoiceField

__all__ = ["LARGEST_ID", "ModelMultipleChoiceField"]

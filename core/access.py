"""What every app's access helpers share: finding the one object an address names, or 404."""

from __future__ import annotations

from django.db.models import Model, QuerySet
from django.http import Http404


def found_or_404[M: Model](queryset: QuerySet[M], message: str, **lookup) -> M:
    """The object of ``queryset`` that ``lookup`` names; else Http404 with ``message``, the
    sentence the 404 page shows. A caller that then finds the person may not know of the object
    raises the same message, so its existence is not leaked."""
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404(message)
    return found

"""Guidelines and transfers as evidence of the work plan's activities, and their figures."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.utils.translation import gettext, gettext_lazy, ngettext

from objectives.evidence import (
    EvidenceItem,
    Measure,
    Source,
    records_of,
    register_measure,
    register_source,
)

from .models import Guideline, GuidelineStatus, PracticeStatus, Transfer


def _guideline(guideline: Guideline, today: date) -> EvidenceItem:
    published = guideline.status == GuidelineStatus.PUBLISHED
    return EvidenceItem(
        record=("practices.guideline", guideline.pk),
        kind=gettext("Guideline"),
        title=guideline.title,
        is_public=published,
        done=published,
        date=guideline.published_at.date() if guideline.published_at else None,
        url=guideline.get_absolute_url() if published else "",
    )


def _transfer(transfer: Transfer, today: date) -> EvidenceItem:
    public = transfer.practice.status == PracticeStatus.PUBLISHED
    return EvidenceItem(
        record=("practices.transfer", transfer.pk),
        kind=gettext("Transfer"),
        title=gettext("%(practice)s, to %(city)s")
        % {"practice": transfer.practice.title, "city": transfer.city.name},
        is_public=public,
        done=True,
        url=transfer.practice.get_absolute_url() if public else "",
    )


def _implied(describe, queryset):
    def implied(activity_ids, today):
        found: dict[int, list[EvidenceItem]] = defaultdict(list)
        for record in queryset().filter(activity_id__in=activity_ids):
            found[record.activity_id].append(describe(record, today))
        return found

    return implied


def _guidelines():
    return Guideline.objects.all()


def _transfers():
    return Transfer.objects.select_related("practice", "city")


register_source(
    Source(
        model=Guideline,
        kind=lambda n: ngettext("%(n)s guideline", "%(n)s guidelines", n) % {"n": n},
        describe=lambda ids, today: {
            g.pk: _guideline(g, today) for g in _guidelines().filter(pk__in=ids)
        },
        implied=_implied(_guideline, _guidelines),
        candidates=lambda activity: _guidelines(),
    )
)
register_source(
    Source(
        model=Transfer,
        kind=lambda n: ngettext("%(n)s transfer", "%(n)s transfers", n) % {"n": n},
        describe=lambda ids, today: {
            t.pk: _transfer(t, today) for t in _transfers().filter(pk__in=ids)
        },
        implied=_implied(_transfer, _transfers),
        candidates=lambda activity: _transfers(),
    )
)


def _published_guidelines(figures):
    guidelines_of = records_of({f.activity_id for f in figures if f.activity_id}, Guideline)
    published = set(
        Guideline.objects.filter(
            pk__in={g for ids in guidelines_of.values() for g in ids},
            status=GuidelineStatus.PUBLISHED,
        ).values_list("pk", flat=True)
    )
    return {f.pk: len(guidelines_of.get(f.activity_id, set()) & published) for f in figures}


def _transfer_cities(figures):
    transfers_of = records_of({f.activity_id for f in figures if f.activity_id}, Transfer)
    city_of = dict(
        Transfer.objects.filter(
            pk__in={t for ids in transfers_of.values() for t in ids}
        ).values_list("pk", "city_id")
    )
    return {
        f.pk: len({city_of[t] for t in transfers_of.get(f.activity_id, ()) if t in city_of})
        for f in figures
    }


register_measure(
    Measure(
        code="published_guidelines",
        label=gettext_lazy("Guidelines of the activity that are published"),
        people=False,
        count=_published_guidelines,
    )
)
register_measure(
    Measure(
        code="transfer_cities",
        label=gettext_lazy("Cities that took up a practice through the activity"),
        people=False,
        count=_transfer_cities,
    )
)

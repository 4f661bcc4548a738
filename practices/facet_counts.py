"""The version of what the library's facets count: which practices are published (and since
when), where, when active and under which themes, funding and objectives, and the codes and
cities those name. The related practices on a practice's page are ranked on the same data.

The counts over 10,000 practices cost tens of milliseconds of SQL. Kept under the practices'
content version, they were counted again after every edit of a practice's text, which is the
most frequent change and alters no count; kept under this version, they are counted again only
when something they count changes. A text search's counts also follow the texts, so they stay
under the content version (practices.selectors._library_counts)."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from fragments.versions import content_changed, content_version

# A version of its own beside the apps' (fragments.versions); no app has this name.
FACETS = "practices-facets"
# The practice's columns the library's filters, counts and related practices read.
COUNTED_FIELDS = ("status", "published_at", "city_id", "start_year", "end_year")


def facets_version() -> str:
    return content_version([FACETS])


def facets_changed() -> None:
    content_changed(FACETS)


def counted_values(practice) -> tuple:
    return tuple(practice.__dict__.get(name) for name in COUNTED_FIELDS)


def _practice_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    loaded = getattr(instance, "_counted_when_read", None)
    if created or loaded is None or loaded != counted_values(instance):
        facets_changed()
    instance._counted_when_read = counted_values(instance)


def _anything_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        facets_changed()


def _links_changed(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        facets_changed()


def watch_counted_data() -> None:
    from cities.models import City
    from objectives.models import StrategicObjective

    from .models import FundingSource, Practice, Theme

    post_save.connect(_practice_saved, sender=Practice, dispatch_uid="facets-practice-saved")
    post_delete.connect(_anything_changed, sender=Practice, dispatch_uid="facets-practice-gone")
    for field in ("themes", "funding_sources", "strategic_objectives"):
        through = getattr(Practice, field).through
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"facets-{field}")
    # A city's country or address, a code: rare changes, each counted again. (Deleting a theme
    # deletes its links without a signal of their own.)
    for model in (City, Theme, FundingSource, StrategicObjective):
        uid = f"facets-{model._meta.label_lower}"
        post_save.connect(_anything_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_anything_changed, sender=model, dispatch_uid=f"{uid}-gone")

"""Loads the demo good practices, transfers and guidelines (demo/practices_seed.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from cities.models import City
from objectives.models import Activity, NetworkPriority, StrategicObjective
from practices.models import (
    FundingSource,
    Guideline,
    GuidelineStatus,
    Practice,
    PracticeEvent,
    PracticeLink,
    PracticeStatus,
    Theme,
    Transfer,
)
from practices.richtext import clean_html
from practices.search import practices_search_index
from practices.services import choices_ensure, guideline_save

from .practices_originals import ORIGINALS
from .practices_seed import GUIDELINES, PRACTICES

_UTC = ZoneInfo("UTC")


def _published(year: int | None, index: int) -> datetime | None:
    # Spread the publication dates over the year so "newest first" has a real order.
    return datetime(year, 1 + index % 12, 1 + index % 27, 9, 0, tzinfo=_UTC) if year else None


def practices_demo_load(*, cities: dict[str, City], activities: dict[str, Activity]) -> int:
    choices_ensure()
    themes = {theme.code: theme for theme in Theme.objects.all()}
    funding = {source.code: source for source in FundingSource.objects.all()}
    objectives = {so.code: so for so in StrategicObjective.objects.all()}
    priorities = {priority.title: priority for priority in NetworkPriority.objects.all()}

    practices = {}
    for index, spec in enumerate(PRACTICES):
        # A few are kept in their city's language; their English becomes a translation
        # (demo/languages.py).
        original = ORIGINALS.get(spec["slug"], {**spec, "language": "en"})
        practice, _ = Practice.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "city": cities[spec["city"]],
                "original_language": original["language"],
                "title": original["title"],
                "summary": original["summary"],
                "description": clean_html(original["description"]),
                "target_group": original["target_group"],
                "start_year": spec["start_year"],
                "end_year": spec["end_year"],
                "results": original["results"],
                "success_factors": original["success_factors"],
                "transferability": original["transferability"],
                "lessons_learnt": original["lessons_learnt"],
                "contact_role": spec["contact_role"],
                "priority": priorities.get(spec["priority"] or ""),
                "status": PracticeStatus.PUBLISHED,
                "published_at": _published(spec["published_year"], index),
            },
        )
        practice.themes.set([themes[code] for code in spec["themes"]])
        practice.funding_sources.set([funding[code] for code in spec["funding"]])
        practice.strategic_objectives.set(
            [objectives[code] for code in spec["strategic_objectives"]]
        )
        practice.links.all().delete()
        PracticeLink.objects.bulk_create(
            PracticeLink(practice=practice, title=title, url=url) for title, url in spec["links"]
        )
        for city_slug, stage, adaptations in spec["transfers"]:
            Transfer.objects.update_or_create(
                practice=practice,
                city=cities[city_slug],
                defaults={"stage": stage, "adaptations": adaptations},
            )
        if not practice.events.exists():
            PracticeEvent.objects.create(practice=practice, to_status=PracticeStatus.PUBLISHED)
        practices[spec["slug"]] = practice
    practices_search_index(practice_ids=[p.pk for p in practices.values()])

    for spec in GUIDELINES:
        published = spec["status"] == GuidelineStatus.PUBLISHED
        guideline, _ = Guideline.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "title": spec["title"],
                "topic": spec["topic"],
                "status": spec["status"],
                "published_at": _published(spec["published_year"], 5) if published else None,
            },
        )
        guideline_save(
            guideline=guideline,
            data={
                "introduction": spec["introduction"],
                "activity": activities.get(spec["activity"]),
                "practices": [practices[slug] for slug in spec["practices"]],
            },
            sections=spec["sections"],
            authors=[
                {"role": role, "city": cities.get(city or ""), "organisation": organisation}
                for role, city, organisation in spec["authors"]
            ],
            by=None,
        )
    return len(practices)

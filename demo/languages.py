"""The demo in several languages: the 2020 work plan, the 2019 achievements and the housing
guideline translated into French (demo/translations_fr.py), eight practices written in their
city's language with an English translation (demo/practices_originals.py), and the cities' names
in the interface's other languages.

Translations are saved as the demo's staff account would save them in the workspace
(translations.services), and checked by a second demo staff account when the demo has one.
Loading again changes nothing.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from objectives.models import (
    Achievement,
    AchievementFigure,
    Activity,
    AdvocacyAction,
    NetworkPriority,
    Objective,
    StrategicObjective,
    WorkPlan,
)
from practices.models import Guideline, GuidelineSection, Practice, Recommendation
from practices.richtext import clean_html
from translations.registry import spec_for
from translations.services import translation_check, translation_for, translation_save

from . import seed
from . import translations_fr as fr
from .practices_originals import ORIGINALS
from .practices_seed import GUIDELINES, PRACTICES

# A city's name where it differs from its own `name` (the English one), for the interface's
# other languages.
CITY_NAMES: dict[str, dict[str, str]] = {
    "turin": {"it": "Torino", "pt": "Turim"},
    "berlin": {"it": "Berlino", "pt": "Berlim"},
    "toulouse": {"it": "Tolosa"},
    "ghent": {"fr": "Gand", "it": "Gand", "de": "Gent", "pt": "Gante"},
    "barcelona": {"fr": "Barcelone", "it": "Barcellona"},
    "helsinki": {"pt": "Helsínquia"},
    "prague": {"it": "Praga", "de": "Prag", "pt": "Praga"},
    "budapest": {"pt": "Budapeste"},
    "athens": {"fr": "Athènes", "it": "Atene", "de": "Athen", "pt": "Atenas"},
    "skopje": {"pt": "Escópia"},
    "amsterdam": {"pt": "Amesterdão"},
    "warsaw": {"fr": "Varsovie", "it": "Varsavia", "de": "Warschau", "pt": "Varsóvia"},
    "bucharest": {"fr": "Bucarest", "it": "Bucarest", "de": "Bukarest", "pt": "Bucareste"},
}


ACTIVITY_FIELDS = ("title", "description", "outcomes")
ADVOCACY_FIELDS = ("title", "description")


def languages_demo_load() -> int:
    """Every translation of the demo; returns how many records have one."""
    translator, checker = _demo_staff()
    if translator is None:
        return 0
    saved = _practices_in_english(translator, checker)
    french = _french_by_english()
    records = [
        *WorkPlan.objects.filter(year=2020),
        *NetworkPriority.objects.all(),
        *StrategicObjective.objects.all(),
        *Objective.objects.filter(work_plan__year=2020),
        *Activity.objects.filter(year__in=[2019, 2020]),
        *AdvocacyAction.objects.filter(year=2019),
        *Achievement.objects.filter(year=2019),
        *AchievementFigure.objects.filter(achievement__year=2019),
    ]
    guideline = Guideline.objects.filter(slug=fr.HOUSING_GUIDELINE_SLUG).first()
    if guideline is not None:
        records += [
            guideline,
            *GuidelineSection.objects.filter(guideline=guideline),
            *Recommendation.objects.filter(section__guideline=guideline),
        ]
    for record in records:
        saved += _translate(record, "fr", french, translator, checker)
    return saved


def _demo_staff():
    """The demo's staff accounts: the first translates, a second (if any) checks."""
    emails = [email for email, is_staff, *_rest in seed.ACCOUNTS if is_staff]
    people = {u.email: u for u in get_user_model().objects.filter(email__in=emails)}
    staff = [people[email] for email in emails if email in people]
    return (staff[0] if staff else None), (staff[1] if len(staff) > 1 else None)


def _save(record, language: str, texts: dict[str, str], translator, checker) -> None:
    saved = translation_save(
        record=record,
        language=language,
        texts=texts,
        by=translator,
        translation=translation_for(record, language),
    )
    if checker is not None and not saved.is_checked:
        translation_check(translation=saved, by=checker)


def _practices_in_english(translator, checker) -> int:
    """The English of the practices kept in their city's language: the seed's texts."""
    english = {spec["slug"]: spec for spec in PRACTICES if spec["slug"] in ORIGINALS}
    fields = spec_for(Practice).fields
    count = 0
    for practice in Practice.objects.filter(slug__in=english).exclude(original_language="en"):
        spec = english[practice.slug]
        texts = {name: spec[name] for name in fields}
        texts["description"] = clean_html(texts["description"])
        _save(practice, "en", texts, translator, checker)
        count += 1
    return count


def _translate(record, language: str, known: dict[str, str], translator, checker) -> int:
    """Translate a record whose every text is known; leave any other as it is."""
    if record.original_language != "en" or record.original_language == language:
        return 0  # the texts are known by their English
    texts = spec_for(record).texts_of(record)
    if not any(text.strip() for text in texts.values()):
        return 0
    if any(text.strip() and text not in known for text in texts.values()):
        return 0
    _save(record, language, {k: known.get(v, "") for k, v in texts.items()}, translator, checker)
    return 1


def _french_by_english() -> dict[str, str]:
    """Each English text of the seed beside its French (translations_fr.py is keyed as the seed
    keys its records)."""
    pairs: list[tuple[str, str]] = [(seed.INTRODUCTION, fr.INTRODUCTION)]
    pairs += [(title, fr.STRATEGIC_OBJECTIVES[code]) for code, title in seed.STRATEGIC_OBJECTIVES]
    pairs += list(fr.PRIORITIES.items())
    activities = [*seed.ACTIVITIES_2019]
    for spec in seed.OBJECTIVES_2020:
        pairs.append((spec["title"], fr.OBJECTIVES[spec["number"]]))
        activities += spec["activities"]
    for spec in activities:
        french = fr.ACTIVITIES.get(spec["key"], {})
        pairs += [(spec[name], french.get(name, "")) for name in ACTIVITY_FIELDS if spec.get(name)]
    for spec in seed.ADVOCACY_2019:
        french = fr.ADVOCACY.get(spec["key"], {})
        pairs += [(spec[name], french.get(name, "")) for name in ADVOCACY_FIELDS if spec.get(name)]
    for spec in seed.ACHIEVEMENTS_2019:
        french = fr.ACHIEVEMENTS.get(spec["number"], {})
        pairs.append((spec["title"], french.get("title", "")))
        pairs.append((spec["narrative"], french.get("narrative", "")))
        labels = french.get("figures", {})
        pairs += [(label, labels.get(key, "")) for key, label, *_rest in spec["figures"]]
    guideline = next(g for g in GUIDELINES if g["slug"] == fr.HOUSING_GUIDELINE_SLUG)
    french = fr.HOUSING_GUIDELINE
    pairs += [(guideline[name], french[name]) for name in ("title", "topic")]
    pairs.append((clean_html(guideline["introduction"]), clean_html(french["introduction"])))
    for section, french_section in zip(guideline["sections"], french["sections"], strict=True):
        pairs.append((section["title"], french_section["title"]))
        pairs.append((clean_html(section["body"]), clean_html(french_section["body"])))
        pairs += zip(section["recommendations"], french_section["recommendations"], strict=True)
    known: dict[str, str] = {}
    for english, french_text in pairs:
        if not french_text:
            continue  # not translated: the record stays in English only
        if known.setdefault(english, french_text) != french_text:
            raise ValueError(f"Two French texts for one English text: {english[:60]!r}")
    return known

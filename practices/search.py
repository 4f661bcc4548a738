"""The library's search, in every language a practice exists in.

Each practice has one ``PracticeText`` a language: its original and each of its translations.
On PostgreSQL the row holds a weighted vector (title A, summary B, the other texts C) stemmed
with that language's text search configuration (``core.languages.search_config``), accents
removed by the ``unaccent`` extension; a visitor's words are read with each row's own
configuration, so "médiation scolaire" finds a French practice and "mediação escolar" a
Portuguese one, whatever the page's language. SQLite has neither stemming nor ``unaccent``: it
looks for every word in the row's folded text (lowercase, accents removed).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache, reduce
from itertools import batched
from operator import or_

from django.apps import apps as global_apps
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)

from core.languages import STEMMED_CONFIGS, search_config

from .models import PracticeText

# The texts searched, by weight: the title counts most, then the summary, then the rest.
WEIGHTS = {
    "A": ["title"],
    "B": ["summary"],
    "C": [
        "description",
        "target_group",
        "results",
        "success_factors",
        "transferability",
        "lessons_learnt",
    ],
}
SEARCHED_FIELDS = [name for names in WEIGHTS.values() for name in names]
MAX_WORDS = 10
_BATCH = 1000
_TAG = re.compile(r"<[^>]*>")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


def fold(text: str) -> str:
    """Lowercase without accents, one character for each of ``text``'s (so positions in the
    folded text are positions in the original, which the highlighting relies on)."""
    return "".join(_fold_char(char) for char in text)


def _plain(text: str) -> str:
    """Rich text (the description) as words: the tags go, the entities are decoded."""
    return html.unescape(_TAG.sub(" ", text or ""))


def _unaccent(text: str) -> Func:
    return Func(Value(text), function="unaccent", output_field=TextField())


def _vector(texts: dict[str, str], config: str) -> SearchVector:
    parts = [
        SearchVector(
            _unaccent("\n".join(_plain(texts.get(name, "")) for name in names)),
            config=config,
            weight=weight,
        )
        for weight, names in WEIGHTS.items()
    ]
    vector = parts[0]
    for part in parts[1:]:
        vector = vector + part
    return vector


def practices_search_index(*, practice_ids: Iterable[int], apps=global_apps) -> None:
    """Rebuild the search texts of these practices from their originals and translations.

    ``apps``: a migration's historical models, which fill the texts of existing practices.
    """
    Practice = apps.get_model("practices", "Practice")
    PracticeText = apps.get_model("practices", "PracticeText")
    Translation = apps.get_model("translations", "Translation")
    postgres = connection.vendor == "postgresql"
    for ids in batched(practice_ids, _BATCH):
        versions: dict[tuple[int, str], dict[str, str]] = {}
        for row in Practice.objects.filter(pk__in=ids).values(
            "pk", "original_language", *SEARCHED_FIELDS
        ):
            versions[row.pop("pk"), row.pop("original_language")] = row
        translations = Translation.objects.filter(
            content_type__app_label="practices", content_type__model="practice", object_id__in=ids
        ).values_list("object_id", "language", "texts")
        for practice_id, language, texts in translations:
            # Never over the original (a translation cannot be in its language anyway).
            versions.setdefault((practice_id, language), texts)
        PracticeText.objects.filter(practice_id__in=ids).delete()
        PracticeText.objects.bulk_create(
            PracticeText(
                practice_id=practice_id,
                language=language,
                config=search_config(language),
                vector=_vector(texts, search_config(language)) if postgres else None,
                folded=""
                if postgres
                else fold(" ".join(_plain(texts.get(name) or "") for name in SEARCHED_FIELDS)),
            )
            for (practice_id, language), texts in versions.items()
        )


def practice_text_forget(*, practice_id: int, language: str) -> None:
    """A translation is gone, and its search text with it (never the original's)."""
    PracticeText.objects.filter(practice_id=practice_id, language=language).exclude(
        practice__original_language=language
    ).delete()


def query_words(query: str) -> list[str]:
    """The words of a visitor's query, folded (SQLite's match, the highlighting)."""
    return re.findall(r"\w+", fold(query))[:MAX_WORDS]


def _matching(query: str) -> Q:
    """Texts matching ``query`` read with their own configuration (stemmed as their language
    is): one condition a configuration, each a constant query the GIN index answers, where
    ``config=F("config")`` would build the query again for every row and read them all."""
    return reduce(
        or_,
        (
            Q(
                config=config,
                vector=SearchQuery(_unaccent(query), search_type="websearch", config=config),
            )
            for config in STEMMED_CONFIGS
        ),
    )


def text_search(queryset: QuerySet, query: str) -> QuerySet:
    """The practices with a language version matching ``query``, each once; on PostgreSQL
    ranked (``rank``) by their best matching version."""
    texts = PracticeText.objects.filter(practice=OuterRef("pk"))
    if connection.vendor == "postgresql":
        search = SearchQuery(_unaccent(query), search_type="websearch", config=F("config"))
        best = texts.annotate(rank=SearchRank(F("vector"), search)).order_by("-rank")
        return queryset.filter(Exists(texts.filter(_matching(query)))).annotate(
            rank=Subquery(best.values("rank")[:1])
        )
    # A query of signs only ("!?") is looked for as it is.
    for word in query_words(query) or [fold(query.strip())]:
        texts = texts.filter(folded__contains=word)
    return queryset.filter(Exists(texts))

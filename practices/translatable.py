from translations.registry import register

from .access import can_translate_guideline_text, can_translate_practice
from .models import Guideline, GuidelineSection, Practice, Recommendation

register(
    Practice,
    fields=[
        "title",
        "summary",
        "description",
        "target_group",
        "results",
        "success_factors",
        "transferability",
        "lessons_learnt",
    ],
    may_translate=can_translate_practice,
)


def _guideline_parts(guideline: Guideline) -> list:
    """Its sections, each followed by its recommendations: translated on the guideline's page."""
    sections = guideline.sections.prefetch_related("recommendations").order_by("order")
    return [part for section in sections for part in [section, *section.recommendations.all()]]


register(
    Guideline,
    fields=["title", "topic", "introduction"],
    may_translate=can_translate_guideline_text,
    parts=_guideline_parts,
)
register(GuidelineSection, fields=["title", "body"], may_translate=can_translate_guideline_text)
register(Recommendation, fields=["text"], may_translate=can_translate_guideline_text)

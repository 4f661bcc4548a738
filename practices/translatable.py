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
register(
    Guideline, fields=["title", "topic", "introduction"], may_translate=can_translate_guideline_text
)
register(GuidelineSection, fields=["title", "body"], may_translate=can_translate_guideline_text)
register(Recommendation, fields=["text"], may_translate=can_translate_guideline_text)

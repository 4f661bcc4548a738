from translations.registry import register

from .access import may_translate_year
from .models import (
    Achievement,
    AchievementFigure,
    Activity,
    AdvocacyAction,
    NetworkPriority,
    Objective,
    StrategicObjective,
    WorkPlan,
)

register(WorkPlan, fields=["introduction"], may_translate=may_translate_year)
register(NetworkPriority, fields=["title"], may_translate=may_translate_year)
register(StrategicObjective, fields=["title"], may_translate=may_translate_year)
register(Objective, fields=["title", "description"], may_translate=may_translate_year)
register(Activity, fields=["title", "description", "outcomes"], may_translate=may_translate_year)
register(AdvocacyAction, fields=["title", "description"], may_translate=may_translate_year)
register(Achievement, fields=["title", "narrative"], may_translate=may_translate_year)
register(AchievementFigure, fields=["label"], may_translate=may_translate_year)

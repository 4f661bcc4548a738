from translations.registry import register

from .access import may_translate_action, may_translate_plan, may_translate_target
from .models import Action, ActionPlan, EUTarget

register(ActionPlan, fields=["title", "summary", "baseline"], may_translate=may_translate_plan)
register(Action, fields=["title", "description"], may_translate=may_translate_action)
register(EUTarget, fields=["objective", "title"], may_translate=may_translate_target)

from translations.registry import register

from .access import may_translate_meeting_text
from .models import AgendaItem, AgendaSession, Meeting

register(
    Meeting,
    fields=["title", "description", "practical_information", "outcomes"],
    may_translate=may_translate_meeting_text,
)
register(AgendaSession, fields=["title", "description"], may_translate=may_translate_meeting_text)
register(AgendaItem, fields=["title", "description"], may_translate=may_translate_meeting_text)

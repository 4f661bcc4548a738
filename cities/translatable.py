from translations.registry import register

from .access import may_translate_city
from .models import City

register(City, fields=["description"], may_translate=may_translate_city)

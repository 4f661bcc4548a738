"""The member cities as a list of links, written in Python: 500 cities went through the
template language's loop in tens of milliseconds whenever a city changed."""

from __future__ import annotations

from django import template
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cities.countries import country_names
from cities.models import City

register = template.Library()


@register.simple_tag
def city_items(cities) -> SafeString:
    """``<li>`` links of the cities: name, country, membership and public pledges."""
    countries = country_names()
    memberships = {value: str(label) for value, label in City.Membership.choices}
    rows = [
        (city.get_absolute_url(), city.local_name, _facts(city, countries, memberships))
        for city in cities
    ]
    if not rows:
        return format_html("<li>{}</li>", _("No cities yet."))
    return format_html_join(
        "\n",
        '<li><a href="{}"><span class="city-name">{}</span><span class="muted">{}</span></a></li>',
        rows,
    )


def _facts(city, countries: dict[str, str], memberships: dict[str, str]) -> str:
    code = city.country.code
    facts = [countries.get(code, code), memberships.get(city.membership, city.membership)]
    pledges = getattr(city, "pledge_count", 0)
    if pledges:
        facts.append(
            ngettext("%(counter)s pledge", "%(counter)s pledges", pledges)
            % {"counter": localize(pledges)}
        )
    return " · ".join(facts)

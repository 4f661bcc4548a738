"""Template filters every app's templates share."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import formats, timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def machine_datetime(value) -> str:
    """A moment for a <time datetime="…"> attribute: ISO 8601 to the second, with its offset
    (HTML accepts at most three digits of a second; Django's "c" format writes six)."""
    if not isinstance(value, datetime.datetime):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat(timespec="seconds")


@register.filter
def percent(value) -> str:
    """A share as people write it in their language: "35%" in English, "35 %" in French."""
    if value is None or value == "":
        return "—"
    number = formats.number_format(value)
    # Translators: a percentage; French puts a (non-breaking) space before the sign.
    return _("%(number)s%%") % {"number": number}


@register.filter
def money(value, currency: str = "EUR") -> str:
    """An amount with its currency and the language's digit grouping: "€1,200,000"."""
    if value is None or value == "":
        return "—"
    amount = Decimal(str(value))
    places = 0 if amount == amount.to_integral() else 2
    number = formats.number_format(amount, decimal_pos=places, force_grouping=True)
    if currency == "EUR":
        # Translators: an amount in euros; French writes "1 200 000 €".
        return _("€%(amount)s") % {"amount": number}
    return f"{number} {currency}"


class RememberedNode(template.Node):
    """A part rendered once per process for each value of its keys (and the language)."""

    # Bounded: the keys are a page's name, the menu's years and such, a few hundred at most.
    LIMIT = 2000

    def __init__(self, nodelist, keys: list) -> None:
        self.nodelist, self.keys, self.rendered = nodelist, keys, {}

    def render(self, context) -> str:
        key = (get_language(), *(value.resolve(context) for value in self.keys))
        part = self.rendered.get(key)
        if part is None:
            part = self.nodelist.render(context)
            if len(self.rendered) >= self.LIMIT:
                self.rendered.clear()
            self.rendered[key] = part
        return part


@register.tag
def remembered(parser, token):
    """``{% remembered key … %}…{% endremembered %}``: a part of the layout that depends only on
    these keys and the language (the menu with the current page marked, the footer), rendered
    once per process for each of their values instead of on every request. What is inside must
    read nothing but the keys: no user, no token, no content that changes."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% remembered %} needs at least one key.")
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class CaptureNode(template.Node):
    def __init__(self, nodelist, name: str) -> None:
        self.nodelist, self.name = nodelist, name

    def render(self, context) -> str:
        context[self.name] = mark_safe(self.nodelist.render(context))  # noqa: S308 (rendered template)
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: render a part once, show it where needed
    (the header's links, in the bar on a wide screen and in the menu on a phone)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language
    url: str
    current: bool


def _in_language(request, code: str) -> str:
    """This page's address in another language: its path translated (the route the request
    already resolved, reversed in that language; `translate_url` for others), the query string
    kept. A path that resolves to no page (an error page) keeps its own path under the other
    language's prefix."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    if code == current:
        return request.get_full_path()
    suffix = f"?{query}" if query else ""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name and request.path_info.startswith(f"/{current}/"):
        try:
            with override(code):
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs) + suffix
        except NoReverseMatch:
            pass
    address = request.path_info + suffix
    translated = translate_url(address, code)
    if translated != address:
        return translated
    prefix = f"/{current}/"
    if request.path_info.startswith(prefix):
        script = request.path[: len(request.path) - len(request.path_info)]
        return f"{script}/{code}/{address[len(prefix) :]}"
    return f"/{code}/"


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    """The page in each language, as plain links: the same for every visitor of the page (no
    form, no token), so a public page stays one cached copy."""
    request = context.get("request")
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = _in_language(request, code) if request is not None else f"/{code}/"
        name = get_language_info(code)["name_local"]
        links.append(LanguageLink(code, name, url, code == current))
    return links


def attrs_html(attrs: dict) -> str:
    """Django's django/forms/widgets/attrs.html, written in Python."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {conditional_escape(name)}")
        if value is not True:
            parts.append(f'="{conditional_escape(value)}"')
    return "".join(parts)


def default_select_options(widget: dict, *, use_tz: bool | None = None) -> str | None:
    """The options of Django's select widget, exactly as its templates write them, without a
    template render per option (the meeting list's 500 cities took 60 ms through templates);
    None when an option has a template of its own."""
    parts = []
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            if option["template_name"] != "django/forms/widgets/select_option.html":
                return None
            label = localize(template_localtime(option["label"], use_tz=use_tz))
            parts.append(
                f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                f"{attrs_html(option['attrs'])}>{conditional_escape(label)}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    return "".join(parts)


@register.simple_tag(takes_context=True)
def select_options(context, widget: dict) -> str:
    """The select widget's options (default_select_options); an option with a template of its
    own is rendered by it."""
    written = default_select_options(widget, use_tz=context.use_tz)
    if written is not None:
        return mark_safe(written)  # noqa: S308 (each part escaped)
    parts = []
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            parts.append("\n  ")
            with context.push(widget=option):
                parts.append(context.template.engine.get_template(
                    option["template_name"]
                ).render(context))  # fmt: skip
        if group_name:
            parts.append("\n  </optgroup>")
    return mark_safe("".join(parts))  # noqa: S308 (rendered templates)

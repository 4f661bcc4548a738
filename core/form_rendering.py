"""The portal's form renderer: its field group (templates/django/forms/field.html) and Django's
plain widgets (text, date, number, e-mail, checkbox, textarea, select) written in Python, in the
same markup as their templates, because a template render per field and per widget was most of
an edit page's time. Anything else (a widget with a template of its own, errors, formsets) is
rendered by its template as before; tests/test_form_rendering.py holds both ways to the same
output on every form of the portal."""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from core.templatetags.portal_tags import attrs_html, default_select_options

FIELD_GROUP = "django/forms/field.html"
# Django's widget templates that are its input.html and nothing else, each with a newline after.
INPUTS = {
    f"django/forms/widgets/{name}.html"
    for name in (
        "text",
        "date",
        "datetime",
        "time",
        "number",
        "email",
        "url",
        "password",
        "hidden",
        "checkbox",
        "search",
        "tel",
        "color",
    )
}
TEXTAREA = "django/forms/widgets/textarea.html"
SELECT = "django/forms/widgets/select.html"


def _input(widget: dict) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{conditional_escape(value)}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}"'
        f' name="{conditional_escape(widget["name"])}"{shown}{attrs_html(widget["attrs"])}>\n\n'
    )


def _textarea(widget: dict) -> str:
    value = widget["value"]
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"{attrs_html(widget["attrs"])}>\n'
        f"{conditional_escape(value) if value else ''}</textarea>\n"
    )


def _select(widget: dict) -> str | None:
    options = default_select_options(widget)
    if options is None:
        return None  # an option with a template of its own
    return (
        f'<select name="{conditional_escape(widget["name"])}"{attrs_html(widget["attrs"])}>'
        f"{options}\n</select>\n"
    )


def _optional(field) -> str:
    if field.field.required:
        return ""
    optional = conditional_escape(_("(optional)"))  # outside the f-string, for makemessages
    return f' <span class="optional">{optional}</span>'


def field_group(field) -> str:
    """templates/django/forms/field.html, written in Python."""
    if field.is_hidden:
        return f"{field}\n"
    checkbox = str(field.widget_type or "") == "checkbox"
    errors = field.errors
    label = conditional_escape(field.label) if field.label else ""
    parts = [
        f'\n<div class="field{" field-has-error" if errors else ""}'
        f'{" field-checkbox" if checkbox else ""}">\n'
    ]
    if field.use_fieldset:
        described = field.aria_describedby
        described = f' aria-describedby="{conditional_escape(described)}"' if described else ""
        parts.append(f"<fieldset{described}>\n  <legend>{label}{_optional(field)}</legend>\n")
    elif not checkbox and field.label:
        parts.append(
            f'<label for="{conditional_escape(field.id_for_label)}">{label}{_optional(field)}'
            "</label>\n"
        )
    parts.append("\n")
    if field.help_text:
        helped = f' id="{conditional_escape(field.auto_id)}_helptext"' if field.auto_id else ""
        parts.append(f'<div class="hint"{helped}>{field.help_text}</div>')
    parts.append("\n")
    if errors:
        parts.append(str(errors))
    parts.append("\n")
    if checkbox:
        parts.append(
            f'<div class="checkbox-row">{field} <label'
            f' for="{conditional_escape(field.id_for_label)}">{label}</label></div>'
        )
    else:
        parts.append(str(field))
    parts.append("\n")
    if field.use_fieldset:
        parts.append("</fieldset>")
    parts.append("\n</div>\n")
    return "".join(parts)


class PortalFormRenderer(TemplatesSetting):
    """Django's TemplatesSetting renderer (the project's templates first), with the field group
    and the plain widgets written in Python."""

    def render(self, template_name, context, request=None) -> SafeString:
        html = None
        if template_name == FIELD_GROUP:
            html = field_group(context["field"])
        elif template_name in INPUTS:
            html = _input(context["widget"])
        elif template_name == TEXTAREA:
            html = _textarea(context["widget"])
        elif template_name == SELECT:
            html = _select(context["widget"])
        if html is None:
            return super().render(template_name, context, request)
        # Stripped, as BaseRenderer.render() strips what a template gives.
        return mark_safe(html.strip())  # noqa: S308 (every value escaped above)

"""Edit forms as a browser holds them: what the page shows, changed the way a person would."""

from __future__ import annotations

from .form_world import BUTTON_KINDS, post_forms


def form_as_shown(client, url: str) -> dict[str, list[str]]:
    """The values the edit form at ``url`` shows, as a browser would send them unchanged
    (its edit token included)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return form_as_shown_in(response)


def form_as_shown_in(response, action: str = "") -> dict[str, list[str]]:
    """The values of the form a page shows that posts to the page itself (or to ``action``)."""
    forms = [f for f in post_forms(response.content.decode()) if f.action == action]
    assert forms, f"no form posting to {action or 'the page itself'}"
    return as_browser_sends(forms[-1])


def as_browser_sends(form) -> dict[str, list[str]]:
    """A form's values as a browser sends it unchanged: a select with nothing selected sends
    its first option; unticked boxes send nothing."""
    data: dict[str, list[str]] = {}
    for f in form.fields:
        if f.kind in BUTTON_KINDS or f.kind == "file" or f.name == "csrfmiddlewaretoken":
            continue
        if f.kind == "select":
            data[f.name] = list(f.selected) or ([] if f.multiple else f.options[:1])
        elif f.kind in ("radio", "checkbox"):
            if f.checked:
                data.setdefault(f.name, []).append(f.value or "on")
        else:
            data.setdefault(f.name, []).append(f.value)
    return data


def changed(data: dict[str, list[str]], **values) -> dict[str, list[str]]:
    """The form with some fields changed (None leaves a field out, as an unticked box)."""
    result = dict(data)
    for name, value in values.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = value if isinstance(value, list) else [value]
    return result

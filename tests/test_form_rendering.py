"""The portal's form renderer writes the field group and the plain widgets in Python
(core/form_rendering.py); its output must be the templates' own, byte for byte, on every form
page of the portal, blank and with errors."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from actionplans.models import ActionPlan

from .pages import WHO, page_paths
from .url_world import build_world

TEMPLATES = "django.forms.renderers.TemplatesSetting"
PORTAL = "core.form_rendering.PortalFormRenderer"
# What differs from one request to the next whatever renders it.
VARYING = re.compile(
    r'(name="(?:[\w-]+-)?(?:csrfmiddlewaretoken|edit_token)" value=")[^"]*(")|(nonce=")[^"]*(")'
)


def _steady(html: str) -> str:
    return VARYING.sub(lambda m: "".join(g for g in m.groups() if g is not None), html)


def _both_ways(settings, client, url: str, data=None, *, forms_only=False) -> tuple[str, str, int]:
    """The page as the portal's renderer writes it and as the templates do (``forms_only``:
    the second only when the first has a form)."""
    pages = []
    for renderer in (PORTAL, TEMPLATES):
        settings.FORM_RENDERER = renderer
        response = client.post(url, data) if data is not None else client.get(url)
        html = "text/html" in response.get("Content-Type", "") and not response.streaming
        pages.append((response.status_code, _steady(response.content.decode()) if html else ""))
        if forms_only and "<form" not in pages[0][1]:
            return pages[0][1], pages[0][1], pages[0][0]
    (status_portal, by_portal), (status, by_templates) = pages
    assert status == status_portal, url
    return by_templates, by_portal, status


@pytest.mark.django_db
def test_the_plan_form_is_written_as_the_templates_write_it(client, demo, settings):
    plan = ActionPlan.objects.filter(city__slug="braga").first()
    client.force_login(get_user_model().objects.get(email="braga@example.org"))
    url = f"/en/workspace/plans/{plan.pk}/edit/"
    by_templates, by_portal, status = _both_ways(settings, client, url)
    assert status == 200
    assert by_portal == by_templates
    for kind in ('type="date"', "<textarea", "<select", 'type="checkbox"', 'class="hint"'):
        assert kind in by_portal, kind

    # With errors: the summary, the messages tied to their fields, the values sent kept.
    refused = {"title": "", "start_date": "not a date", "topic": "nonsense", "edit_token": "x"}
    by_templates, by_portal, status = _both_ways(settings, client, url, refused)
    assert status == 400
    assert by_portal == by_templates
    assert "field-has-error" in by_portal and 'value="not a date"' in by_portal


@pytest.mark.slow
@pytest.mark.django_db
def test_every_form_page_is_written_as_the_templates_write_it(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world = build_world(settings)
    differ, forms = [], 0
    for who, paths in page_paths(world).items():
        client = Client()
        email = next((e for e, w in WHO.items() if w == who), None)
        if email:
            client.force_login(get_user_model().objects.get(email=email))
        for path in dict.fromkeys(paths):
            by_templates, by_portal, status = _both_ways(settings, client, path, forms_only=True)
            if status != 200 or "<form" not in by_templates:
                continue
            forms += 1
            if by_portal != by_templates:
                differ.append(f"{who} {path}")
    assert forms > 50
    assert differ == []

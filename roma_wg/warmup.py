"""Work a web process would otherwise do on its first requests, done once when the application
is loaded. With ``gunicorn --preload`` (the Dockerfile, docker-compose.yml, the benchmark) the
master process loads it before forking, so every worker starts with the URL patterns, the
translation catalogues and the portal's compiled templates already in memory, shared with the
others until written to."""

from __future__ import annotations

import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation


def _portal_templates() -> list[str]:
    """The names of the portal's own templates (not Django's nor allauth's)."""
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    installed = Path(sys.prefix)
    folders += [
        Path(config.path) / "templates"
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR)
        and not Path(config.path).is_relative_to(installed)
    ]
    names = set()
    for folder in folders:
        if folder.is_dir():
            names.update(
                str(path.relative_to(folder)) for path in folder.rglob("*.html") if path.is_file()
            )
    return sorted(names)


def warm() -> None:
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reverse("portal:home")  # the URL patterns of this language, and its catalogue
    for name in _portal_templates():
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            continue  # a page would say so when it uses it; a start-up must not fail on it

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roma_wg.settings")
application = get_wsgi_application()

# Loaded once before the workers fork under gunicorn --preload (see roma_wg/warmup.py).
from .warmup import warm  # noqa: E402

warm()

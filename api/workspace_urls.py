from __future__ import annotations

from django.urls import path

from . import workspace_views

# The api app's second namespace, its only exception to one namespace per app: these pages live
# under the language prefix (/<lang>/workspace/tokens/) like the rest of the workspace, while the
# open data API (api/urls.py, namespace "api") has none. Django allows the prefix
# (i18n_patterns) only in the root URLconf, so one URLconf, and so one namespace, cannot hold
# routes on both sides of it.
app_name = "api_tokens"

urlpatterns = [
    path("workspace/tokens/", workspace_views.token_list, name="list"),
    path("workspace/tokens/<int:pk>/revoke/", workspace_views.token_revoke_view, name="revoke"),
]

from __future__ import annotations

from django.urls import path

from . import workspace_views

app_name = "api_tokens"

# Mounted at /workspace/tokens/ by the root URLconf.
urlpatterns = [
    path("", workspace_views.token_list, name="list"),
    path("<int:pk>/revoke/", workspace_views.token_revoke_view, name="revoke"),
]

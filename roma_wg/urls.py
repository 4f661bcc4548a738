from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from accounts import sign_in
from accounts.urls import people_patterns
from actionplans.urls import expert_urlpatterns
from actionplans.urls import public_urlpatterns as plan_public_patterns
from cities.urls import invitation_patterns, officer_patterns, pledge_patterns, staff_patterns
from meetings.urls import workspace_urlpatterns
from notifications.urls import public_patterns as notifications_public
from objectives.urls import workspace_urlpatterns as objectives_workspace
from ops.metrics import metrics_view
from practices.urls import workspace_urlpatterns as practices_workspace

from .health import healthz, readyz

# The admin signs in through allauth too: same rate limits, same MFA.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Roma Inclusion Working Group"


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    # Resolved per request: the hashed static name exists only after collectstatic.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("metrics", metrics_view, name="metrics"),
    path("favicon.ico", favicon),
    # The open data API: no language prefix, Accept-Language chooses (README, "Open data").
    path("api/v1/", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("portal.urls")),
    path("cities/", include("cities.urls")),
    path("", include("objectives.urls")),
    path("meetings/", include("meetings.urls")),
    path("workspace/meetings/", include((workspace_urlpatterns, "meetings_workspace"))),
    path("", include("practices.urls")),
    path("", include((plan_public_patterns, "actionplans_public"))),
    path("experts/", include((expert_urlpatterns, "experts"))),
    path("network/", include("network.urls")),
    path("data/", include("opendata.urls")),
    path("accounts/invitation/", include(invitation_patterns)),
    path("accounts/data/", include("accounts.urls")),
    # allauth's own pages, answering 429 when a limit refuses a sign-in (accounts/sign_in.py).
    path("accounts/login/", sign_in.login, name="account_login"),
    path("accounts/2fa/authenticate/", sign_in.mfa_authenticate, name="mfa_authenticate"),
    path("accounts/", include("allauth.urls")),
    path("workspace/", include("workspace.urls")),
    path("workspace/work-plans/", include((objectives_workspace, "objectives_workspace"))),
    path("workspace/notifications/", include("notifications.urls")),
    path("notifications/", include(notifications_public)),
    path("workspace/cities/", include(staff_patterns)),
    path("workspace/cities/", include(officer_patterns)),
    path("workspace/pledges/", include(pledge_patterns)),
    path("workspace/people/", include(people_patterns)),
    path("workspace/", include((practices_workspace, "practices_workspace"))),
    path("workspace/", include("actionplans.urls")),
    path("workspace/", include("imports.urls")),
    path("workspace/tokens/", include("api.workspace_urls")),
    path("workspace/translations/", include("translations.urls")),
    path("reports/", include("reports.urls")),
    path("admin/", admin.site.urls),
)

handler404 = "roma_wg.errors.not_found"
handler403 = "roma_wg.errors.forbidden"
handler500 = "roma_wg.errors.server_error"

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

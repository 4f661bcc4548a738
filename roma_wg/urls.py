from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from accounts import sign_in
from ops.metrics import metrics_view

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
    # The open data API at /api/v1/: no language prefix, Accept-Language chooses (README, "Open
    # data"). Its token pages need the prefix: api.workspace_urls, below.
    path("", include("api.urls")),
]

urlpatterns += i18n_patterns(
    # Each app declares the full paths of its routes, under one namespace: its label. The order
    # matters only where two apps' paths could both match one address; none can today.
    path("", include("portal.urls")),
    path("", include("cities.urls")),
    path("", include("objectives.urls")),
    path("", include("meetings.urls")),
    path("", include("practices.urls")),
    path("", include("actionplans.urls")),
    path("", include("network.urls")),
    path("", include("opendata.urls")),
    path("", include("accounts.urls")),
    # allauth's own pages, answering 429 when a limit refuses a sign-in (accounts/sign_in.py).
    path("accounts/login/", sign_in.login, name="account_login"),
    path("accounts/2fa/authenticate/", sign_in.mfa_authenticate, name="mfa_authenticate"),
    path("accounts/", include("allauth.urls")),
    path("", include("workspace.urls")),
    path("", include("notifications.urls")),
    path("", include("imports.urls")),
    # The api app's token pages, its second namespace: they need the language prefix, which
    # its open data API (above, outside i18n_patterns) must not have (api/workspace_urls.py).
    path("", include("api.workspace_urls")),
    path("", include("translations.urls")),
    path("", include("reports.urls")),
    path("admin/", admin.site.urls),
)

handler404 = "roma_wg.errors.not_found"
handler403 = "roma_wg.errors.forbidden"
handler500 = "roma_wg.errors.server_error"

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

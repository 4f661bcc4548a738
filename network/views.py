"""The network dashboard: public at one address; staff whose session passed the second factor
see every plan and the late progress updates there too. Views check who is asking, read through
the selectors and render; the page's parts are cached fragments (see the templates)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.mfa import passed_second_factor
from fragments.pages import not_kept, public_page
from fragments.versions import cached_for_content
from translations.reading import requested_language

from .exports import COLUMNS, network_csv
from .forms import NetworkFilterForm
from .selectors import (
    NETWORK_APPS,
    country_choices,
    eu_target,
    indicator_rows,
    late_updates_by_city,
    network_dashboard,
    page_of,
    target_figures,
)

# The query parameters of the dashboard's filters.
FILTER_PARAMS = list(NetworkFilterForm.base_fields)


def sees_every_plan(request: HttpRequest) -> bool:
    """Network staff, in a session that passed the second factor (the middleware signs any
    other staff session out before a page; checked here too, as this page shows more to staff
    rather than refusing the others)."""
    user = request.user
    return (
        user.is_authenticated
        and user.is_staff
        and (not settings.STAFF_MFA_REQUIRED or passed_second_factor(request))
    )


def _filters(request: HttpRequest) -> NetworkFilterForm:
    return NetworkFilterForm(request.GET, countries=country_choices())


def _shown_filters(scope) -> NetworkFilterForm:
    """The form as the page shows it: the filters in force, never the values left out."""
    return NetworkFilterForm(
        None, countries=country_choices(), initial={"country": scope.country, "theme": scope.theme}
    )


def _asked(request: HttpRequest) -> str:
    """The version of the targets' texts the visitor asked for with ?language= ("" for the
    page's language)."""
    return requested_language(request) or ""


@public_page(apps=NETWORK_APPS, params=FILTER_PARAMS)
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    form = _filters(request)
    scope = form.scope(every_plan=sees_every_plan(request))
    notices = form.notices()
    if notices:
        not_kept(request)  # a value it left out: not worth a copy of its own
    today = timezone.localdate()
    # Read only when a cached fragment is rendered again.
    late = SimpleLazyObject(lambda: late_updates_by_city(scope=scope, today=today))
    return render(
        request,
        "network/dashboard.html",
        {
            "filters": SimpleLazyObject(lambda: _shown_filters(scope)),
            "notices": notices,
            "scope": scope,
            "dashboard": SimpleLazyObject(
                lambda: network_dashboard(scope=scope, language=_asked(request))
            ),
            "late": late if scope.every_plan else None,
            "today": today.isoformat(),
            "csv_columns": COLUMNS,
        },
    )


@public_page(apps=NETWORK_APPS, params=[*FILTER_PARAMS, "page"])
@require_safe
def target(request: HttpRequest, code: str) -> HttpResponse:
    found = eu_target(code=code, language=_asked(request))
    if found is None:
        raise Http404(_("There is no EU Roma framework target at this address."))
    form = _filters(request)
    scope = form.scope(every_plan=sees_every_plan(request))
    figures = target_figures(scope=scope, target=found)
    page = page_of(request.GET.get("page"), count=figures.indicators)
    notices = form.notices()
    if notices or request.GET.get("page", str(page.number)) != str(page.number):
        not_kept(request)  # a value it left out or a page it does not have
    rows = SimpleLazyObject(
        lambda: list(indicator_rows(scope=scope, target=found)[page.start : page.end])
    )
    return render(
        request,
        "network/target.html",
        {
            "filters": SimpleLazyObject(lambda: _shown_filters(scope)),
            "notices": notices,
            "scope": scope,
            "target": found,
            "figures": figures,
            "page": page,
            "rows": rows,
            "csv_columns": COLUMNS,
        },
    )


@require_safe
def data_csv(request: HttpRequest) -> HttpResponse:
    """The dashboard's data for the same filters (and, with ``target``, one target's): a filter
    that is not one of the choices is refused, rather than answering with other data."""
    form = _filters(request)
    scope = form.scope(every_plan=sees_every_plan(request))
    code = request.GET.get("target", "")
    found = eu_target(code=code) if code else None
    problems = form.notices()
    if code and found is None:
        problems.append(_("There is no EU Roma framework target with this code."))
    if problems:
        return HttpResponseBadRequest(
            "\n".join(problems) + "\n", content_type="text/plain; charset=utf-8"
        )
    body = cached_for_content(
        f"network-csv:{scope.key}:{code or 'all'}:{get_language()}",
        lambda: network_csv(scope=scope, target=found),
        apps=NETWORK_APPS,
    )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    name = f"roma-inclusion-network-{code}.csv" if code else "roma-inclusion-network.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

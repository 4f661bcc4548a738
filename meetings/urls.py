from __future__ import annotations

from django.urls import path

from . import registration_views, views, workspace_views

app_name = "meetings"

# Public, mounted under /meetings/.
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("calendar.ics", views.calendar_all, name="calendar"),
    # A guest's own links (signed tokens hold a colon: never a meeting's slug).
    path("guest/confirm/<str:token>/", registration_views.guest_confirm, name="guest_confirm"),
    path("guest/<str:token>/", registration_views.guest_registration, name="guest_registration"),
    path("guest/<str:token>/cancel/", registration_views.guest_cancel, name="guest_cancel"),
    path("guest/<str:token>/erase/", registration_views.guest_erase, name="guest_erase"),
    path("guest/<str:token>/data.json", registration_views.guest_data, name="guest_data"),
    path("<slug:slug>/", views.meeting_page, name="detail"),
    path("<slug:slug>/calendar.ics", views.calendar_meeting, name="meeting_calendar"),
    path("<slug:slug>/documents/<int:pk>/", views.document_download, name="document"),
    path("<slug:slug>/register/", registration_views.registration_new, name="register"),
    path(
        "<slug:slug>/registrations/<int:pk>/cancel/",
        registration_views.registration_cancel,
        name="registration_cancel",
    ),
    path("<slug:slug>/guests/", registration_views.guest_register, name="guest_register"),
    path("<slug:slug>/guests/sent/", registration_views.guest_sent, name="guest_sent"),
    path(
        "<slug:slug>/guests/invitations/<str:token>/",
        registration_views.guest_invited,
        name="guest_invited",
    ),
]

# Signed-in tools, mounted by the root URLconf under /workspace/meetings/ with the namespace
# "meetings_workspace".
workspace_urlpatterns = [
    path("", workspace_views.workspace_list, name="list"),
    path("new/", workspace_views.meeting_new, name="new"),
    path("follow-ups/<int:pk>/done/", workspace_views.followup_done, name="followup_done"),
    path("<slug:slug>/", workspace_views.meeting_manage, name="manage"),
    path("<slug:slug>/edit/", workspace_views.meeting_edit, name="edit"),
    path("<slug:slug>/publish/", workspace_views.meeting_publish, name="publish"),
    path("<slug:slug>/documents/", workspace_views.document_new, name="document_new"),
    path(
        "<slug:slug>/documents/<int:pk>/delete/",
        workspace_views.document_delete,
        name="document_delete",
    ),
    path("<slug:slug>/agenda/", workspace_views.agenda, name="agenda"),
    path(
        "<slug:slug>/agenda/duplicate/", workspace_views.agenda_duplicate, name="agenda_duplicate"
    ),
    path("<slug:slug>/agenda/items/new/", workspace_views.agenda_item_new, name="item_new"),
    path("<slug:slug>/agenda/items/<int:pk>/", workspace_views.agenda_item_edit, name="item_edit"),
    path(
        "<slug:slug>/agenda/items/<int:pk>/delete/",
        workspace_views.agenda_item_delete,
        name="item_delete",
    ),
    path(
        "<slug:slug>/agenda/items/<int:pk>/move/",
        workspace_views.agenda_item_move,
        name="item_move",
    ),
    path("<slug:slug>/agenda/sessions/new/", workspace_views.session_new, name="session_new"),
    path(
        "<slug:slug>/agenda/sessions/<int:pk>/", workspace_views.session_edit, name="session_edit"
    ),
    path(
        "<slug:slug>/agenda/sessions/<int:pk>/delete/",
        workspace_views.session_delete,
        name="session_delete",
    ),
    path("<slug:slug>/registrations/", workspace_views.registrations, name="registrations"),
    path(
        "<slug:slug>/registrations.csv", workspace_views.registrations_csv, name="registrations_csv"
    ),
    path("<slug:slug>/guests/", workspace_views.guests, name="guests"),
    path(
        "<slug:slug>/guests/<int:pk>/approve/", workspace_views.guest_approve, name="guest_approve"
    ),
    path(
        "<slug:slug>/guests/<int:pk>/decline/", workspace_views.guest_decline, name="guest_decline"
    ),
    path(
        "<slug:slug>/guests/invitations/new/",
        workspace_views.guest_invitation_new,
        name="guest_invitation_new",
    ),
    path(
        "<slug:slug>/guests/invitations/<int:pk>/revoke/",
        workspace_views.guest_invitation_revoke,
        name="guest_invitation_revoke",
    ),
    path("<slug:slug>/attendance/", workspace_views.attendance, name="attendance"),
    path("<slug:slug>/attendance/add/", workspace_views.attendee_new, name="attendee_new"),
    path("<slug:slug>/outcomes/", workspace_views.outcomes, name="outcomes"),
    path("<slug:slug>/decisions/new/", workspace_views.decision_new, name="decision_new"),
    path("<slug:slug>/decisions/<int:pk>/", workspace_views.decision_edit, name="decision_edit"),
    path(
        "<slug:slug>/decisions/<int:pk>/delete/",
        workspace_views.decision_delete,
        name="decision_delete",
    ),
]

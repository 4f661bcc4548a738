from __future__ import annotations

from django.urls import path

from . import registration_views, views, workspace_views

app_name = "meetings"

r = registration_views
w = workspace_views
urlpatterns = [
    # Public.
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/calendar.ics", views.calendar_all, name="calendar"),
    # A guest's own links (signed tokens hold a colon: never a meeting's slug).
    path("meetings/guest/confirm/<str:token>/", r.guest_confirm, name="guest_confirm"),
    path("meetings/guest/<str:token>/", r.guest_registration, name="guest_registration"),
    path("meetings/guest/<str:token>/cancel/", r.guest_cancel, name="guest_cancel"),
    path("meetings/guest/<str:token>/erase/", r.guest_erase, name="guest_erase"),
    path("meetings/guest/<str:token>/data.json", r.guest_data, name="guest_data"),
    path("meetings/<slug:slug>/", views.meeting_page, name="detail"),
    path("meetings/<slug:slug>/calendar.ics", views.calendar_meeting, name="meeting_calendar"),
    path("meetings/<slug:slug>/documents/<int:pk>/", views.document_download, name="document"),
    path("meetings/<slug:slug>/register/", r.registration_new, name="register"),
    path(
        "meetings/<slug:slug>/registrations/<int:pk>/cancel/",
        r.registration_cancel,
        name="registration_cancel",
    ),
    path("meetings/<slug:slug>/guests/", r.guest_register, name="guest_register"),
    path("meetings/<slug:slug>/guests/sent/", r.guest_sent, name="guest_sent"),
    path(
        "meetings/<slug:slug>/guests/invitations/<str:token>/",
        r.guest_invited,
        name="guest_invited",
    ),
    # Signed-in tools.
    path("workspace/meetings/", w.workspace_list, name="workspace_list"),
    path("workspace/meetings/new/", w.meeting_new, name="meeting_new"),
    path("workspace/meetings/follow-ups/<int:pk>/done/", w.followup_done, name="followup_done"),
    path("workspace/meetings/<slug:slug>/", w.meeting_manage, name="meeting_manage"),
    path("workspace/meetings/<slug:slug>/edit/", w.meeting_edit, name="meeting_edit"),
    path("workspace/meetings/<slug:slug>/publish/", w.meeting_publish, name="meeting_publish"),
    path("workspace/meetings/<slug:slug>/documents/", w.document_new, name="document_new"),
    path(
        "workspace/meetings/<slug:slug>/documents/<int:pk>/delete/",
        w.document_delete,
        name="document_delete",
    ),
    path("workspace/meetings/<slug:slug>/agenda/", w.agenda, name="agenda_edit"),
    path(
        "workspace/meetings/<slug:slug>/agenda/duplicate/",
        w.agenda_duplicate,
        name="agenda_duplicate",
    ),
    path(
        "workspace/meetings/<slug:slug>/agenda/items/new/",
        w.agenda_item_new,
        name="agenda_item_new",
    ),
    path(
        "workspace/meetings/<slug:slug>/agenda/items/<int:pk>/",
        w.agenda_item_edit,
        name="agenda_item_edit",
    ),
    path(
        "workspace/meetings/<slug:slug>/agenda/items/<int:pk>/delete/",
        w.agenda_item_delete,
        name="agenda_item_delete",
    ),
    path(
        "workspace/meetings/<slug:slug>/agenda/items/<int:pk>/move/",
        w.agenda_item_move,
        name="agenda_item_move",
    ),
    path(
        "workspace/meetings/<slug:slug>/agenda/sessions/new/",
        w.session_new,
        name="agenda_session_new",
    ),
    path(
        "workspace/meetings/<slug:slug>/agenda/sessions/<int:pk>/",
        w.session_edit,
        name="agenda_session_edit",
    ),
    path(
        "workspace/meetings/<slug:slug>/agenda/sessions/<int:pk>/delete/",
        w.session_delete,
        name="agenda_session_delete",
    ),
    path(
        "workspace/meetings/<slug:slug>/registrations/",
        w.registrations,
        name="registration_list",
    ),
    path(
        "workspace/meetings/<slug:slug>/registrations.csv",
        w.registrations_csv,
        name="registration_list_csv",
    ),
    path("workspace/meetings/<slug:slug>/guests/", w.guests, name="guest_list"),
    path(
        "workspace/meetings/<slug:slug>/guests/<int:pk>/approve/",
        w.guest_approve,
        name="guest_approve",
    ),
    path(
        "workspace/meetings/<slug:slug>/guests/<int:pk>/decline/",
        w.guest_decline,
        name="guest_decline",
    ),
    path(
        "workspace/meetings/<slug:slug>/guests/invitations/new/",
        w.guest_invitation_new,
        name="guest_invitation_new",
    ),
    path(
        "workspace/meetings/<slug:slug>/guests/invitations/<int:pk>/revoke/",
        w.guest_invitation_revoke,
        name="guest_invitation_revoke",
    ),
    path("workspace/meetings/<slug:slug>/attendance/", w.attendance, name="attendance_edit"),
    path("workspace/meetings/<slug:slug>/attendance/add/", w.attendee_new, name="attendee_new"),
    path("workspace/meetings/<slug:slug>/outcomes/", w.outcomes, name="outcomes_edit"),
    path("workspace/meetings/<slug:slug>/decisions/new/", w.decision_new, name="decision_new"),
    path(
        "workspace/meetings/<slug:slug>/decisions/<int:pk>/",
        w.decision_edit,
        name="decision_edit",
    ),
    path(
        "workspace/meetings/<slug:slug>/decisions/<int:pk>/delete/",
        w.decision_delete,
        name="decision_delete",
    ),
]

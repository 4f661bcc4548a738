from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from .models import User
from .personal_data import erase, erase_refusal, may_erase, shown_as_after_erasure


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_superuser", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "erased_at"]
    search_fields = ["email", "first_name", "last_name"]
    readonly_fields = ["erased_at", "former_city", "former_staff"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Name"), {"fields": ("first_name", "last_name")}),
        (_("Roles"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
        (_("Erasure"), {"fields": ("erased_at", "former_city", "former_staff")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    actions = ["erase_selected"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Deleting a person would take their name off plans' history, updates and reviews
        # (or, worse, whatever cascades): people are erased instead, which keeps the records.
        return False

    @admin.action(
        description=_("Erase the selected accounts (their work stays, anonymised)"),
        permissions=["change"],
    )
    def erase_selected(self, request, queryset):
        people = list(queryset.filter(erased_at__isnull=True))
        if request.POST.get("confirmed") != "yes":
            return TemplateResponse(
                request,
                "admin/accounts/user/erase_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "title": gettext_now("Erase accounts"),
                    "opts": self.model._meta,
                    "rows": [
                        (
                            person,
                            shown_as_after_erasure(person),
                            _refusal(by=request.user, person=person),
                        )
                        for person in people
                    ],
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                },
            )
        erased = 0
        for person in people:
            refusal = _refusal(by=request.user, person=person)
            if refusal is None:
                try:
                    erase(person, by=request.user)
                except ValidationError as error:
                    refusal = " ".join(error.messages)
                else:
                    erased += 1
            if refusal:
                self.message_user(request, f"{person.email}: {refusal}", messages.WARNING)
        if erased:
            self.message_user(
                request,
                gettext_now("%(count)s account(s) erased.") % {"count": erased},
                messages.SUCCESS,
            )
        return None


def _refusal(*, by: User, person: User) -> str | None:
    if person.pk == by.pk:
        return gettext_now("Erase your own account from your personal data page.")
    if not may_erase(by=by, user=person):
        return gettext_now("Only an administrator may erase a staff member's account.")
    return erase_refusal(person)

"""What the portal holds about one person: export it (GDPR access and portability) or erase it.

Each app knows its own models, and accounts must not import the apps that come after it, so each
app describes its part in its own ``personal_data.py`` module, imported at start-up the way
``admin.py`` modules are (``AccountsConfig.ready``), and calls ``register`` there.

Erasure anonymises in place instead of deleting: the user row stays as a tombstone without
e-mail, name or password, so the plans, updates, reviews and history the person wrote stay
intact and are shown as written by "former officer of Braga" (``User.display_name``).

People without an account (guests of meetings, experts invited to a review) are known only by
their e-mail address: an app that holds such records also registers ``export_address`` and
``erase_address``, which staff use through ``export_for_address`` and ``erase_address``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from importlib import import_module
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import User

logger = logging.getLogger(__name__)

EXPORT_FORMAT = "roma-wg-personal-data/1"


@dataclass(frozen=True)
class Part:
    """One app's share of a person's data.

    ``export`` returns JSON-ready sections (use ``iso`` for dates); ``erase`` blanks or deletes
    what is personal and keeps what others rely on, and receives the label the person will be
    known by ("former officer of Braga", in the portal's default language) for records that
    store a name as text; ``cities`` names the cities the person worked for, for that label.
    """

    key: str
    export: Callable[[User], dict[str, Any]]
    erase: Callable[..., None] | None = None
    cities: Callable[[User], list[str]] | None = None
    # People without an account, known by their address (lower case): what is held about
    # them (JSON-ready sections, empty when nothing), and its erasure (returns how many records).
    export_address: Callable[[str], dict[str, Any]] | None = None
    erase_address: Callable[[str], int] | None = None


_parts: dict[str, Part] = {}


def register(
    key: str,
    *,
    export: Callable[[User], dict[str, Any]],
    erase: Callable[..., None] | None = None,
    cities: Callable[[User], list[str]] | None = None,
    export_address: Callable[[str], dict[str, Any]] | None = None,
    erase_address: Callable[[str], int] | None = None,
) -> None:
    """``erase`` is called as ``erase(user, label=...)`` while the account still has its
    e-mail address."""
    _parts[key] = Part(
        key=key,
        export=export,
        erase=erase,
        cities=cities,
        export_address=export_address,
        erase_address=erase_address,
    )


def parts() -> list[Part]:
    return list(_parts.values())


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_for(user: User) -> dict[str, Any]:
    """Everything the portal holds about ``user``, without secrets (password hash, TOTP secret,
    recovery codes, session keys are never part of it)."""
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "generated_at": iso(timezone.now()),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
            "is_active": user.is_active,
            "is_network_staff": user.is_staff,
            "is_administrator": user.is_superuser,
            "erased_at": iso(user.erased_at),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("id")
        ],
        "second_factors": [
            {
                "type": authenticator.get_type_display(),
                "created_at": iso(authenticator.created_at),
                "last_used_at": iso(authenticator.last_used_at),
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("id")
        ],
    }
    for part in parts():
        data[part.key] = part.export(user)
    return data


def former_cities(user: User) -> list[str]:
    names: set[str] = set()
    for part in parts():
        if part.cities is not None:
            names.update(part.cities(user))
    return sorted(names)


def _tombstone(user: User) -> User:
    return User(
        pk=user.pk,
        erased_at=timezone.now(),
        former_city=", ".join(former_cities(user))[:300],
        former_staff=user.is_staff or user.is_superuser,
    )


def shown_as_after_erasure(user: User) -> str:
    """How the portal will name the person once the account is erased ("former officer of
    Braga"), in the active language."""
    return _tombstone(user).display_name


def _other_active_accounts(*, exclude: User):
    return User.objects.filter(is_active=True, erased_at__isnull=True).exclude(pk=exclude.pk)


def erase_refusal(user: User) -> str | None:
    """Why ``user`` cannot be erased now, or None.

    The last active staff member, or the last administrator, would leave nobody able to invite
    officers, publish meetings or give staff rights through the portal: hand over first.
    """
    if user.erased_at is not None:
        return _("This account has already been erased.")
    if (
        user.is_superuser
        and not _other_active_accounts(exclude=user).filter(is_superuser=True).exists()
    ):
        return _(
            "This is the last administrator account: make another person an administrator "
            "before erasing it."
        )
    if user.is_staff and not _other_active_accounts(exclude=user).filter(is_staff=True).exists():
        return _(
            "This is the last network staff account: give another person staff rights before "
            "erasing it."
        )
    return None


def may_erase(*, by: User, user: User) -> bool:
    """A person may erase their own account; staff may erase officers' accounts, and only an
    administrator may erase another staff member's."""
    if not by.is_authenticated or not by.is_active:
        return False
    if by.pk == user.pk:
        return True
    if user.is_staff or user.is_superuser:
        return by.is_superuser
    return by.is_staff


@transaction.atomic
def erase(user: User, *, by: User) -> User:
    """Anonymise ``user`` in place: the account can no longer sign in, everything personal is
    deleted or blanked, and what the person wrote stays, attributed to the tombstone."""
    user = User.objects.select_for_update().get(pk=user.pk)
    refusal = erase_refusal(user)
    if refusal:
        raise ValidationError(refusal)
    tombstone = _tombstone(user)
    with translation.override(settings.LANGUAGE_CODE):
        label = tombstone.display_name
    # Each app erases while the account still has its e-mail address (registrations by e-mail).
    for part in parts():
        if part.erase is not None:
            part.erase(user, label=label)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    ended = _sessions_end(user)
    user.email = f"erased-{user.pk}@erased.invalid"
    user.first_name = ""
    user.last_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.erased_at = tombstone.erased_at
    user.former_city = tombstone.former_city
    user.former_staff = tombstone.former_staff
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    # The admin's log names the people it changed by their name or e-mail address.
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(object_repr=f"#{user.pk}")
    logger.info(
        "Account %s erased by account %s (%s sessions ended)",
        user.pk,
        by.pk,
        ended,
    )
    return user


def _sessions_end(user: User) -> int:
    """Delete the person's sessions wherever the session engine keeps them.

    Django keeps no index from people to sessions, so each live session is read; erasure is
    rare and this is the only way. (Without it the sessions would still die at their next
    request: the password hash they were bound to has changed and the account is inactive.)
    """
    engine = import_module(settings.SESSION_ENGINE)
    store_class = engine.SessionStore
    get_model = getattr(store_class, "get_model_class", None)
    if get_model is None:
        return 0
    ended = 0
    for session in get_model().objects.filter(expire_date__gt=timezone.now()).iterator():
        store = store_class(session_key=session.session_key)
        if store.decode(session.session_data).get(SESSION_KEY) == str(user.pk):
            store.delete()
            ended += 1
    return ended


# --- People without an account --------------------------------------------------------------


def address_has_account(email: str) -> bool:
    return User.objects.filter(email__iexact=email.strip(), erased_at__isnull=True).exists()


def export_for_address(email: str) -> dict[str, Any]:
    """Everything the portal holds under an e-mail address about someone without an account
    (guest registrations, invitations, an invited expert's access): the sections that hold
    something."""
    email = email.strip().lower()
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "generated_at": iso(timezone.now()),
        "email": email,
    }
    for part in parts():
        if part.export_address is not None:
            data.update({key: rows for key, rows in part.export_address(email).items() if rows})
    return data


def holds_anything(export: dict[str, Any]) -> bool:
    return any(key not in ("format", "generated_at", "email") for key in export)


@transaction.atomic
def erase_address(email: str, *, by: User) -> int:
    """Erase what is held under an address about someone without an account. An address of an
    account is erased with the account (``erase``), which also covers these records."""
    email = email.strip().lower()
    if address_has_account(email):
        raise ValidationError(
            _("This address belongs to an account: erase the account, which erases these too.")
        )
    erased = sum(part.erase_address(email) for part in parts() if part.erase_address is not None)
    logger.info("%s records held under an address erased by account %s", erased, by.pk)
    return erased

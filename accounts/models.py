from __future__ import annotations

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in: identified by e-mail, nothing more personal than a name.

    ``is_staff`` marks network staff (the secretariat), ``is_superuser`` administrators.
    City officers are users with a membership in a city (``cities.CityMembership``).
    """

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    # An erased account stays as a tombstone, so the plans, updates and reviews the person
    # wrote keep an author: "former officer of Braga" (accounts/personal_data.py).
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)
    former_city = models.CharField(_("former city"), max_length=300, blank=True, editable=False)
    former_staff = models.BooleanField(_("former staff member"), default=False, editable=False)
    # The language the person last used the portal in: their e-mails are written in it.
    language = models.CharField(_("language"), max_length=10, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """How the portal names this person everywhere (history, updates, reviews, events)."""
        if self.erased_at is None:
            return self.get_full_name() or self.email
        if self.former_city:
            return gettext("former officer of %(city)s") % {"city": self.former_city}
        if self.former_staff:
            return gettext("former staff member")
        return gettext("former member of the portal")

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from translations.reading import localize

from .models import Practice
from .selectors import latest_practices


class TextLanguageAtomFeed(Atom1Feed):
    """Atom with each entry's ``xml:lang`` where its texts are not in the feed's language (a
    practice without a translation into it): feed readers and screen readers then read it
    right."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language") and item["language"] != self.feed["language"]:
            attributes["xml:lang"] = item["language"]
        return attributes


class LatestPracticesFeed(Feed):
    """In the language of its address (/fr/practices/feed/): the feed's ``xml:lang``, its own
    words, and each practice in its translation into it where there is one."""

    feed_type = TextLanguageAtomFeed
    title = _("Good practices of the Roma Inclusion Working Group")
    subtitle = _("What member cities did for the inclusion of Roma communities, and what worked.")
    link = reverse_lazy("practices:list")

    def items(self):
        return localize(latest_practices(), get_language())

    def item_title(self, item: Practice) -> str:
        return f"{item.title} ({item.city.local_name})"

    def item_description(self, item: Practice) -> str:
        return item.summary

    def item_pubdate(self, item: Practice):
        return item.published_at

    def item_updateddate(self, item: Practice):
        return item.updated_at

    def item_categories(self, item: Practice):
        return [str(theme) for theme in item.themes.all()]

    def item_author_name(self, item: Practice) -> str:
        return item.city.local_name

    def item_extra_kwargs(self, item: Practice) -> dict:
        return {"language": item.shown.language}

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Practice
from .selectors import latest_practices


class LatestPracticesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Good practices of the Roma Inclusion Working Group")
    subtitle = _("What member cities did for the inclusion of Roma communities, and what worked.")
    link = reverse_lazy("practices:list")

    def items(self):
        return latest_practices()

    def item_title(self, item: Practice) -> str:
        return f"{item.title} ({item.city.name})"

    def item_description(self, item: Practice) -> str:
        return item.summary

    def item_pubdate(self, item: Practice):
        return item.published_at

    def item_updateddate(self, item: Practice):
        return item.updated_at

    def item_categories(self, item: Practice):
        return [str(theme) for theme in item.themes.all()]

    def item_author_name(self, item: Practice) -> str:
        return item.city.name

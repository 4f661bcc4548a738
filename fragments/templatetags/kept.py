"""``{% kept key %}…{% endkept %}``: a part of a page kept in the shared cache beside the content
version it was rendered from, under a key that holds no version, so a view can read it with the
versions in the page's one cache round trip (`fragments.versions.fragment_keys`).
``{% kept key people %}``: a part of a signed-in page that also shows people's names, kept
beside the versions of the private apps too (settings.PRIVATE_CONTENT_APPS)."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe

from fragments.context_processors import ContentVersions, request_lookup

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, key, *, people: bool = False) -> None:
        self.nodelist, self.key, self.people = nodelist, key, people

    def render(self, context) -> str:
        key = self.key.resolve(context)
        request = context.get("request")
        version = str(ContentVersions(request))
        if self.people:
            versions = request_lookup(request)[0]
            private = sorted(settings.PRIVATE_CONTENT_APPS)
            version = ".".join([version, *(versions.get(app, "") for app in private)])
        stored = request_lookup(request)[1].get(key) if key else None
        if stored is None and key:
            stored = cache.get(key)  # not read with the versions: asked on its own
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == version:
            return mark_safe(stored[1])  # noqa: S308 (a rendered template)
        html = self.nodelist.render(context)
        if key:
            cache.set(key, (version, str(html)), timeout=settings.FRAGMENT_CACHE_SECONDS)
        return html


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and bits[2] != "people"):
        raise template.TemplateSyntaxError(
            "Use {% kept key %}…{% endkept %} or {% kept key people %}."
        )
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]), people=len(bits) == 3)

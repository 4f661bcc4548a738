from __future__ import annotations

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def task_groups(context, groups) -> str:
    """The dashboard's sections of to-dos, written in Python: a template render of each to-do
    (its condition, its button or link) was most of the dashboard's time."""
    request = context.get("request")
    token = context.get("csrf_token")
    csrf = (
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{conditional_escape(token)}">'
        if token and token != "NOTPROVIDED"
        else ""
    )
    here = conditional_escape(request.get_full_path()) if request is not None else ""
    # Outside the f-string: makemessages does not read inside one.
    late_word = conditional_escape(_("Late"))
    late_badge = f'<span class="badge badge-cancelled">{late_word}</span> '
    parts = []
    for group in groups:
        key = conditional_escape(group.key)
        late = " task-count-late" if group.late else ""
        parts.append(
            f'\n<section class="section task-group" id="tasks-{key}"'
            f' aria-labelledby="tasks-{key}-title">\n'
            f'  <h2 id="tasks-{key}-title">{conditional_escape(group.title)}'
            f' <span class="task-count{late}">{group.count}</span></h2>\n'
            '  <ul class="task-list">\n'
        )
        for todo in group.todos:
            title = conditional_escape(todo.title)
            action = conditional_escape(todo.action)
            url = conditional_escape(todo.url)
            parts.append(
                f'      <li class="task{" task-late" if todo.late else ""}">\n'
                '        <div class="task-text">\n'
                f'          <p class="task-title">{late_badge if todo.late else ""}{title}</p>\n'
            )
            if todo.detail:
                parts.append(
                    f'          <p class="task-detail">{conditional_escape(todo.detail)}</p>\n'
                )
            parts.append("        </div>\n")
            if todo.post:
                parts.append(
                    f'          <form method="post" action="{url}" class="task-action">{csrf}'
                    f'<input type="hidden" name="next" value="{here}">'
                    f'<button type="submit" class="button-small">{action}'
                    f'<span class="visually-hidden">: {title}</span></button></form>\n'
                )
            else:
                parts.append(
                    f'          <a class="button button-small task-action" href="{url}">{action}'
                    f'<span class="visually-hidden">: {title}</span></a>\n'
                )
            parts.append("      </li>\n")
        parts.append("  </ul>\n</section>\n")
    return mark_safe("".join(parts))  # noqa: S308 (each value escaped above)

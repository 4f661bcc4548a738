"""Counts the SQL queries of every request (with DEBUG off, where Django keeps no query log)."""

from __future__ import annotations

from django.db import connection


class QueryCountMiddleware:
    header = "X-SQL-Queries"

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response[self.header] = str(count)
        return response

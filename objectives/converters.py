from __future__ import annotations


class YearConverter:
    """Four digits only: "abc" or a 30-digit number never reach a database query."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{int(value):04d}"

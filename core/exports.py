"""Open data files every app writes the same way."""

from __future__ import annotations

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A text cell of a CSV file as text, never a formula: a leading quote where a spreadsheet
    program would calculate it (numbers written by the portal itself need no such care)."""
    return f"'{value}" if value[:1] in FORMULA_STARTS else value

"""Publication dates: normalising what manifests, HTML metadata and text headers say."""

from __future__ import annotations

import calendar
import re

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# What a manifest may write: a date at any precision, optionally followed by a time.
_ISO_STRICT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z ]*)?$")
# A leading "date 2025-10-22" line, as some aggregators prefix their copies.
_LEADING_DATE = re.compile(r"\A\s*date[:\s]+(\d{4}-\d{2}(?:-\d{2})?)\b", re.IGNORECASE)


def _days_in(year: str, month: str) -> int:
    return calendar.monthrange(int(year), int(month))[1]


def normalise_date(value: object) -> str | None:
    """Return an ISO date at its own precision ("2024", "2024-03", "2024-03-11") or None.
    Impossible parts are dropped: "2024-13-01" gives "2024", "2024-02-30" gives "2024-02"."""
    if value is None:
        return None
    m = _ISO_PARTIAL.match(str(value).strip())
    if not m:
        return None
    year, month, day = m.groups()
    if year == "0000":
        return None
    if month and not 1 <= int(month) <= 12:
        return year
    if day and not 1 <= int(day) <= _days_in(year, month):
        return f"{year}-{month}"
    return "-".join(p for p in (year, month, day) if p)


def strict_date(value: str) -> str:
    """A manifest's date, checked: the ISO date it names, or ValueError saying what is wrong."""
    m = _ISO_STRICT.match(value.strip())
    if not m:
        raise ValueError("not an ISO date YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    if year == "0000":
        raise ValueError("no year 0")
    if month and not 1 <= int(month) <= 12:
        raise ValueError("no such month")
    if day and not 1 <= int(day) <= _days_in(year, month):
        raise ValueError("no such day")
    return "-".join(p for p in (year, month, day) if p)


def leading_date(text: str) -> str | None:
    """The date of a leading ``date YYYY-MM-DD`` line, if the text starts with one."""
    m = _LEADING_DATE.match(text[:200])
    return normalise_date(m.group(1)) if m else None

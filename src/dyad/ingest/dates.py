"""Publication dates: normalising what manifests, HTML metadata and text headers say."""

from __future__ import annotations

import re

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# A leading "date 2025-10-22" line, as some aggregators prefix their copies.
_LEADING_DATE = re.compile(r"\A\s*date[:\s]+(\d{4}-\d{2}(?:-\d{2})?)\b", re.IGNORECASE)


def normalise_date(value: object) -> str | None:
    """Return an ISO date at its own precision ("2024", "2024-03", "2024-03-11") or None."""
    if value is None:
        return None
    m = _ISO_PARTIAL.match(str(value).strip())
    if not m:
        return None
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        return year
    if day and not 1 <= int(day) <= 31:
        return f"{year}-{month}"
    return "-".join(p for p in (year, month, day) if p)


def leading_date(text: str) -> str | None:
    """The date of a leading ``date YYYY-MM-DD`` line, if the text starts with one."""
    m = _LEADING_DATE.match(text[:200])
    return normalise_date(m.group(1)) if m else None

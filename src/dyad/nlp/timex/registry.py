"""The rule registry: a pattern and its handler, with helpers every handler shares."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dyad.nlp.timex.lexicon import _MOD_MAP, _MONTHS, _norm
from dyad.nlp.timex.tense import _Ctx

# --------------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------------

# A handler returns (type, value, mod) or None to reject the match.
_Result = tuple[str, str, str | None] | None
_Handler = Callable[[re.Match, _Ctx], _Result]
_RULES: list[tuple[re.Pattern, _Handler, int, re.Pattern | None]] = []


def _rule(pattern: str, priority: int = 5, flags: int = re.I, word_start: bool = True,
          needs: str | None = None) -> Callable[[_Handler], _Handler]:
    """Register a handler for a pattern; the span is group 't' when present, else the whole match.

    Patterns are anchored to a word start by default: besides being required anyway, the cheap
    lookbehind lets the regex engine skip mid-word positions quickly (a large speed-up).
    ``needs``: words every match contains; a text without any of them is not scanned by the
    pattern (a literal search is far cheaper than trying the pattern's optional prefixes at
    every word).
    """

    def deco(fn: _Handler) -> _Handler:
        required = re.compile(needs, re.I) if needs else None
        _RULES.append((re.compile(("(?<!\\w)" if word_start else "") + pattern, flags), fn, priority, required))
        return fn

    return deco


def _cap(s: str) -> bool:
    return s[:1].isupper()


def _month_num(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _mod_of(m: re.Match) -> tuple[str | None, str | None]:
    """(mod, half) from the shared modifier prefix; half is 'H1'/'H2' for "first/second half of"."""
    pre = m.groupdict().get("mpre")
    adj = m.groupdict().get("madj")
    if pre:
        key = re.sub(r"^(?:the\s+)?(?:very\s+)?", "", _norm(pre))[: -len(" of")]
        half = {"first half": "H1", "second half": "H2", "latter half": "H2"}.get(key)
        return _MOD_MAP.get(key), half
    if adj:
        return _MOD_MAP.get(_norm(adj).rstrip("-")), None
    return None, None


def _apply_half(value: str, mod: str | None, half: str | None) -> tuple[str, str | None]:
    """'the first half of 2025' -> 2025-H1 (value), not 2025 with mod START."""
    if half and re.fullmatch(r"\d{4}", value):
        return f"{value}-{half}", None
    return value, mod


def _valid_day(y: int | None, mo: int, d: int) -> bool:
    try:
        dt.date(y or 2000, mo, d)
    except ValueError:
        return False
    return True

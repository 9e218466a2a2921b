"""Bulleted lists as press releases write them: an opening line ending in ":" and one item per line
after a marker ("- ", "\u2022 ", "a) ", "2. "). Agreements read the items as instruments signed under
the opening line's verb; metrics tell a count of the items listed from a figure."""

from __future__ import annotations

import re

BULLET = re.compile(r"[ \t]*(?:[-\u2022*\u2013\u2014]|\(?[a-z0-9]{1,2}[.)])[ \t]+")


def bullet_intro(text: str, pos: int) -> str | None:
    """The line opening the bulleted list that holds ``pos`` ("... were signed, notably:"), or None
    when ``pos`` is not on a bullet line."""
    line_start = text.rfind("\n", 0, pos) + 1
    if not BULLET.match(text, line_start):
        return None
    i = line_start
    while i > 0:
        prev_start = text.rfind("\n", 0, i - 1) + 1
        line = text[prev_start:i - 1]
        if not line.strip():
            i = prev_start
            continue  # a blank line between the intro and its bullets
        if BULLET.match(line):
            i = prev_start
            continue
        return line if line.rstrip().endswith(":") else None
    return None


def bullet_lines(text: str, pos: int) -> list[tuple[int, int]]:
    """The bullet lines right after ``pos`` (the end of a list's opening line), each as the span of
    its text without the marker and the closing ";" or "."."""
    out = []
    i = text.find("\n", pos) + 1
    while 0 < i < len(text):
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        m = BULLET.match(text, i)
        if not m:
            if text[i:end].strip():
                break
        else:
            body = text[m.end():end].rstrip()
            body = re.sub(r"[;.,]\s*(?:and|or)?$", "", body).rstrip()
            out.append((m.end(), m.end() + len(body)))
        i = end + 1
    return out

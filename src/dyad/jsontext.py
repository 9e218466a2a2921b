"""JSON text as the base stores it: one serializer for the engine and for the resolver, which
compares a record's new text with the stored one to leave unchanged records alone.

orjson, several times faster than the standard library on the million small payloads a big
archive's resolution reads and writes.
"""

from __future__ import annotations

from typing import Any

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(value: Any) -> str:
    return orjson.dumps(value, option=_OPTIONS).decode("utf-8")


def loads(text: str | bytes) -> Any:
    return orjson.loads(text)


__all__ = ["dumps", "loads"]

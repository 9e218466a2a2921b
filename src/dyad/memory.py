"""Memory management for the passes that build millions of small objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a block that creates many objects which live
    until its end (a resolution batch: payload dicts, clusters, records). Its periodic passes over
    a heap of that size cost more than the work itself; reference counting still frees what the
    block drops, and the few reference cycles wait for the next pass after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


__all__ = ["gc_paused"]

"""Responses kept until the base changes.

Analysts' dashboards ask the same lists again and again; between two ingests the answer cannot
change. Each cached body is labelled with the base's generation (``store.db.base_generation``,
raised by every writing transaction): a request reads the generation (one row), and serves the
body only if its label matches. The generation is read *before* the records, so a body is never
labelled newer than the data it holds. The cache is per process, bounded in entries and bytes,
least recently used first out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable


class ResponseCache:
    def __init__(self, max_entries: int = 512, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, tuple[int, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()  # handlers run in a thread pool
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, generation: int) -> bytes | None:
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] != generation:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item[1]

    def put(self, key: Hashable, generation: int, body: bytes) -> None:
        if len(body) > self.max_bytes // 8:
            return  # one huge page must not flush everything else
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1])
            self._items[key] = (generation, body)
            self._bytes += len(body)
            while self._items and (len(self._items) > self.max_entries or self._bytes > self.max_bytes):
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= len(dropped)

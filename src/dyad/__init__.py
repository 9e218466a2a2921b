"""dyad: a resolved, sourced, temporal knowledge base of relations between states."""

__version__ = "0.1.0"

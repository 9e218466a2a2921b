"""spaCy pipeline components, one job each; patterns and word lists live in dyad/data."""

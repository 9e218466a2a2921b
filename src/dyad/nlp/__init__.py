"""Natural-language processing: spaCy loading, gazetteers, extractors, time expressions."""

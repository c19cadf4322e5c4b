"""naober — the machinery of regional cooperation between municipalities."""

__version__ = "0.1.0"

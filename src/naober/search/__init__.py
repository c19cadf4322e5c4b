"""Full-text search over meetings, agenda items, decisions, dossiers and document text.

Callers use `naober.search.services.search_for`; the engine sits behind `naober.search.backend.SearchBackend`
(tantivy today, a cluster engine later). Permission filtering happens inside the engine (docs/search.md).
"""

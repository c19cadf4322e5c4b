"""The tantivy index on disk: its schema, its version, and swapping a rebuilt index in atomically.

Layout of the search directory (`DATA_DIR/search`):

    CURRENT                 the name of the live index directory (replaced atomically)
    index-<stamp>/          tantivy's files plus naober-meta.json (schema version, analyzer)

A rebuild writes a new `index-<stamp>/` and then replaces `CURRENT`, so readers see either the old or the
new index, never half of one. An index whose metadata names another schema version or analyzer counts as
missing: searching it would give wrong results, so it is rebuilt instead.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import tantivy

from naober.search.analysis import CHOSEN, SURFACE_TOKENIZER, Analyzer, analyzer_named

# Raise when the schema, the fields' meaning or the analysis changes: existing indexes are then rebuilt.
SCHEMA_VERSION = 2  # 2: the *_rev fields are whitespace-tokenized text
META_FILE = "naober-meta.json"
POINTER_FILE = "CURRENT"
WRITER_HEAP_BYTES = 64_000_000
LOCK_WAIT_SECONDS = 30.0
# Integer stand-in for "never" in the time fields (seconds since the epoch).
NEVER = 2**62

_process_writer_lock = threading.Lock()


class IndexUnavailable(Exception):
    """No index of the current version: callers report `index_unavailable` and ask for a rebuild."""


def build_schema(analyzer: Analyzer) -> Any:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    for name in ("kind", "cooperation", "body"):
        builder.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
    builder.add_text_field("url", stored=True, tokenizer_name="raw")
    builder.add_date_field("date", stored=True, indexed=True, fast=True)
    builder.add_integer_field("year", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", stored=True, tokenizer_name=SURFACE_TOKENIZER)
    builder.add_text_field("text", stored=True, tokenizer_name=SURFACE_TOKENIZER)
    builder.add_text_field("title_stem", tokenizer_name=analyzer.stem_tokenizer)
    builder.add_text_field("text_stem", tokenizer_name=analyzer.stem_tokenizer)
    # Reversed long words (compound suffixes), written as space-separated terms; documents only, no positions.
    builder.add_text_field("title_rev", tokenizer_name="whitespace", index_option="basic")
    builder.add_text_field("text_rev", tokenizer_name="whitespace", index_option="basic")
    for name in ("cooperation_id", "level", "published_at", "secret_until", "open", "meeting_day"):
        builder.add_integer_field(name, indexed=True, fast=True)
    for name in ("recipients", "trusted_users"):
        builder.add_integer_field(name, indexed=True)
    return builder.build()


def expected_meta(analyzer_name: str = CHOSEN) -> dict[str, object]:
    return {"schema": SCHEMA_VERSION, "analyzer": analyzer_name}


class IndexDirectory:
    """The search directory with its live index; opens it lazily and follows swaps."""

    def __init__(self, root: Path | str, analyzer_name: str = CHOSEN) -> None:
        self.root = Path(root)
        self.analyzer: Analyzer = analyzer_named(analyzer_name)
        self.schema = build_schema(self.analyzer)
        self._opened: tuple[str, Any] | None = None
        self._lock = threading.Lock()

    # Reading

    def live_name(self) -> str | None:
        try:
            name = (self.root / POINTER_FILE).read_text().strip()
        except OSError:
            return None
        return name if name.startswith("index-") and (self.root / name).is_dir() else None

    def meta(self, name: str) -> dict[str, object]:
        try:
            loaded = json.loads((self.root / name / META_FILE).read_text())
        except (OSError, ValueError):
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def is_current(self, name: str | None) -> bool:
        if name is None:
            return False
        meta = self.meta(name)
        return all(meta.get(key) == value for key, value in expected_meta(self.analyzer.name).items())

    def open(self) -> Any:
        """The live index, reloaded so that this searcher sees the latest commit; IndexUnavailable if none."""
        name = self.live_name()
        if name is None or not self.is_current(name):
            raise IndexUnavailable(name or "missing")
        with self._lock:
            if self._opened is None or self._opened[0] != name:
                self._opened = (name, self._open_path(self.root / name))
            index = self._opened[1]
        index.reload()
        return index

    def _open_path(self, path: Path) -> Any:
        try:
            if not tantivy.Index.exists(str(path)) or not tantivy.Index.is_compatible(str(path)):
                raise IndexUnavailable(str(path))
            index = tantivy.Index.open(str(path))
        except (OSError, ValueError) as error:
            raise IndexUnavailable(str(path)) from error
        self.analyzer.register(index)  # custom tokenizers are not stored in the index
        return index

    # Writing

    def create(self) -> tuple[str, Any]:
        """A new, empty index directory beside the live one (not live until `publish`)."""
        self.root.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now(tz=datetime.UTC).strftime("%Y%m%dT%H%M%S")
        name = f"index-{stamp}-{uuid.uuid4().hex[:8]}"
        path = self.root / name
        path.mkdir()
        index = tantivy.Index(self.schema, path=str(path))
        self.analyzer.register(index)
        meta = {
            **expected_meta(self.analyzer.name),
            "built": datetime.datetime.now(tz=datetime.UTC).isoformat(),
        }
        (path / META_FILE).write_text(json.dumps(meta))
        return name, index

    def publish(self, name: str) -> None:
        """Make `name` the live index (atomic rename of the pointer) and remove older ones."""
        pointer = self.root / POINTER_FILE
        temporary = self.root / f".{POINTER_FILE}.{uuid.uuid4().hex}"
        temporary.write_text(name)
        os.replace(temporary, pointer)
        for path in self.root.glob("index-*"):
            if path.name != name and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)

    def discard(self, name: str) -> None:
        shutil.rmtree(self.root / name, ignore_errors=True)

    def writer(self, index: Any) -> Any:
        """The index's one writer. Another process may hold it for a moment (a rebuild, another worker):
        wait for it rather than fail, up to LOCK_WAIT_SECONDS."""
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                return index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)
            except ValueError as error:
                if "LockBusy" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    @property
    def write_lock(self) -> threading.Lock:
        return _process_writer_lock

"""Reading the YAML data files so that every mapping remembers its line, for precise error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode

from naober.demo.errors import DemoDataError


class LinedMapping(dict[str, Any]):
    """A YAML mapping with the line it starts on and the line of each value."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.value_lines: dict[str, int] = {}


class _LinedLoader(yaml.SafeLoader):
    """The safe loader (no arbitrary objects) that refuses duplicate keys instead of keeping the last."""


def _construct_mapping(loader: _LinedLoader, node: MappingNode) -> LinedMapping:
    loader.flatten_mapping(node)
    mapping = LinedMapping(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise ConstructorError(None, None, f"a key must be text, not {key!r}", key_node.start_mark)
        if key in mapping:
            raise ConstructorError(None, None, f'duplicate key "{key}"', key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.value_lines[key] = value_node.start_mark.line + 1
    return mapping


_LinedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def yaml_file_read(path: Path) -> LinedMapping:
    """One data file as a mapping; a syntax error becomes a DemoDataError naming the file and the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DemoDataError(f"{path.name}: cannot read the file: {error}") from error
    try:
        document = yaml.load(text, Loader=_LinedLoader)  # noqa: S506 - _LinedLoader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path.name}:{mark.line + 1}" if mark is not None else path.name
        if isinstance(error, ConstructorError):  # raised by _construct_mapping: the syntax is fine
            raise DemoDataError(f"{where}: {error.problem}") from error
        problem = error.problem or "unreadable YAML"
        if error.context and error.context_mark is not None and error.context_mark is not mark:
            problem += f" ({error.context} on line {error.context_mark.line + 1})"
        raise DemoDataError(f"{where}: YAML syntax error: {problem}") from error
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path.name}: YAML syntax error: {error}") from error
    if not isinstance(document, LinedMapping):
        raise DemoDataError(f"{path.name}: the file must hold a mapping (municipalities:, cooperation:, ...)")
    return document

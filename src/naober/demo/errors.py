"""The one error the demo loader raises, and the place in a data file it points at."""

from __future__ import annotations

from dataclasses import dataclass


class DemoDataError(Exception):
    """Bad demo data: the message names the file, the line, the record and the field, on one line."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


@dataclass(frozen=True)
class Place:
    """Where a record sits: `regio-amersfoort.yaml`, line 57, `bodies[3] "bo-wonen"`."""

    file: str
    record: str
    line: int | None = None

    def child(self, record: str, line: int | None = None) -> Place:
        return Place(self.file, f"{self.record}: {record}", line or self.line)

    def error(self, problem: str, *, field: str | None = None, line: int | None = None) -> DemoDataError:
        line = line or self.line
        where = f"{self.file}:{line}" if line else self.file
        about = f'{self.record}: field "{field}"' if field else self.record
        return DemoDataError(f"{where}: {about}: {problem}")

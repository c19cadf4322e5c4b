"""Council meeting evenings from iCalendar: imported once, updated on change, refused naming the event."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from naober.core.models import AuditEntry
from naober.planner.models import CouncilEvening
from naober.planner.services import council_evenings_fetch, council_evenings_import
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

ICS = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//raad//NL\r
BEGIN:VEVENT\r
UID:raad-1@example.org\r
DTSTART;TZID=Europe/Amsterdam:20270209T193000\r
DTEND;TZID=Europe/Amsterdam:20270209T230000\r
SUMMARY:Gemeenteraad\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:dag@example.org\r
DTSTART;VALUE=DATE:20270210\r
SUMMARY:Hele dag\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_import_once_then_nothing_new() -> None:
    soest = MunicipalityFactory(name="Raadsdorp", slug="raadsdorp", code="GM9990")
    assert council_evenings_import(municipality=soest, data=ICS) == 1
    evening = CouncilEvening.objects.get()
    assert evening.title == "Gemeenteraad" and evening.start.hour == 18  # 19:30 in Amsterdam is 18:30 UTC
    assert AuditEntry.objects.filter(channel="import").exists()
    assert council_evenings_import(municipality=soest, data=ICS) == 0


@translation.override("en")
def test_bad_files_are_refused_with_a_message() -> None:
    soest = MunicipalityFactory(name="Raadsdorp", slug="raadsdorp", code="GM9990")
    with pytest.raises(ValidationError, match="Not an iCalendar file"):
        council_evenings_import(municipality=soest, data=b"no calendar")
    backwards = ICS.replace(
        b"DTEND;TZID=Europe/Amsterdam:20270209T230000", b"DTEND;TZID=Europe/Amsterdam:20270209T180000"
    )
    with pytest.raises(ValidationError, match="Event Gemeenteraad on 2027-02-09"):
        council_evenings_import(municipality=soest, data=backwards)
    assert CouncilEvening.objects.count() == 0
    with pytest.raises(ValidationError, match="http or https"):
        council_evenings_fetch("file:///etc/passwd")


def test_the_command_imports_a_file_and_names_bad_input(tmp_path) -> None:
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    MunicipalityFactory(name="Raadsdorp", slug="raadsdorp", code="GM9990")
    path = tmp_path / "raad.ics"
    path.write_bytes(ICS)
    out = StringIO()
    call_command("plan", "council-evenings", "--municipality", "raadsdorp", str(path), stdout=out)
    assert "Raadsdorp: 1 council meeting evenings new or changed." in out.getvalue()
    with pytest.raises(CommandError, match="--municipality: no municipality 'nergens'") as raised:
        call_command("plan", "council-evenings", "--municipality", "nergens", str(path))
    assert raised.value.returncode == 2
    path.write_bytes(b"rubbish")
    with pytest.raises(CommandError, match="raad.ics: Geen iCalendar-bestand"):
        call_command("plan", "council-evenings", "--municipality", "raadsdorp", str(path))

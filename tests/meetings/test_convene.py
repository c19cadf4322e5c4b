from __future__ import annotations

import datetime
from dataclasses import dataclass
from email.mime.base import MIMEBase
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from naober.access.viewer import viewer_for_person
from naober.core.models import Confidentiality
from naober.governance.models import MembershipRole, Person
from naober.meetings.models import (
    AgendaItem,
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    Meeting,
    MeetingChange,
    MeetingStatus,
)
from naober.meetings.selectors import agenda_for, documents_for, meeting_recipients
from naober.meetings.services.agenda import agenda_item_add
from naober.meetings.services.convene import meeting_convene
from naober.meetings.services.documents import document_add
from naober.meetings.services.meeting import meeting_cancel, meeting_update
from tests.factories import MembershipFactory, PersonFactory, UserFactory
from tests.meetings.conftest import Chain, at, plan
from tests.samples import pdf_bytes

pytestmark = pytest.mark.django_db

FUTURE = timezone.localdate() + datetime.timedelta(days=30)
SECRET_MARKER = "Grondpositie Hoogland"
SECRET_DOCUMENT = "Taxatierapport Hoogland"
HIDDEN = "Onderhandelingsruimte"  # a secret item: in nobody's mail


@pytest.fixture(autouse=True)
def _site(settings: Any) -> None:
    settings.NAOBER_SITE_URL = "https://vergaderen.example.org"


@dataclass
class Setup:
    meeting: Meeting
    chair: Person
    member: Person
    guest: Person
    confidential_item: AgendaItem
    public_item: AgendaItem


def _person(name: str, email: str = "") -> Person:
    return PersonFactory(given_name=name, family_name="Jansen", email=email)


@pytest.fixture
def setup(chain: Chain) -> Setup:
    meeting = plan(chain.bo, FUTURE, location="Stadhuis Amersfoort", joint_bodies=[chain.board])
    chair = _person("Carla", "carla@example.org")
    member = _person("Mehmet", "mehmet@example.org")
    guest = _person("Gijs", "gijs@example.org")
    MembershipFactory(body=chain.bo, person=chair, role=MembershipRole.CHAIR)
    MembershipFactory(body=chain.bo, person=member)
    MembershipFactory(body=chain.board, person=member)  # in both bodies of the joint meeting: one mail
    MembershipFactory(body=chain.bo, person=guest, role=MembershipRole.GUEST)
    MembershipFactory(body=chain.bo, person=_person("Zonder"))  # no e-mail address: no mail
    MembershipFactory(  # left before the meeting
        body=chain.bo,
        person=_person("Oud", "oud@example.org"),
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2021, 1, 1),
    )
    public_item = agenda_item_add(meeting=meeting, title="Regionale woondeal", expected_version=None)
    confidential_item = agenda_item_add(
        meeting=meeting,
        title=SECRET_MARKER,
        confidentiality=Confidentiality.CONFIDENTIAL,
        expected_version=None,
    )
    agenda_item_add(
        meeting=meeting, title=HIDDEN, confidentiality=Confidentiality.SECRET, expected_version=None
    )
    document_add(
        title="Voorstel woondeal",
        filename="voorstel.pdf",
        content=pdf_bytes("woondeal"),
        agenda_item=public_item,
    )
    document_add(
        title=SECRET_DOCUMENT,
        filename="taxatie.pdf",
        content=pdf_bytes("taxatie"),
        agenda_item=confidential_item,
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    meeting.refresh_from_db()
    return Setup(meeting, chair, member, guest, confidential_item, public_item)


def _convene(meeting: Meeting, capture: Any) -> None:
    with capture(execute=True):
        meeting_convene(meeting=meeting, expected_version=meeting.version, by=UserFactory())


def _mail_to(email: str, subject_start: str = "") -> mail.EmailMultiAlternatives:
    found = [m for m in mail.outbox if m.to == [email] and m.subject.startswith(subject_start)]
    assert len(found) == 1, [m.subject for m in mail.outbox if m.to == [email]]
    return found[0]


def _ics(message: mail.EmailMultiAlternatives) -> bytes:
    parts = [part for part in message.attachments if isinstance(part, MIMEBase)]
    assert len(parts) == 1
    assert parts[0].get_content_type() == "text/calendar"
    payload = parts[0].get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload


def _html(message: mail.EmailMultiAlternatives) -> str:
    return str(message.alternatives[0][0])


def test_recipients_are_the_current_members_of_all_bodies_once_each(setup: Setup) -> None:
    recipients = meeting_recipients(meeting=setup.meeting)
    assert sorted((r.email, r.may_see_confidential) for r in recipients) == [
        ("carla@example.org", True),
        ("gijs@example.org", False),
        ("mehmet@example.org", True),
    ]


def test_agenda_and_documents_per_reader(setup: Setup) -> None:
    Meeting.objects.filter(pk=setup.meeting.pk).update(status=MeetingStatus.CONVENED)
    member, guest = viewer_for_person(setup.member), viewer_for_person(setup.guest)
    titles = [item.title for item in agenda_for(meeting=setup.meeting, viewer=member)]
    assert SECRET_MARKER in titles and HIDDEN not in titles
    public = [item.title for item in agenda_for(meeting=setup.meeting, viewer=guest)]
    assert SECRET_MARKER not in public and "Regionale woondeal" in public
    assert [d.document.title for d in documents_for(meeting=setup.meeting, viewer=member)] == [
        "Voorstel woondeal",
        SECRET_DOCUMENT,
    ]
    assert [d.document.title for d in documents_for(meeting=setup.meeting, viewer=guest)] == [
        "Voorstel woondeal"
    ]


@pytest.mark.parametrize("problem", ["past", "cancelled", "empty", "convened", "held"])
def test_convening_is_refused_and_nothing_changes(
    chain: Chain, django_capture_on_commit_callbacks: Any, problem: str
) -> None:
    day = FUTURE
    if problem == "past":
        day = timezone.localdate() - datetime.timedelta(days=2)
    meeting = plan(chain.bo, day, with_standard_items=problem != "empty")
    if problem in ("cancelled", "convened", "held"):
        status = {"cancelled": MeetingStatus.CANCELLED, "convened": MeetingStatus.CONVENED}
        Meeting.objects.filter(pk=meeting.pk).update(status=status.get(problem, MeetingStatus.HELD))
        meeting.refresh_from_db()
    messages = {
        "past": "in het verleden",
        "cancelled": "geannuleerd",
        "empty": "geen agendapunten",
        "convened": "al bijeengeroepen",
        "held": "al gehouden",
    }
    version, changes = meeting.version, MeetingChange.objects.count()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError, match=messages[problem]),
    ):
        meeting_convene(meeting=meeting, expected_version=meeting.version, by=None)
    meeting.refresh_from_db()
    assert meeting.version == version and meeting.convened_at is None
    assert MeetingChange.objects.count() == changes
    assert mail.outbox == [] and not Delivery.objects.exists()


def test_convening_sends_one_invitation_per_person_with_what_they_may_see(
    setup: Setup, django_capture_on_commit_callbacks: Any
) -> None:
    _convene(setup.meeting, django_capture_on_commit_callbacks)
    meeting = setup.meeting
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CONVENED and meeting.convened_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == [
        "carla@example.org",
        "gijs@example.org",
        "mehmet@example.org",
    ]

    member = _mail_to("mehmet@example.org")
    assert member.subject == f"Uitnodiging: BO Wonen {FUTURE.day} {_month(FUTURE)} {FUTURE.year}"
    assert "14:00–16:00" in member.body and "Stadhuis Amersfoort" in member.body
    for text in (member.body, _html(member)):
        assert SECRET_MARKER in text and SECRET_DOCUMENT in text and "Voorstel woondeal" in text
        assert HIDDEN not in text
    confidential_document = meeting.documents.get(title=SECRET_DOCUMENT)
    assert f"https://vergaderen.example.org/documenten/{confidential_document.pk}/download/" in member.body

    guest = _mail_to("gijs@example.org")
    for text in (guest.body, _html(guest), _ics(guest).decode()):
        assert SECRET_MARKER not in text and SECRET_DOCUMENT not in text and HIDDEN not in text
    assert "Voorstel woondeal" in guest.body and "Regionale woondeal" in _html(guest)
    assert f"/documenten/{confidential_document.pk}/" not in guest.body

    deliveries = Delivery.objects.filter(meeting=meeting)
    assert sorted(deliveries.values_list("email", "kind", "status", "meeting_version")) == [
        (email, DeliveryKind.INVITATION, DeliveryStatus.SENT, meeting.version)
        for email in ("carla@example.org", "gijs@example.org", "mehmet@example.org")
    ]


def _month(day: datetime.date) -> str:
    return [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ][day.month - 1]  # fmt: skip


def test_invitation_calendar_is_a_valid_request(
    setup: Setup, django_capture_on_commit_callbacks: Any
) -> None:
    _convene(setup.meeting, django_capture_on_commit_callbacks)
    message = _mail_to("carla@example.org")
    part = next(p for p in message.attachments if isinstance(p, MIMEBase))
    assert part.get_param("method") == "REQUEST"
    raw = _ics(message)
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    calendar = Calendar.from_ical(raw)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == f"meeting-{setup.meeting.pk}@vergaderen.example.org"
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DTSTART") == at(FUTURE, 14)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["ORGANIZER"]).startswith("mailto:")
    assert str(event["ATTENDEE"]) == "mailto:carla@example.org"
    assert str(event["LOCATION"]) == "Stadhuis Amersfoort"


def test_one_failing_address_is_recorded_and_the_others_still_go_out(
    setup: Setup, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.mail.backends.locmem import EmailBackend

    original = EmailBackend.send_messages

    def flaky(self: EmailBackend, messages: list[Any]) -> int:
        if any("gijs@example.org" in message.to for message in messages):
            raise OSError("mailbox unavailable")
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", flaky)
    _convene(setup.meeting, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    failed = Delivery.objects.get(status=DeliveryStatus.FAILED)
    assert failed.email == "gijs@example.org" and "mailbox unavailable" in failed.error
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 2


def test_a_change_after_convening_sends_an_update_once(
    setup: Setup, django_capture_on_commit_callbacks: Any
) -> None:
    meeting = setup.meeting
    _convene(meeting, django_capture_on_commit_callbacks)
    meeting.refresh_from_db()
    first_sequence = Calendar.from_ical(_ics(_mail_to("carla@example.org"))).walk("VEVENT")[0]["SEQUENCE"]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meeting_update(meeting=meeting, expected_version=meeting.version, location="Raadzaal Soest")
    assert len(mail.outbox) == 3
    update = _mail_to("gijs@example.org", "Wijziging: BO Wonen")
    assert "Vergadering gewijzigd: locatie" in update.body and "Raadzaal Soest" in update.body
    event = Calendar.from_ical(_ics(update)).walk("VEVENT")[0]
    assert event["SEQUENCE"] > first_sequence
    assert str(event["UID"]) == f"meeting-{meeting.pk}@vergaderen.example.org"
    assert not MeetingChange.objects.filter(meeting=meeting, after_convening=True, notified_at=None).exists()
    assert Delivery.objects.filter(kind=DeliveryKind.UPDATE).count() == 3

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        agenda_item_add(meeting=meeting, title="Mobiliteitsvisie", expected_version=meeting.version)
    update = _mail_to("carla@example.org", "Wijziging:")
    assert "Punt toegevoegd: Mobiliteitsvisie" in update.body
    assert "Vergadering gewijzigd" not in update.body  # the first change was already sent


def test_a_confidential_change_is_not_mailed_to_guests(
    setup: Setup, django_capture_on_commit_callbacks: Any
) -> None:
    meeting = setup.meeting
    _convene(meeting, django_capture_on_commit_callbacks)
    meeting.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        agenda_item_add(
            meeting=meeting,
            title="Aankoop Vathorst",
            confidentiality=Confidentiality.CONFIDENTIAL,
            expected_version=meeting.version,
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["carla@example.org", "mehmet@example.org"]
    assert "Punt toegevoegd: Aankoop Vathorst" in _mail_to("carla@example.org").body


def test_several_quick_changes_make_one_update(setup: Setup, django_capture_on_commit_callbacks: Any) -> None:
    meeting = setup.meeting
    _convene(meeting, django_capture_on_commit_callbacks)
    meeting.refresh_from_db()
    mail.outbox.clear()
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        meeting_update(meeting=meeting, expected_version=meeting.version, location="Raadzaal Soest")
        agenda_item_add(meeting=meeting, title="Mobiliteitsvisie", expected_version=meeting.version)
    update = _mail_to("carla@example.org")
    assert "Raadzaal Soest" in update.body and "Mobiliteitsvisie" in update.body


def test_cancelling_a_convened_meeting_sends_a_cancellation(
    setup: Setup, django_capture_on_commit_callbacks: Any
) -> None:
    meeting = setup.meeting
    _convene(meeting, django_capture_on_commit_callbacks)
    meeting.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(meeting=meeting, reason="Te weinig agendapunten", expected_version=meeting.version)
    assert len(mail.outbox) == 3
    message = _mail_to("mehmet@example.org", "Afgelast: BO Wonen")
    assert "Te weinig agendapunten" in message.body
    part = next(p for p in message.attachments if isinstance(p, MIMEBase))
    assert part.get_param("method") == "CANCEL"
    calendar = Calendar.from_ical(_ics(message))
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    assert Delivery.objects.filter(kind=DeliveryKind.CANCELLATION).count() == 3


def test_cancelling_a_meeting_that_was_never_convened_mails_nobody(
    chain: Chain, django_capture_on_commit_callbacks: Any
) -> None:
    meeting = plan(chain.bo, FUTURE)
    MembershipFactory(body=chain.bo, person=_person("Carla", "carla@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(meeting=meeting, reason="Geen punten", expected_version=meeting.version)
    assert mail.outbox == []


def test_sending_again_reaches_only_the_newcomers_with_bounded_queries(
    setup: Setup, chain: Chain, django_capture_on_commit_callbacks: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from naober.meetings.services.convene import invitations_send

    _convene(setup.meeting, django_capture_on_commit_callbacks)
    for number in range(4):
        MembershipFactory(body=chain.bo, person=_person(f"Nieuw{number}", f"nieuw{number}@example.org"))
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        invitations_send(meeting_id=setup.meeting.pk)
    assert sorted(m.to[0] for m in mail.outbox) == [f"nieuw{number}@example.org" for number in range(4)]
    reads = [q for q in queries.captured_queries if not q["sql"].startswith("INSERT")]
    assert len(reads) <= 10  # the same few reads for 4 or 400 people; one insert per Delivery

"""Every visibility rule of naober.access.rules, per kind of reader."""

from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from naober.access.models import LegalGround, Secrecy
from naober.access.rules import (
    agenda_item_visible,
    document_is_public,
    document_visible,
    dossier_visible,
    meeting_visible,
)
from naober.access.secrecy import secrecy_impose, secrecy_lift
from naober.access.viewer import ANONYMOUS, viewer_for, viewer_from_request
from naober.core.models import Confidentiality
from naober.governance.models import MembershipRole
from naober.meetings.models import AgendaItem, Consultation, ConsultationRole, Document, MeetingStatus
from naober.meetings.services.dossier import dossier_create
from tests.access.conftest import PAST, World, document, item, meeting, set_status
from tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

READERS = ("anonymous", "stranger", "guest", "member", "editor", "admin", "other_editor", "platform_admin")


def seeing(world: World, check: object, thing: object) -> set[str]:
    return {name for name in READERS if check(world.viewer(name), thing)}


def test_a_planned_meeting_is_under_embargo_for_all_but_its_editors(world: World) -> None:
    planned = meeting(world.chain, MeetingStatus.PLANNED)
    public = item(planned, "Woondeal")
    doc = document("Voorstel", on_item=public)
    editors = {"editor", "admin", "platform_admin"}
    assert seeing(world, meeting_visible, planned) == editors
    assert seeing(world, agenda_item_visible, public) == editors
    assert seeing(world, document_visible, doc) == editors
    assert not document_is_public(doc)


@pytest.mark.parametrize("status", [MeetingStatus.CONVENED, MeetingStatus.HELD])
def test_convening_makes_public_items_public(world: World, status: str) -> None:
    convened = meeting(world.chain)
    public = item(convened, "Woondeal")
    doc = document("Voorstel", on_item=public)
    set_status(convened, status)
    assert seeing(world, agenda_item_visible, public) == set(READERS)
    assert seeing(world, document_visible, doc) == set(READERS)
    assert document_is_public(doc)


def test_a_meeting_cancelled_after_convening_stays_public_one_cancelled_before_never_was(
    world: World,
) -> None:
    sent = meeting(world.chain)
    sent_item = item(sent, "Eerst verzonden")
    never = meeting(world.chain, MeetingStatus.PLANNED)
    never_item = item(never, "Nooit verzonden")
    set_status(sent, MeetingStatus.CANCELLED)
    set_status(never, MeetingStatus.CANCELLED, convened=False)
    assert agenda_item_visible(ANONYMOUS, sent_item)
    assert not agenda_item_visible(ANONYMOUS, never_item)


def test_an_embargo_keeps_an_item_and_a_document_from_the_public_until_its_moment(world: World) -> None:
    convened = meeting(world.chain)
    later = item(convened, "Persbericht")
    doc = document("Persbericht", on_item=item(convened, "Bijlagen"))
    soon = timezone.now() + datetime.timedelta(hours=2)
    AgendaItem.objects.filter(pk=later.pk).update(embargo_until=soon)
    Document.objects.filter(pk=doc.pk).update(embargo_until=soon)
    trusted = {"member", "editor", "admin", "platform_admin"}
    assert seeing(world, agenda_item_visible, later) == trusted
    assert seeing(world, document_visible, doc) == trusted
    passed = timezone.now() - datetime.timedelta(minutes=1)
    AgendaItem.objects.filter(pk=later.pk).update(embargo_until=passed)
    Document.objects.filter(pk=doc.pk).update(embargo_until=passed)
    assert agenda_item_visible(ANONYMOUS, later) and document_visible(ANONYMOUS, doc)


def test_confidential_is_for_members_and_the_cooperations_editors(world: World) -> None:
    convened = meeting(world.chain)
    closed = item(convened, "Grondpositie", Confidentiality.CONFIDENTIAL)
    doc = document("Taxatie", on_item=item(convened, "Woondeal"), level=Confidentiality.CONFIDENTIAL)
    trusted = {"member", "editor", "admin", "platform_admin"}
    assert seeing(world, agenda_item_visible, closed) == trusted
    assert seeing(world, document_visible, doc) == trusted


def test_membership_counts_on_the_meeting_date_or_today(world: World) -> None:
    held = meeting(world.chain, day=PAST)
    closed = item(held, "Grondpositie", Confidentiality.CONFIDENTIAL)
    set_status(held, MeetingStatus.HELD)
    former, newcomer, joint = UserFactory(), UserFactory(), UserFactory()
    MembershipFactory(  # sat in the body on the meeting's date, left since
        body=world.chain.bo,
        person=PersonFactory(user=former),
        start_date=PAST - datetime.timedelta(days=400),
        end_date=PAST + datetime.timedelta(days=1),
    )
    MembershipFactory(  # joined after the meeting
        body=world.chain.bo, person=PersonFactory(user=newcomer), start_date=timezone.localdate()
    )
    assert agenda_item_visible(viewer_for(former), closed)
    assert agenda_item_visible(viewer_for(newcomer), closed)
    left_before = UserFactory()
    MembershipFactory(
        body=world.chain.bo,
        person=PersonFactory(user=left_before),
        start_date=PAST - datetime.timedelta(days=400),
        end_date=PAST - datetime.timedelta(days=10),
    )
    assert not agenda_item_visible(viewer_for(left_before), closed)
    # A member of a body meeting jointly sees it too.
    held.joint_bodies.add(world.chain.board)
    MembershipFactory(body=world.chain.board, person=PersonFactory(user=joint))
    assert agenda_item_visible(viewer_for(joint), closed)


def _secret(world: World, target: AgendaItem | Document, *recipients: object) -> Secrecy:
    field = "item" if isinstance(target, AgendaItem) else "document"
    return secrecy_impose(
        **{field: target},
        imposed_by=world.chain.bo,
        legal_ground=LegalGround.ECONOMIC_INTERESTS,
        recipients=recipients,
        by=None,
    )


def test_secret_is_only_for_its_recipients_not_for_editors_or_platform_admins(world: World) -> None:
    convened = meeting(world.chain)
    hidden = item(convened, "Onderhandelingsruimte")
    doc = document("Bod", on_item=hidden)
    outsider = UserFactory(username="adviseur")  # a recipient without any other role
    _secret(world, hidden, world.member, outsider)
    assert seeing(world, agenda_item_visible, hidden) == {"member"}
    assert seeing(world, document_visible, doc) == {"member"}
    assert agenda_item_visible(viewer_for(outsider), hidden)


def test_marked_secret_without_a_secrecy_is_for_nobody(world: World) -> None:
    hidden = item(meeting(world.chain), "Zonder lijst", Confidentiality.SECRET)
    assert seeing(world, agenda_item_visible, hidden) == set()


def test_a_secret_document_on_a_public_item(world: World) -> None:
    public = item(meeting(world.chain), "Woondeal")
    doc = document("Taxatierapport", on_item=public)
    _secret(world, doc, world.editor)
    assert seeing(world, agenda_item_visible, public) == set(READERS)
    assert seeing(world, document_visible, doc) == {"editor"}


@pytest.mark.parametrize("how", ["lifted", "date passed"])
def test_lifted_secrecy_falls_back_to_confidential(world: World, how: str) -> None:
    hidden = item(meeting(world.chain), "Onderhandelingsruimte")
    outsider = UserFactory()
    secrecy = _secret(world, hidden, outsider)
    if how == "lifted":
        secrecy_lift(secrecy=secrecy, lifted_by=world.chain.bo, by=None)
        hidden.refresh_from_db()
        assert hidden.confidentiality == Confidentiality.CONFIDENTIAL
    else:
        Secrecy.objects.filter(pk=secrecy.pk).update(
            imposed_on=timezone.localdate() - datetime.timedelta(days=10), lift_on=timezone.localdate()
        )
    assert seeing(world, agenda_item_visible, hidden) == {"member", "editor", "admin", "platform_admin"}
    assert agenda_item_visible(viewer_for(outsider), hidden)  # lifting never takes access away


def test_a_sub_item_is_as_closed_as_its_parent(world: World) -> None:
    convened = meeting(world.chain)
    closed = item(convened, "Grond", Confidentiality.CONFIDENTIAL)
    child = item(convened, "Deelpunt", parent=closed)
    assert seeing(world, agenda_item_visible, child) == {"member", "editor", "admin", "platform_admin"}
    secret = item(convened, "Geheim")
    confidential_child = item(convened, "Geheim deelpunt", Confidentiality.CONFIDENTIAL, parent=secret)
    doc = document("Bijlage", on_item=confidential_child)
    outsider = UserFactory()
    _secret(world, secret, outsider)
    # The parent's recipients see the parts inside it, members and editors do not.
    assert seeing(world, agenda_item_visible, confidential_child) == set()
    assert agenda_item_visible(viewer_for(outsider), confidential_child)
    assert document_visible(viewer_for(outsider), doc)
    assert not document_visible(world.viewer("editor"), doc)


def test_a_document_on_a_confidential_item_is_confidential(world: World) -> None:
    convened = meeting(world.chain)
    doc = document("Voorstel", on_item=item(convened, "Grond", Confidentiality.CONFIDENTIAL))
    assert seeing(world, document_visible, doc) == {"member", "editor", "admin", "platform_admin"}
    loose = document("Agenda", on_meeting=convened)
    assert seeing(world, document_visible, loose) == set(READERS)


def test_dossiers_follow_their_route(world: World) -> None:
    chain = world.chain
    dossier = dossier_create(cooperation=chain.cooperation, title="Woonvisie")
    assert seeing(world, dossier_visible, dossier) == {"editor", "admin", "platform_admin"}
    convened = meeting(chain)
    step = item(convened, "Woonvisie")
    AgendaItem.objects.filter(pk=step.pk).update(dossier=dossier)
    assert seeing(world, dossier_visible, dossier) == set(READERS)

    closed = dossier_create(
        cooperation=chain.cooperation, title="Grondbeleid", confidentiality=Confidentiality.CONFIDENTIAL
    )
    Consultation.objects.create(dossier=closed, body=chain.bo, role=ConsultationRole.ADVISE, position=1)
    AgendaItem.objects.filter(pk=item(convened, "Grondbeleid").pk).update(dossier=closed)
    route_member_elsewhere = UserFactory()  # a member of a body not on the route
    MembershipFactory(
        body=BodyFactory(cooperation=chain.cooperation), person=PersonFactory(user=route_member_elsewhere)
    )
    assert seeing(world, dossier_visible, closed) == {"member", "editor", "admin", "platform_admin"}
    assert not dossier_visible(viewer_for(route_member_elsewhere), closed)
    loose = document("Notitie", dossier=closed, level=Confidentiality.CONFIDENTIAL)
    assert seeing(world, document_visible, loose) == {"member", "editor", "admin", "platform_admin"}

    secret = dossier_create(cooperation=chain.cooperation, title="Overname")
    secrecy_impose(
        dossier=secret,
        imposed_by=chain.board,
        legal_ground=LegalGround.PRIVACY,
        recipients=[world.guest],
        by=None,
    )
    assert seeing(world, dossier_visible, secret) == set()  # no published step yet, even for the recipient
    AgendaItem.objects.filter(pk=item(convened, "Overname").pk).update(dossier=secret)
    assert seeing(world, dossier_visible, secret) == {"guest"}


def test_guests_are_no_members(world: World) -> None:
    MembershipFactory(body=world.chain.ao, person=world.member_person, role=MembershipRole.GUEST)
    viewer = world.viewer("member")
    assert viewer.member_body_ids == {world.chain.bo.pk}
    assert world.viewer("guest").member_body_ids == frozenset()


def test_the_viewer_is_built_once_per_request(world: World, django_assert_num_queries: object) -> None:
    request = RequestFactory().get("/")
    request.user = world.member
    first = viewer_from_request(request)
    with django_assert_num_queries(0):
        assert viewer_from_request(request) is first
    assert (
        first.user_id == world.member.pk
        and first.is_authenticated
        and not first.may_edit(world.chain.cooperation.pk)
    )
    admin = viewer_for(world.admin)
    assert admin.may_edit(world.chain.cooperation.pk) and admin.may_administer(world.chain.cooperation.pk)
    assert not viewer_for(world.editor).may_administer(world.chain.cooperation.pk)
    inactive = UserFactory(is_active=False)
    assert viewer_for(inactive) == ANONYMOUS

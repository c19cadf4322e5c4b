"""Opening rounds, recording outcomes and corrections; each refusal clear, nothing half-written."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from naober.core.models import AuditEntry
from naober.councils.models import (
    ConsultationRound,
    DeadlineRule,
    MemberStatus,
    OutcomeCorrection,
    RoundMember,
)
from naober.councils.services import member_plan, member_withdraw, outcome_record, round_close, round_open
from naober.registry.models import Participation
from tests.councils.factories import budget_round, public_dossier, region
from tests.factories import MunicipalityFactory, ParticipationFactory, TopicFactory, UserFactory
from tests.samples import pdf_bytes

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def world():
    return region()


def test_round_open_defaults_members_and_the_twelve_week_deadline(world) -> None:
    dossier = public_dossier(world)
    sent = TODAY - datetime.timedelta(days=3)
    opened = round_open(dossier=dossier, kind="budget", sent_on=sent, by=world.editor)
    assert opened.deadline == sent + datetime.timedelta(weeks=12)
    assert opened.financial is True
    members = list(opened.members.order_by("municipality__name").values_list("municipality__slug", flat=True))
    assert members == sorted(municipality.slug for municipality in world.members)
    assert all(member.deadline == opened.deadline for member in opened.members.all())
    assert AuditEntry.objects.filter(
        object_type="councils.consultationround", cooperation_id=world.cooperation.pk
    ).exists()
    assert (
        AuditEntry.objects.filter(
            object_type="councils.roundmember", cooperation_id=world.cooperation.pk
        ).count()
        == 4
    )


def test_regulation_gets_eight_weeks_and_a_cooperation_rule_overrides(world) -> None:
    dossier = public_dossier(world)
    opened = round_open(dossier=dossier, kind="regulation", sent_on=TODAY, by=None)
    assert opened.deadline == TODAY + datetime.timedelta(weeks=8)
    DeadlineRule.objects.create(cooperation=world.cooperation, kind="consent", weeks=6)
    consent = round_open(dossier=dossier, kind="consent", sent_on=TODAY, by=None)
    assert consent.deadline == TODAY + datetime.timedelta(weeks=6)


def test_members_default_to_the_topic_participants(world) -> None:
    topic = TopicFactory(cooperation=world.cooperation)
    chooser = world.members[0]
    participation = Participation.objects.get(cooperation=world.cooperation, municipality=chooser)
    Participation.objects.filter(pk=participation.pk).update(scope="topics")
    participation.topics.set([topic])
    others = world.members[1:]
    for municipality in others:
        Participation.objects.filter(cooperation=world.cooperation, municipality=municipality).update(
            scope="topics"
        )
    dossier = public_dossier(world)
    dossier.topic = topic
    dossier.save()
    opened = round_open(dossier=dossier, kind="consent", sent_on=TODAY, by=None)
    assert list(opened.members.values_list("municipality_id", flat=True)) == [chooser.pk]


def test_a_deadline_before_the_sending_date_is_refused(world) -> None:
    dossier = public_dossier(world)
    with pytest.raises(ValidationError, match="deadline must lie after the sending date"):
        round_open(
            dossier=dossier,
            kind="budget",
            sent_on=TODAY,
            deadline=TODAY - datetime.timedelta(days=1),
            by=None,
        )
    assert not ConsultationRound.objects.exists()


def test_a_non_member_is_refused_and_nothing_is_written(world) -> None:
    dossier = public_dossier(world)
    stranger = MunicipalityFactory(name="Elders")
    with pytest.raises(ValidationError, match="Elders"):
        round_open(
            dossier=dossier, kind="budget", sent_on=TODAY, members=[world.members[0], stranger], by=None
        )
    assert not ConsultationRound.objects.exists()
    assert not RoundMember.objects.exists()


def test_only_editors_open_rounds(world) -> None:
    dossier = public_dossier(world)
    with pytest.raises(PermissionDenied):
        round_open(dossier=dossier, kind="budget", sent_on=TODAY, by=UserFactory())


def test_identical_decision_needs_the_regional_text(world) -> None:
    with pytest.raises(ValidationError, match="regional text"):
        round_open(dossier=public_dossier(world), kind="identical", sent_on=TODAY, by=None)


def test_outcome_for_a_member_outside_the_round_is_refused(world) -> None:
    from naober.councils.services import member_of_round

    opened = budget_round(world, public_dossier(world), members=world.members[:2])
    with pytest.raises(ValidationError, match="not consulted in this round"):
        member_of_round(consultation_round=opened, municipality=world.members[3])


def test_a_second_outcome_needs_a_correction_with_reason(world) -> None:
    opened = budget_round(world, public_dossier(world))
    member = opened.members.get(municipality=world.members[0])
    outcome_record(member=member, outcome="agrees", decided_on=TODAY, text="Eens.", by=world.editor)
    with pytest.raises(ValidationError, match="has an outcome already"):
        outcome_record(member=member, outcome="disagrees", decided_on=TODAY, by=world.editor)
    member.refresh_from_db()
    assert member.outcome == "agrees"
    corrected = outcome_record(
        member=member,
        outcome="remarks",
        decided_on=TODAY,
        text="Eens, met opmerkingen.",
        correction_reason="Het raadsbesluit was verkeerd overgenomen.",
        by=world.editor,
    )
    assert corrected.outcome == "remarks"
    history = OutcomeCorrection.objects.get(member=member)
    assert (history.previous_outcome, history.previous_text) == ("agrees", "Eens.")
    with pytest.raises(ValidationError, match="no outcome to correct"):
        outcome_record(
            member=opened.members.get(municipality=world.members[1]),
            outcome="agrees",
            decided_on=TODAY,
            correction_reason="x",
            by=world.editor,
        )


def test_a_clerk_records_for_their_own_municipality_only(world) -> None:
    opened = budget_round(world, public_dossier(world))
    own = opened.members.get(municipality=world.members[0])
    other = opened.members.get(municipality=world.members[1])
    clerk = world.clerks[world.members[0].slug]
    with pytest.raises(PermissionDenied, match="own municipality"):
        outcome_record(member=other, outcome="agrees", decided_on=TODAY, by=clerk, as_clerk=True)
    other.refresh_from_db()
    assert other.outcome == ""
    recorded = outcome_record(
        member=own,
        outcome="agrees",
        decided_on=TODAY,
        by=clerk,
        as_clerk=True,
        document=("raadsbesluit.pdf", pdf_bytes("Raadsbesluit")),
    )
    assert recorded.status == MemberStatus.DECIDED
    assert recorded.opinion_document_type == "application/pdf"


def test_a_disguised_decision_file_is_refused_and_nothing_is_written(world) -> None:
    opened = budget_round(world, public_dossier(world))
    member = opened.members.get(municipality=world.members[0])
    with pytest.raises(ValidationError):
        outcome_record(
            member=member, outcome="agrees", decided_on=TODAY, by=None, document=("besluit.pdf", b"MZ\x90")
        )
    member.refresh_from_db()
    assert member.outcome == ""


def test_future_and_early_decision_dates_are_refused(world) -> None:
    opened = budget_round(world, public_dossier(world), days_ago=5)
    member = opened.members.first()
    with pytest.raises(ValidationError, match="future"):
        outcome_record(
            member=member, outcome="agrees", decided_on=TODAY + datetime.timedelta(days=1), by=None
        )
    with pytest.raises(ValidationError, match="before the proposal was sent"):
        outcome_record(
            member=member, outcome="agrees", decided_on=TODAY - datetime.timedelta(days=6), by=None
        )


def test_identical_text_is_compared_and_diffed(world) -> None:
    from naober.councils.diff import text_diff

    text = "Het college besluit:\n1. in te stemmen;\n2. te evalueren in 2029."
    opened = round_open(
        dossier=public_dossier(world), kind="identical", sent_on=TODAY, regional_text=text, by=None
    )
    same, other = list(opened.members.order_by("municipality__name")[:2])
    assert (
        outcome_record(
            member=same, outcome="agrees", decided_on=TODAY, text=text.replace("\n", "\r\n  "), by=None
        ).identical_text
        is True
    )
    differing = outcome_record(
        member=other, outcome="agrees", decided_on=TODAY, text=text.replace("2029", "2028"), by=None
    )
    assert differing.identical_text is False
    rows = text_diff(differing)
    assert ("removed", "2. te evalueren in 2029.") in rows
    assert ("added", "2. te evalueren in 2028.") in rows


def test_plan_withdraw_and_close(world) -> None:
    opened = budget_round(world, public_dossier(world))
    first, second, third, _fourth = list(opened.members.order_by("municipality__name"))
    assert (
        member_plan(member=first, planned_council_date=TODAY + datetime.timedelta(days=3), by=None).status
        == "agenda"
    )
    member_withdraw(member=second, by=None)
    outcome_record(member=third, outcome="agrees", decided_on=TODAY, by=None)
    round_close(consultation_round=opened, by=None)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.outcome == "none"
    assert second.outcome == "" and second.status == "withdrawn"
    with pytest.raises(ValidationError, match="withdrawn"):
        outcome_record(member=second, outcome="agrees", decided_on=TODAY, by=None)


def test_member_who_left_does_not_count_in_the_roll_up(world) -> None:
    from naober.councils.selectors import round_view

    opened = budget_round(world, public_dossier(world), days_ago=40)
    leaving = world.members[3]
    Participation.objects.filter(cooperation=world.cooperation, municipality=leaving).update(
        left_on=TODAY - datetime.timedelta(days=10)
    )
    for member in opened.members.exclude(municipality=leaving)[:2]:
        outcome_record(member=member, outcome="agrees", decided_on=TODAY, by=None)
    view = round_view(consultation_round=opened, today=TODAY)
    assert "1 member no longer counts" in view.roll_up.reason
    assert view.roll_up.result == "adopted"  # 2 of 3 remaining: more than half


def test_overdue_is_shown_after_the_deadline(world) -> None:
    opened = budget_round(world, public_dossier(world), days_ago=100)
    member = opened.members.first()
    assert member.status_on(TODAY) == "overdue"
    assert member.status_on(member.deadline) == "sent"


def test_municipality_joining_later_is_not_a_member_on_the_sending_date(world) -> None:
    late = MunicipalityFactory(name="Laatkomer")
    ParticipationFactory(cooperation=world.cooperation, municipality=late, joined_on=TODAY)
    with pytest.raises(ValidationError, match="Laatkomer"):
        round_open(
            dossier=public_dossier(world),
            kind="budget",
            sent_on=TODAY - datetime.timedelta(days=1),
            members=[late],
            by=None,
        )


def test_a_stale_copy_cannot_record_a_second_first_outcome(world) -> None:
    opened = budget_round(world, public_dossier(world))
    first_copy = opened.members.get(municipality=world.members[0])
    second_copy = RoundMember.objects.get(pk=first_copy.pk)
    outcome_record(member=first_copy, outcome="agrees", decided_on=TODAY, by=None)
    with pytest.raises(ValidationError, match="has an outcome already"):
        outcome_record(member=second_copy, outcome="disagrees", decided_on=TODAY, by=None)
    assert RoundMember.objects.get(pk=first_copy.pk).outcome == "agrees"

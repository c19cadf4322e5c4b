from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from naober.core.models import Confidentiality
from naober.meetings.models import AgendaItem, ConsultationRole, MeetingChange
from naober.meetings.services.agenda import (
    agenda_item_add,
    agenda_item_forward,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_update,
    agenda_reorder,
)
from naober.meetings.services.concurrency import ConcurrencyConflict
from naober.meetings.services.meeting import meeting_cancel
from tests.factories import UserFactory
from tests.meetings.conftest import Chain, plan

DAY = timezone.localdate() + datetime.timedelta(days=30)


def numbers(meeting) -> list[tuple[str, str]]:
    return [(item.number, item.title) for item in meeting.agenda_items.order_by("position")]


def test_new_items_go_before_any_other_business_and_are_numbered(chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    agenda_item_add(meeting=meeting, title="Woondeal", expected_version=meeting.version)
    agenda_item_add(meeting=meeting, title="Huisvesting arbeidsmigranten", expected_version=meeting.version)
    assert numbers(meeting)[3:] == [
        ("4", "Woondeal"),
        ("5", "Huisvesting arbeidsmigranten"),
        ("6", "Rondvraag"),
        ("7", "Sluiting"),
    ]


def test_sub_items_are_numbered_under_their_item(chain: Chain) -> None:
    meeting = plan(chain.bo, DAY, with_standard_items=False)
    main = agenda_item_add(meeting=meeting, title="Regionale woningbouw", expected_version=None)
    agenda_item_add(meeting=meeting, title="Volgend", expected_version=None)
    agenda_item_add(meeting=meeting, title="Monitor", parent=main, expected_version=None)
    agenda_item_add(meeting=meeting, title="Programmering", parent=main, expected_version=None)
    assert numbers(meeting) == [
        ("1", "Regionale woningbouw"),
        ("1.1", "Monitor"),
        ("1.2", "Programmering"),
        ("2", "Volgend"),
    ]
    sub = AgendaItem.objects.get(title="Monitor")
    with pytest.raises(ValidationError, match="geen eigen subpunten"):
        agenda_item_add(meeting=meeting, title="Te diep", parent=sub, expected_version=None)


def test_reorder_keeps_sub_items_with_their_item(chain: Chain) -> None:
    meeting = plan(chain.bo, DAY, with_standard_items=False)
    first = agenda_item_add(meeting=meeting, title="A", expected_version=None)
    agenda_item_add(meeting=meeting, title="A1", parent=first, expected_version=None)
    second = agenda_item_add(meeting=meeting, title="B", expected_version=None)
    meeting.refresh_from_db()
    agenda_reorder(meeting=meeting, item_ids=[second.pk, first.pk], expected_version=meeting.version)
    assert numbers(meeting) == [("1", "B"), ("2", "A"), ("2.1", "A1")]
    with pytest.raises(ValidationError, match="precies één keer"):
        agenda_reorder(meeting=meeting, item_ids=[second.pk], expected_version=meeting.version)


def test_second_editor_gets_a_conflict_with_the_first_editors_change(chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    seen_by_both = meeting.version
    anna = UserFactory(username="anna")
    agenda_item_add(meeting=meeting, title="Woondeal", expected_version=seen_by_both, by=anna)
    with pytest.raises(ConcurrencyConflict) as conflict:
        agenda_item_add(meeting=meeting, title="Mobiliteit", expected_version=seen_by_both)
    assert [(change.by, change.summary) for change in conflict.value.changes] == [
        (anna, "Punt toegevoegd: Woondeal")
    ]
    assert not AgendaItem.objects.filter(title="Mobiliteit").exists()


def test_remove_renumbers_and_refuses_decided_items(chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None)
    agenda_item_remove(item=item, expected_version=None)
    assert [number for number, _ in numbers(meeting)] == ["1", "2", "3", "4", "5"]


def test_move_to_a_later_meeting(chain: Chain) -> None:
    first = plan(chain.bo, DAY)
    later = plan(chain.bo, DAY + datetime.timedelta(days=28))
    item = agenda_item_add(meeting=first, title="Woondeal", expected_version=None)
    agenda_item_add(meeting=first, title="Bijlage", parent=item, expected_version=None)
    first.refresh_from_db()
    agenda_item_move(item=item, to_meeting=later, expected_version=first.version)
    assert "Woondeal" not in [title for _, title in numbers(first)]
    assert numbers(later)[3:5] == [("4", "Woondeal"), ("4.1", "Bijlage")]


def test_forward_along_the_chain_keeps_the_dossier_link(chain: Chain) -> None:
    ao = plan(chain.ao, DAY, hour=10)
    bo = plan(chain.bo, DAY + datetime.timedelta(days=14))
    board = plan(chain.board, DAY + datetime.timedelta(days=35))
    item = agenda_item_add(
        meeting=ao,
        title="Regionale woondeal",
        confidentiality=Confidentiality.CONFIDENTIAL,
        expected_version=None,
    )
    in_bo = agenda_item_forward(item=item, to_body=chain.bo, role=ConsultationRole.ADVISE)
    in_board = agenda_item_forward(item=in_bo, to_body=chain.board, role=ConsultationRole.DECIDE)
    item.refresh_from_db()
    dossier = item.dossier
    assert dossier is not None and in_bo.dossier == dossier and in_board.dossier == dossier
    assert in_bo.meeting == bo and in_board.meeting == board
    assert in_board.forwarded_from == in_bo and in_bo.forwarded_from == item
    assert in_board.confidentiality == Confidentiality.CONFIDENTIAL
    route = [(step.body, step.role, step.agenda_item) for step in dossier.consultations.order_by("position")]
    assert route == [
        (chain.ao, "prepare", item),
        (chain.bo, "advise", in_bo),
        (chain.board, "decide", in_board),
    ]


def test_forward_needs_a_planned_meeting(chain: Chain) -> None:
    ao = plan(chain.ao, DAY)
    item = agenda_item_add(meeting=ao, title="Woondeal", expected_version=None)
    with pytest.raises(ValidationError, match="geen geplande vergadering"):
        agenda_item_forward(item=item, to_body=chain.bo)


def test_changes_to_a_cancelled_meeting_are_refused(chain: Chain) -> None:
    meeting = plan(chain.bo, DAY)
    item = agenda_item_add(meeting=meeting, title="Woondeal", expected_version=None)
    meeting_cancel(meeting=meeting, reason="Vervalt", expected_version=None)
    with pytest.raises(ValidationError, match="geannuleerd"):
        agenda_item_update(item=item, expected_version=None, title="Nieuw")
    assert MeetingChange.objects.filter(meeting=meeting).last().summary == "Vergadering geannuleerd: Vervalt"


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("Regio Amersfoort", "AME"),
        ("Regio Achterhoek", "ACH"),
        ("SamenTwente", "TWE"),
        ("Denderregio", "DEN"),
        ("Regio 9", "DOS"),
    ],
)
def test_dossier_references_tell_cooperations_apart(name: str, prefix: str) -> None:
    from naober.meetings.services.dossier import dossier_prefix
    from naober.registry.models import Cooperation

    assert dossier_prefix(Cooperation(name=name)) == prefix

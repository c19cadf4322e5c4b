"""Permission filtering happens inside the engine: closed content never reaches hits, totals, facets or
snippets of someone who may not see it, and the engine agrees with `naober.access.rules` object by object."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from naober.access.rules import (
    agenda_items_visible_q,
    documents_visible_q,
    dossiers_visible_q,
    meetings_visible_q,
)
from naober.access.secrecy import secrecy_lift, secrecy_of
from naober.meetings.models import AgendaItem, Document, Dossier, Meeting
from naober.search.backend import SearchQuery, get_backend
from naober.search.indexing import rebuild
from naober.search.permissions import access_filter
from naober.search.services import search_for
from tests.search.conftest import EMBARGO_END, MARKERS, READERS, World

# Who finds each marker (conftest.World): the rules of naober.access.rules, spelled out per reader.
EXPECTED = {
    "zwaluwstaart": {"member", "editor", "administrator", "platform_admin"},  # confidential item
    "kwartelkoning": {"recipient"},  # secret item: not even editors or platform administrators
    "ijsvogelnest": {"recipient"},  # secret document
    "boomvalk": {"editor", "administrator", "platform_admin"},  # meeting not convened yet
    "grutto": {"member", "editor", "administrator", "platform_admin"},  # public item under embargo
}


def _everything(results: object) -> str:
    """All text a results page could show: titles, snippets, facet values."""
    parts = []
    for hit in results.hits:
        parts += [hit.title, hit.title_html, hit.snippet, hit.url]
    for buckets in results.facets.values():
        parts += [f"{bucket.value}:{bucket.count}" for bucket in buckets]
    return " ".join(parts).lower()


@pytest.mark.parametrize("reader", READERS)
def test_markers_are_found_exactly_by_those_allowed(world: World, reader: str) -> None:
    viewer = world.viewer(reader)
    for marker in MARKERS:
        results = search_for(viewer_or_user=viewer, q=marker)
        allowed = reader in EXPECTED[marker]
        assert (results.total == 1) is allowed, (marker, reader, results.total)
        assert len(results.hits) == results.total
        facet_total = sum(bucket.count for bucket in results.facets.get("kind", []))
        assert facet_total == results.total, (marker, reader)
        if allowed:
            assert f"<b>{marker}</b>" in results.hits[0].snippet
        else:
            assert results.facets.get("kind", []) == []


@pytest.mark.parametrize("reader", READERS)
def test_a_common_word_shows_no_closed_content_in_counts_or_snippets(world: World, reader: str) -> None:
    """Every object mentions "regio": totals and facet counts are those of what the reader may see, and no
    snippet carries a marker the reader may not see."""
    viewer = world.viewer(reader)
    results = search_for(viewer_or_user=viewer, q="regio")
    shown = _everything(results)
    for marker in MARKERS:
        if reader not in EXPECTED[marker]:
            assert marker not in shown, (marker, reader)
    assert sum(bucket.count for bucket in results.facets["kind"]) == results.total
    assert sum(bucket.count for bucket in results.facets["cooperation"]) == results.total
    assert len(results.hits) == results.total  # fewer than a page


def test_anonymous_sees_only_published_public_content(world: World) -> None:
    results = search_for(viewer_or_user=None, q="regio")
    assert {hit.key for hit in results.hits} == {
        f"meeting:{world.convened.pk}",
        f"agenda_item:{world.public_item.pk}",
        f"document:{world.public_document.pk}",
        f"dossier:{world.dossier.pk}",
    }
    assert {bucket.value: bucket.count for bucket in results.facets["kind"]} == {
        "meeting": 1,
        "agenda_item": 1,
        "document": 1,
        "dossier": 1,
    }


def test_an_embargo_ends_by_itself(world: World) -> None:
    later = EMBARGO_END + datetime.timedelta(minutes=1)
    assert search_for(viewer_or_user=None, q="grutto").total == 0
    assert search_for(viewer_or_user=None, q="grutto", now=later).total == 1


def test_lifted_secrecy_falls_back_to_confidential(world: World) -> None:
    secrecy = secrecy_of(world.secret_item)
    assert secrecy is not None
    secrecy_lift(secrecy=secrecy, by=None)
    rebuild()
    found_by = {
        reader
        for reader in READERS
        if search_for(viewer_or_user=world.viewer(reader), q="kwartelkoning").total
    }
    assert found_by == {"member", "editor", "administrator", "platform_admin", "recipient"}


def test_a_secrecy_lift_date_passing_opens_it_to_the_trusted(world: World) -> None:
    secrecy = secrecy_of(world.secret_item)
    assert secrecy is not None
    secrecy.lift_on = timezone.localdate() + datetime.timedelta(days=3)
    secrecy.save()
    rebuild()
    after = timezone.now() + datetime.timedelta(days=4)
    assert search_for(viewer_or_user=world.viewer("member"), q="kwartelkoning").total == 0
    assert search_for(viewer_or_user=world.viewer("member"), q="kwartelkoning", now=after).total == 1
    assert search_for(viewer_or_user=None, q="kwartelkoning", now=after).total == 0


def test_a_past_membership_covers_the_meetings_of_its_period(world: World) -> None:
    """A member whose membership ended still sees the confidential items of meetings during it."""
    from naober.governance.models import Membership, MembershipRole
    from tests.factories import MembershipFactory, PersonFactory, UserFactory

    former = UserFactory(username="oud-lid")
    day = world.convened.start.date()
    MembershipFactory(
        body=world.chain.bo,
        person=PersonFactory(user=former),
        role=MembershipRole.MEMBER,
        start_date=day - datetime.timedelta(days=400),
        end_date=day + datetime.timedelta(days=1),
    )
    assert Membership.objects.filter(person__user=former).exists()
    from naober.access.viewer import viewer_for

    viewer = viewer_for(former)
    viewer = type(viewer)(**{**viewer.__dict__, "today": day + datetime.timedelta(days=10)})
    assert search_for(viewer_or_user=viewer, q="zwaluwstaart").total == 1
    assert search_for(viewer_or_user=viewer, q="boomvalk").total == 0


@pytest.mark.parametrize("reader", READERS)
def test_the_engine_agrees_with_the_access_rules(world: World, reader: str) -> None:
    """Everything the engine returns without a query equals what naober.access.rules lets the reader see."""
    viewer = world.viewer(reader)
    expected = {
        f"meeting:{pk}"
        for pk in Meeting.objects.filter(meetings_visible_q(viewer)).values_list("pk", flat=True)
    }
    expected |= {
        f"agenda_item:{pk}"
        for pk in AgendaItem.objects.filter(agenda_items_visible_q(viewer)).values_list("pk", flat=True)
    }
    expected |= {
        f"dossier:{pk}"
        for pk in Dossier.objects.filter(dossiers_visible_q(viewer)).values_list("pk", flat=True)
    }
    expected |= {
        f"document:{pk}"
        for pk in Document.objects.filter(documents_visible_q(viewer)).values_list("pk", flat=True)
    }
    query = SearchQuery(
        terms=(), access=access_filter(viewer), now=timezone.now(), page_size=500, with_facets=False
    )
    found = {hit.key for hit in get_backend().search(query).hits}
    assert found == expected


@pytest.fixture
def rich_world(world: World) -> World:
    """The world plus the less common shapes: sub-items, documents of a meeting or a dossier only, joint and
    cancelled meetings, a secret without a secrecy record, a secret item's confidential sub-item."""
    from naober.access.models import LegalGround
    from naober.access.secrecy import secrecy_impose
    from naober.core.models import Confidentiality
    from naober.meetings.models import MeetingStatus
    from tests.search.conftest import FUTURE, add_document, add_item, plan, set_status

    chain = world.chain
    add_item(world.convened, "Onderdeel", "Deelpunt.", parent=world.confidential_item)
    add_item(
        world.convened, "Toelichting", "Deelpunt.", parent=world.secret_item, confidentiality="confidential"
    )
    add_item(
        world.convened, "Zonder besluit", "Geheim zonder registratie.", confidentiality=Confidentiality.SECRET
    )
    add_document("Presentielijst", "Aanwezigen.", meeting=world.convened, confidentiality="confidential")
    add_document("Dossierstuk", "Achtergrond.", dossier=world.dossier)
    add_document("Conceptstuk", "Achtergrond.", dossier=world.hidden_dossier)
    joint = plan(
        chain.board, FUTURE + datetime.timedelta(days=2), with_standard_items=False, joint_bodies=[chain.bo]
    )
    add_item(joint, "Gezamenlijk", "Vertrouwelijk.", confidentiality=Confidentiality.CONFIDENTIAL)
    set_status(joint, MeetingStatus.CONVENED)
    cancelled = plan(chain.ao, FUTURE + datetime.timedelta(days=3), with_standard_items=False)
    add_item(cancelled, "Vervallen", "Openbaar.")
    set_status(cancelled, MeetingStatus.CONVENED)
    Meeting.objects.filter(pk=cancelled.pk).update(status=MeetingStatus.CANCELLED)
    never = plan(chain.ao, FUTURE + datetime.timedelta(days=4), with_standard_items=False)
    add_item(never, "Nooit", "Openbaar.")
    Meeting.objects.filter(pk=never.pk).update(status=MeetingStatus.CANCELLED)
    old = add_document("Oud persbericht", "Openbaar.", agenda_item=world.public_item)
    Document.objects.filter(pk=old.pk).update(embargo_until=timezone.now() - datetime.timedelta(days=1))
    secret_dossier_doc = add_document("Geheim dossierstuk", "Achtergrond.", dossier=world.dossier)
    secrecy_impose(
        document=secret_dossier_doc,
        imposed_by=chain.board,
        legal_ground=LegalGround.PRIVACY,
        recipients=[world.users["member"]],
        by=None,
    )
    rebuild()
    return world


@pytest.mark.parametrize("reader", READERS)
def test_the_engine_agrees_with_the_access_rules_on_every_shape(rich_world: World, reader: str) -> None:
    test_the_engine_agrees_with_the_access_rules(rich_world, reader)

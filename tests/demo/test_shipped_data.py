"""The shipped demo data, loaded: the four regions as shared/domain/regions.md describes them."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest

from naober.core.models import AuditEntry, Channel
from naober.demo.loader import LoadReport, demo_load
from naober.governance.models import Body, BodyKind, ExOfficioFunction, Membership, MembershipRole
from naober.registry.models import Cooperation, Participation, PopulationFigure
from naober.registry.selectors import cooperation_member_table, participation_active_q
from tests.demo.conftest import REFUSED_BY_THE_MODEL, assert_refused, replace_once, row_counts

TODAY = datetime.date(2026, 11, 23)
AMERSFOORT_FULL = {"amersfoort", "baarn", "bunschoten", "eemnes", "leusden", "soest", "woudenberg"}
AMERSFOORT_TOPICS = {
    "economische-zaken",
    "landelijk-gebied",
    "ontwikkelbeeld",
    "recreatie-en-toerisme",
    "res",
    "ruimte-en-wonen",
    "sociaal-domein",
    "verkeer-en-vervoer",
    "werk-en-inkomen",
    "wonen",
}
# AO (or stuurgroep) → the BO it prepares; none for the RES and werk en inkomen.
AMERSFOORT_PREPARATION = {
    "ao-economische-zaken": "bo-economische-zaken",
    "ao-landelijk-gebied": "bo-landelijk-gebied",
    "ao-ontwikkelbeeld": "bo-ontwikkelbeeld",
    "ao-recreatie-en-toerisme": "bo-recreatie-en-toerisme",
    "ao-ruimte-en-wonen": "bo-ruimte-en-wonen",
    "ao-verkeer-en-vervoer": "bo-verkeer-en-vervoer",
    "ao-wonen": "bo-wonen",
    "stuurgroep-sociaal-domein": "bo-sociaal-domein",
}

pytestmark = pytest.mark.django_db


def _members(cooperation: Cooperation) -> dict[str, Participation]:
    participations = Participation.objects.filter(
        participation_active_q(on=TODAY), cooperation=cooperation, role=Participation.Role.MEMBER
    ).select_related("municipality")
    return {item.municipality.slug: item for item in participations if item.municipality is not None}


def _bodies(slug: str) -> dict[str, Body]:
    return {
        body.slug: body
        for body in Body.objects.filter(cooperation__slug=slug).select_related("prepares", "topic")
    }


def test_everything_was_created_through_the_import_channel(loaded: LoadReport) -> None:
    assert loaded.counts["cooperations"]["created"] == 4
    assert loaded.counts["municipalities"]["created"] == 45
    channels = set(AuditEntry.objects.values_list("channel", flat=True))
    assert channels == {Channel.IMPORT}
    assert AuditEntry.objects.count() == loaded.changes


def test_regio_amersfoort_members_and_topic_participation(loaded: LoadReport) -> None:
    cooperation = Cooperation.objects.get(slug="regio-amersfoort")
    assert cooperation.legal_form == "netwerk-convenant"
    assert cooperation.founded_on is not None and cooperation.founded_on.year == 2008
    assert "2008" in cooperation.statute_reference
    members = _members(cooperation)
    assert set(members) == AMERSFOORT_FULL | {"barneveld", "nijkerk"}
    for slug, participation in members.items():
        topics = set(participation.topics.values_list("slug", flat=True))
        if slug in AMERSFOORT_FULL:
            assert participation.scope == Participation.Scope.FULL and not topics, slug
        else:
            assert participation.scope == Participation.Scope.TOPICS, slug
            assert topics and topics < AMERSFOORT_TOPICS, slug
    assert set(cooperation.topics.values_list("slug", flat=True)) == AMERSFOORT_TOPICS
    partners = Participation.objects.filter(cooperation=cooperation, role=Participation.Role.PARTNER)
    assert {"swev", "fbk"} <= set(partners.values_list("organisation__slug", flat=True))


def test_regio_amersfoort_bodies_and_preparation(loaded: LoadReport) -> None:
    bodies = _bodies("regio-amersfoort")
    bora, arg, bra = bodies["bora"], bodies["arg"], bodies["bra"]
    assert (bora.kind, arg.kind, bra.kind) == (
        BodyKind.GOVERNING_MEETING,
        BodyKind.SECRETARIES_GROUP,
        BodyKind.BUREAU,
    )
    assert bora.chair_ex_officio_municipality is not None
    assert bora.chair_ex_officio_municipality.slug == "amersfoort"
    assert bora.chair_ex_officio_function == ExOfficioFunction.MAYOR
    assert (bora.meetings_per_year_min, bora.meetings_per_year_max) == (3, 4)
    assert arg.prepares == bora
    bos = {slug: body for slug, body in bodies.items() if body.kind == BodyKind.PORTFOLIO_MEETING}
    assert len(bos) == 10
    assert {body.topic.slug for body in bos.values() if body.topic} == AMERSFOORT_TOPICS
    assert all(body.short_name == "BO" for body in bos.values())
    preparing = {slug: body.prepares.slug for slug, body in bodies.items() if body.prepares and body != arg}
    assert preparing == AMERSFOORT_PREPARATION
    for slug, prepared in AMERSFOORT_PREPARATION.items():
        assert bodies[slug].topic == bodies[prepared].topic, slug


def test_regio_amersfoort_memberships_follow_the_portfolios(loaded: LoadReport) -> None:
    bodies = _bodies("regio-amersfoort")
    memberships = list(
        Membership.objects.filter(body__cooperation__slug="regio-amersfoort").select_related(
            "body", "person", "on_behalf_of_municipality", "on_behalf_of_organisation", "portfolio"
        )
    )
    by_body: dict[str, list[Membership]] = {}
    for membership in memberships:
        by_body.setdefault(membership.body.slug, []).append(membership)
    voting = (MembershipRole.CHAIR, MembershipRole.MEMBER)

    bora = by_body["bora"]
    chair = next(item for item in bora if item.role == MembershipRole.CHAIR)
    assert (
        chair.on_behalf_of_municipality is not None and chair.on_behalf_of_municipality.slug == "amersfoort"
    )
    assert "burgemeester van Amersfoort" in chair.person.function
    seats = Counter(
        item.on_behalf_of_municipality.slug
        for item in bora
        if item.role in voting and item.on_behalf_of_municipality
    )
    assert set(seats) == AMERSFOORT_FULL and set(seats.values()) == {1}
    bora_people = {item.person_id for item in bora}
    secretaries = {item.person_id for item in by_body["bra"]}

    arg_chair = next(item for item in by_body["arg"] if item.role == MembershipRole.CHAIR)
    assert "gemeentesecretaris van Amersfoort" in arg_chair.person.function
    assert arg_chair.person_id in bora_people  # the ARG chair attends the BORA

    for slug, body in bodies.items():
        if body.kind != BodyKind.PORTFOLIO_MEETING:
            continue
        members = [item for item in by_body[slug] if item.role in voting]
        seats = Counter(
            item.on_behalf_of_municipality.slug for item in members if item.on_behalf_of_municipality
        )
        assert set(seats) >= AMERSFOORT_FULL and set(seats.values()) == {1}, slug
        assert all(item.portfolio == body.topic for item in members), slug
        (chair,) = [item for item in members if item.role == MembershipRole.CHAIR]
        assert chair.person_id in bora_people, f"{slug}: the chair is not a BORA member"
        (secretary,) = [item for item in by_body[slug] if item.role == MembershipRole.SECRETARY]
        assert secretary.person_id in secretaries and secretary.on_behalf_of is None, slug
        assert not secretary.voting_right
        for partial in {"barneveld", "nijkerk"} & set(seats):  # only in the BOs of their chosen topics
            participation = _members(body.cooperation)[partial]
            assert participation.topics.filter(pk=body.topic_id).exists(), f"{partial} in {slug}"

    guests = {
        (item.body.slug, item.on_behalf_of_organisation.slug)
        for item in memberships
        if item.role == MembershipRole.GUEST and item.on_behalf_of_organisation
    }
    assert {("ao-wonen", "swev"), ("ao-ruimte-en-wonen", "swev"), ("ao-economische-zaken", "fbk")} <= guests
    aldermen = Counter(item.person_id for item in memberships if item.body.kind == BodyKind.PORTFOLIO_MEETING)
    assert max(aldermen.values()) >= 3  # one alderman sits in several BOs


def test_regio_achterhoek_has_eight_members_and_montferland_came_back(loaded: LoadReport) -> None:
    cooperation = Cooperation.objects.get(slug="regio-achterhoek")
    assert cooperation.legal_form == "wgr-openbaar-lichaam"
    assert "CVDR720603" in cooperation.statute_reference
    assert len(_members(cooperation)) == 8
    first, second = Participation.objects.filter(
        cooperation=cooperation, municipality__slug="montferland"
    ).order_by("joined_on")
    assert first.left_on is not None and first.left_on < second.joined_on
    assert "bij benadering" in first.note
    assert second.joined_on == datetime.date(2024, 6, 7) and second.left_on is None
    bodies = _bodies("regio-achterhoek")
    board = bodies["algemeen-bestuur"]
    assert board.kind == BodyKind.GENERAL_BOARD
    assert board.chair_ex_officio_municipality is not None
    assert board.chair_ex_officio_municipality.slug == "doetinchem"
    assert {BodyKind.TRIPLE_HELIX_BOARD, BodyKind.COUNCIL_ASSEMBLY, BodyKind.THEME_TABLE} <= {
        body.kind for body in bodies.values()
    }
    assert sum(body.kind == BodyKind.THEME_TABLE for body in bodies.values()) >= 2
    seats = Counter(board.memberships.values_list("on_behalf_of_municipality__slug", flat=True))
    assert set(seats) == set(_members(cooperation)) and set(seats.values()) == {1}
    themes = set(cooperation.topics.filter(is_theme=True).values_list("name", flat=True))
    assert themes == {"Smart Werken", "Wonen", "Bereikbaarheid"}


def test_twente_and_denderregio(loaded: LoadReport) -> None:
    twente = Cooperation.objects.get(slug="twente")
    members = _members(twente)
    assert len(members) == 14
    assert all(
        re.fullmatch(r"GM\d{4}", item.municipality.code) for item in members.values() if item.municipality
    )
    bodies = _bodies("twente")
    assert {body.kind for body in bodies.values()} == {
        BodyKind.GENERAL_BOARD,
        BodyKind.COUNCIL_ASSEMBLY,
        BodyKind.TRIPLE_HELIX_BOARD,
    }
    board = bodies["algemeen-bestuur"]
    chair = board.memberships.get(role=MembershipRole.CHAIR)
    assert chair.on_behalf_of_municipality is not None and chair.on_behalf_of_municipality.slug == "enschede"
    assert board.memberships.count() == 14

    dender = Cooperation.objects.get(slug="denderregio")
    assert (dender.country, dender.legal_form, dender.time_zone) == (
        "BE",
        "be-referentieregio",
        "Europe/Brussels",
    )
    assert len(dender.strategic_goals) == 5
    members = _members(dender)
    assert len(members) == 14
    for item in members.values():
        assert item.municipality is not None
        assert item.municipality.country == "BE" and re.fullmatch(r"4[12]\d{3}", item.municipality.code)
        assert item.municipality.holiday_region == "be-vl"
    bodies = _bodies("denderregio")
    assert bodies["dado"].prepares == bodies["dbo"]
    assert bodies["dado"].established_on == datetime.date(2023, 3, 31)
    assert (bodies["dbo"].kind, bodies["dado"].kind, bodies["stuurgroep-regiovorming"].kind) == (
        BodyKind.MAYORS_MEETING,
        BodyKind.DIRECTORS_MEETING,
        BodyKind.STEERING_GROUP,
    )


def test_population_figures_are_sourced_and_add_up(loaded: LoadReport) -> None:
    totals = {
        cooperation.slug: cooperation_member_table(cooperation=cooperation, on=TODAY)
        for cooperation in Cooperation.objects.all()
    }
    assert abs(totals["twente"].total_population - 639_017) / 639_017 < 0.01
    assert totals[
        "regio-amersfoort"
    ].total_population == 161_852 + 62_592 + 45_361 + 25_300 + 22_600 + 9_800 + (30_600 + 48_000 + 14_600)
    assert 300_000 < totals["regio-achterhoek"].total_population < 310_000  # 300,129 on 1-1-2022
    assert 300_000 < totals["denderregio"].total_population < 500_000
    exact = set(
        PopulationFigure.objects.filter(approximate=False).values_list("municipality__slug", flat=True)
    )
    assert exact == {"amersfoort", "barneveld", "nijkerk"}
    sources = Counter(PopulationFigure.objects.values_list("municipality__country", "source"))
    assert set(sources) == {("NL", "CBS"), ("BE", "Statbel")}


def test_every_membership_is_current_and_every_body_is_staffed(loaded: LoadReport) -> None:
    memberships = list(Membership.objects.select_related("body"))
    assert memberships
    assert all(membership.is_current(TODAY) for membership in memberships)
    assert set(Body.objects.values_list("pk", flat=True)) == {
        membership.body_id for membership in memberships
    }


def test_a_second_load_changes_nothing_and_an_edit_changes_one_record(
    loaded: LoadReport, data_copy: Path
) -> None:
    first = loaded
    counts = row_counts()
    assert first.changes == counts["core.AuditEntry"] > 0

    second = demo_load()
    assert second.changes == 0
    assert row_counts() == counts
    assert {kind: sum(outcomes.values()) for kind, outcomes in second.counts.items()} == {
        kind: sum(outcomes.values()) for kind, outcomes in first.counts.items()
    }

    replace_once(
        data_copy / "regio-amersfoort.yaml", "name: Ambtelijke regiegroep", "name: Ambtelijke regiegroep ARG"
    )
    third = demo_load(data_dir=data_copy)
    assert third.changes == 1 and third.counts["bodies"]["updated"] == 1
    assert row_counts() == counts | {"core.AuditEntry": counts["core.AuditEntry"] + 1}
    entry = AuditEntry.objects.order_by("-id").first()
    assert entry is not None and entry.action == AuditEntry.Action.UPDATE
    assert entry.changes == {"name": ["Ambtelijke regiegroep", "Ambtelijke regiegroep ARG"]}
    assert Body.objects.get(slug="arg").name == "Ambtelijke regiegroep ARG"


def test_bad_data_leaves_the_loaded_demo_as_it_was(loaded: LoadReport, data_copy: Path) -> None:
    assert_refused(data_copy, *REFUSED_BY_THE_MODEL)

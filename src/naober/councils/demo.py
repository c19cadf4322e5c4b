"""Demo data for council involvement, written through the services; running it again changes nothing.

- council addresses for every member of the demo cooperations;
- decision rules for their bodies (Twente's rule for Twente, consensus + identical decisions for Regio
  Amersfoort, majorities for the Achterhoek and the Denderregio);
- council clerks (user names `griffier-<municipality>`, signing in with the demo user's published password);
- a Regio Achterhoek budget round (opinions, eight members, several outcomes, a drafted reactienota) and a
  Regio Amersfoort identical-decision round in which one member's text differs.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from naober.access.models import MunicipalityRole
from naober.access.roles import clerk_grant
from naober.accounts.models import User
from naober.core.models import AuditEntry, Channel
from naober.core.services import audit_record, object_save
from naober.councils.models import (
    Addressee,
    ConsultationRound,
    CouncilAddress,
    DecisionCategory,
    DecisionRule,
    Outcome,
    RoundKind,
    RoundMember,
    RuleKind,
)
from naober.councils.response import response_save
from naober.councils.services import member_plan, outcome_record, round_open
from naober.governance.models import Body
from naober.meetings.models import Dossier
from naober.meetings.services.dossier import dossier_create
from naober.registry.models import Cooperation, Municipality, Participation

IMPORT = Channel.IMPORT
CLERKS = (
    ("regio-achterhoek", "doetinchem"),
    ("regio-achterhoek", "aalten"),
    ("regio-amersfoort", "amersfoort"),
    ("regio-amersfoort", "soest"),
)
RULES = (
    # cooperation, body, category, kind, fraction, strictly more, population fraction, source
    (
        "regio-achterhoek",
        "algemeen-bestuur",
        DecisionCategory.GENERAL,
        RuleKind.MAJORITY,
        "0.5",
        True,
        None,
        "Gemeenschappelijke regeling Regio Achterhoek: gewone meerderheid van de leden",
    ),
    (
        "regio-achterhoek",
        "algemeen-bestuur",
        DecisionCategory.REGULATION,
        RuleKind.UNANIMITY,
        "1",
        False,
        None,
        "Wijziging van de regeling: alle deelnemers (Wgr art. 51)",
    ),
    (
        "twente",
        "algemeen-bestuur",
        DecisionCategory.GENERAL,
        RuleKind.TWENTE,
        "0.5",
        True,
        None,
        "Regeling Twente 2016: één gemeente één stem; financiële besluiten gewogen naar inwonertal",
    ),
    (
        "regio-amersfoort",
        "bora",
        DecisionCategory.GENERAL,
        RuleKind.CONSENSUS_IDENTICAL,
        "1",
        False,
        None,
        "Netwerkorganisatie: consensus in het BORA en gelijkluidende besluiten in elke gemeente",
    ),
)
AMERSFOORT_TEXT = (
    "Het college besluit:\n"
    "1. het Regionaal afsprakenkader huisvesting arbeidsmigranten vast te stellen;\n"
    "2. naar rato van het inwonertal bij te dragen aan de regionale opgave van huisvestingsplaatsen;\n"
    "3. het Bureau Regio Amersfoort te vragen de afspraken in 2029 te evalueren."
)


def _addresses(cooperations: list[Cooperation], today: datetime.date) -> int:
    municipality_ids = Participation.objects.filter(
        cooperation__in=cooperations, municipality__isnull=False
    ).values("municipality_id")
    created = 0
    for municipality in Municipality.objects.filter(pk__in=municipality_ids).order_by("name"):
        if CouncilAddress.objects.filter(municipality=municipality).exists():
            continue
        object_save(
            instance=CouncilAddress(
                municipality=municipality,
                council_email=f"griffie@{municipality.slug}.example.org",
                college_email=f"college@{municipality.slug}.example.org",
            ),
            channel=IMPORT,
        )
        created += 1
    return created


def _rules() -> int:
    created = 0
    for cooperation, body_slug, category, kind, fraction, strictly, population, source in RULES:
        body = Body.objects.filter(cooperation__slug=cooperation, slug=body_slug).first()
        if body is None or DecisionRule.objects.filter(body=body, category=category).exists():
            continue
        object_save(
            instance=DecisionRule(
                body=body,
                category=category,
                kind=kind,
                fraction=Decimal(fraction),
                strictly_more=strictly,
                population_fraction=population,
                source=source,
            ),
            channel=IMPORT,
        )
        created += 1
    return created


def _clerks() -> int:
    """Clerk accounts with the published demo password: never in production (like the demo sign-in)."""
    from naober.demo.loader import DEMO_PASSWORD

    if settings.NAOBER_ENV == "production":
        return 0
    created = 0
    for cooperation_slug, municipality_slug in CLERKS:
        cooperation = Cooperation.objects.filter(slug=cooperation_slug).first()
        municipality = Municipality.objects.filter(slug=municipality_slug).first()
        if cooperation is None or municipality is None:
            continue
        username = f"griffier-{municipality_slug}"
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=f"{username}@example.org", first_name="Griffie")
            user.set_password(DEMO_PASSWORD)
            user.full_clean(exclude=["password"])
            user.save()
            audit_record(
                instance=user,
                action=AuditEntry.Action.CREATE,
                by=None,
                channel=IMPORT,
                changes={"username": [None, username], "password": "set"},
                cooperation_id=cooperation.pk,
            )
            created += 1
        if not MunicipalityRole.objects.filter(user=user, municipality=municipality).exists():
            clerk_grant(
                cooperation=cooperation, municipality=municipality, user=user, by=None, channel=IMPORT
            )
    return created


def _dossier(cooperation: Cooperation, title_starts: tuple[str, ...], title: str, summary: str) -> Dossier:
    """A dossier of the meeting history (public once its meeting is published), else a new one."""
    for start in title_starts:
        found = (
            Dossier.objects.filter(cooperation=cooperation, title__startswith=start).order_by("pk").first()
        )
        if found is not None:
            return found
    return dossier_create(cooperation=cooperation, title=title, summary=summary, channel=IMPORT)


def _member(round_: ConsultationRound, slug: str) -> RoundMember | None:
    return round_.members.select_related("round", "municipality").filter(municipality__slug=slug).first()


def _achterhoek(today: datetime.date) -> bool:
    cooperation = Cooperation.objects.filter(slug="regio-achterhoek").first()
    if cooperation is None:
        return False
    dossier = _dossier(
        cooperation,
        ("Begroting", "Ontwerpbegroting"),
        f"Ontwerpbegroting {today.year + 1} Regio Achterhoek",
        "De ontwerpbegroting gaat voor zienswijzen naar de acht gemeenteraden (Wgr: twaalf weken).",
    )
    if ConsultationRound.objects.filter(dossier=dossier, kind=RoundKind.BUDGET).exists():
        return False
    sent_on = today - datetime.timedelta(days=70)
    body = Body.objects.filter(cooperation=cooperation, slug="algemeen-bestuur").first()
    round_ = round_open(
        dossier=dossier,
        kind=RoundKind.BUDGET,
        sent_on=sent_on,
        by=None,
        body=body,
        channel=IMPORT,
        note="Wij ontvangen uw zienswijze graag uiterlijk op de termijndatum.",
    )
    outcomes = (
        ("doetinchem", Outcome.AGREES, 20, "De raad stemt in met de ontwerpbegroting."),
        (
            "aalten",
            Outcome.AGREES_WITH_REMARKS,
            15,
            "De raad stemt in, en vraagt om een heldere verantwoording per thema in de volgende begroting.",
        ),
        (
            "winterswijk",
            Outcome.DISAGREES,
            12,
            "De raad kan niet instemmen met de stijging van de bijdrage per inwoner boven de indexatie.",
        ),
        ("oost-gelre", Outcome.AGREES, 9, "Geen zienswijze; de raad stemt in."),
        ("berkelland", Outcome.AGREES_WITH_REMARKS, 6, "De raad vraagt de reserves kritisch te bezien."),
    )
    for slug, outcome, days_ago, text in outcomes:
        member = _member(round_, slug)
        if member is not None:
            outcome_record(
                member=member,
                outcome=outcome,
                decided_on=today - datetime.timedelta(days=days_ago),
                text=text,
                by=None,
                channel=IMPORT,
            )
    planned = _member(round_, "bronckhorst")
    if planned is not None:
        member_plan(
            member=planned, planned_council_date=today + datetime.timedelta(days=7), by=None, channel=IMPORT
        )
    answers = {}
    for slug, answer in (
        (
            "aalten",
            "Het dagelijks bestuur neemt de verantwoording per thema op in de begroting van volgend jaar.",
        ),
        (
            "winterswijk",
            "De stijging volgt uit de cao en de nieuwe taken die de raden zelf aan de regio gaven.",
        ),
        ("berkelland", "De reserves worden bij de jaarrekening opnieuw beoordeeld."),
    ):
        member = _member(round_, slug)
        if member is not None:
            answers[member.pk] = answer
    response_save(
        consultation_round=round_,
        introduction="Het dagelijks bestuur dankt de raden voor hun zienswijzen en antwoordt per raad.",
        answers=answers,
        by=None,
        channel=IMPORT,
    )
    return True


def _amersfoort(today: datetime.date) -> bool:
    cooperation = Cooperation.objects.filter(slug="regio-amersfoort").first()
    if cooperation is None:
        return False
    dossier = _dossier(
        cooperation,
        ("Regionaal afsprakenkader huisvesting arbeidsmigranten",),
        "Regionaal afsprakenkader huisvesting arbeidsmigranten",
        "Afspraken over de huisvesting van arbeidsmigranten, gelijkluidend vast te stellen door elk college.",
    )
    if ConsultationRound.objects.filter(dossier=dossier, kind=RoundKind.IDENTICAL).exists():
        return False
    body = Body.objects.filter(cooperation=cooperation, slug="bora").first()
    round_ = round_open(
        dossier=dossier,
        kind=RoundKind.IDENTICAL,
        sent_on=today - datetime.timedelta(days=30),
        by=None,
        addressee=Addressee.COLLEGE,
        body=body,
        regional_text=AMERSFOORT_TEXT,
        channel=IMPORT,
    )
    differing = AMERSFOORT_TEXT.replace(
        "in 2029 te evalueren", "in 2028 te evalueren en daarover aan de raad te rapporteren"
    )
    for slug, outcome, days_ago, text in (
        ("amersfoort", Outcome.AGREES, 10, AMERSFOORT_TEXT),
        ("baarn", Outcome.AGREES, 8, AMERSFOORT_TEXT),
        ("soest", Outcome.AGREES, 5, differing),
    ):
        member = _member(round_, slug)
        if member is not None:
            outcome_record(
                member=member,
                outcome=outcome,
                decided_on=today - datetime.timedelta(days=days_ago),
                text=text,
                by=None,
                channel=IMPORT,
            )
    planned = _member(round_, "leusden")
    if planned is not None:
        member_plan(
            member=planned, planned_council_date=today + datetime.timedelta(days=10), by=None, channel=IMPORT
        )
    return True


def load(*, today: datetime.date) -> list[str]:
    with transaction.atomic():
        cooperations = list(
            Cooperation.objects.filter(
                slug__in=["regio-achterhoek", "regio-amersfoort", "twente", "denderregio"]
            )
        )
        addresses = _addresses(cooperations, today)
        rules = _rules()
        clerks = _clerks()
        rounds = sum((_achterhoek(today), _amersfoort(today)))
    return [
        f"Council involvement: {rounds} new round(s), {rules} new decision rule(s), {addresses} new council "
        f"address(es), {clerks} new clerk account(s) (griffier-<municipality>, the demo user's password)"
    ]

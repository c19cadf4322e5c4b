"""The year planner as a leak channel: its page and iCalendar export show body names and times only, to
editors of the cooperation; the world's meetings (with marker titles) are fixed meetings in the plan."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.leaks.world import World


def _proposal(world: World):
    from naober.governance.models import Body
    from naober.planner.model.cpsat import Options
    from naober.planner.models import PlanningRule, PlanProposal
    from naober.planner.services import proposal_create

    year = timezone.localdate().year
    proposal = PlanProposal.objects.filter(cooperation=world.cooperation, year=year).first()
    if proposal is None:
        for body in Body.objects.filter(cooperation=world.cooperation):
            PlanningRule.objects.get_or_create(
                body=body, defaults={"meetings_min": 0, "meetings_max": 2, "slots": "10:00-12:00"}
            )
        proposal = proposal_create(
            cooperation=world.cooperation, year=year, options=Options(time_limit=0.2, workers=1)
        )
    return proposal


def planner_pages(client: Client, world: World, role: str) -> str:
    proposal = _proposal(world)
    slug = world.cooperation.slug
    urls = [
        reverse("planner:year", args=[slug, proposal.year]),
        reverse("planner:ics", args=[slug, proposal.year, proposal.pk]),
    ]
    return "\n".join(client.get(url).content.decode("utf-8", errors="replace") for url in urls)

"""The Regio Amersfoort page with the shipped demo data: nine members and the org chart, correctly linked."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from naober.demo.loader import demo_load
from naober.governance.models import Body

pytestmark = pytest.mark.django_db


def test_regio_amersfoort_page_shows_nine_members_and_the_org_chart(client: Client) -> None:
    demo_load()
    html = client.get("/regio-amersfoort/").content.decode()
    table = html[html.index('class="utrecht-table members-table"') : html.index("</table>")]
    members = re.findall(
        r'<th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" '
        r'href="/gemeenten/[a-z-]+/">([^<]+)</a></th>',
        table,
    )
    assert sorted(members) == [
        "Amersfoort",
        "Baarn",
        "Barneveld",
        "Bunschoten",
        "Eemnes",
        "Leusden",
        "Nijkerk",
        "Soest",
        "Woudenberg",
    ]
    svg = html[html.index("<svg") : html.index("</svg>")]
    bodies = Body.objects.filter(cooperation__slug="regio-amersfoort").select_related("prepares")
    kinds = [body.kind for body in bodies]
    assert kinds.count("portfolio-meeting") == 10
    assert len([body for body in bodies if body.prepares and body.prepares.kind == "portfolio-meeting"]) == 8
    for short_name in ("BORA", "ARG", "BRA"):
        assert bodies.filter(short_name=short_name).exists()
    for body in bodies:  # every body is a box in the chart that links to its page
        assert f'href="/regio-amersfoort/organen/{body.slug}/"' in svg
    # one arrow per preparation link: 8 AOs (incl. the stuurgroep sociaal domein) → BO, and ARG → BORA
    assert svg.count("marker-end=") == 9 == len([body for body in bodies if body.prepares_id])

"""The statement, its exports, the public budget pages and the secretariat's budget pages."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from naober.access.models import MunicipalityRole
from naober.accounts.models import CooperationRole
from naober.finance.models import Budget, BudgetLine, BudgetStatus
from naober.finance.services import budget_create
from tests.factories import ParticipationFactory, PopulationFigureFactory, UserFactory, verified_login
from tests.finance.factories import line, published_budget, region

pytestmark = pytest.mark.django_db


def editor_of(cooperation):
    user = UserFactory()
    CooperationRole.objects.create(user=user, cooperation=cooperation, role=CooperationRole.Role.EDITOR)
    return user


def two_cooperations():
    """The first member of region one also takes part in region two."""
    one = region(slug="regio-een")
    two = region(slug="regio-twee")
    shared = one.members[0]
    ParticipationFactory(
        cooperation=two.cooperation, municipality=shared, joined_on=datetime.date(2010, 1, 1)
    )
    published_budget(one, year=2025, amount="900.00")
    published_budget(one, year=2026, name="Algemeen", amount="1200.00")
    published_budget(two, year=2026, name="Bureau", amount="3000.00")
    draft = budget_create(cooperation=two.cooperation, year=2025, by=None)
    line(draft, name="Geheimeconcepttekst", amount="777.00")
    return one, two, shared


def test_the_statement_shows_every_cooperation_with_chart_and_table(client) -> None:
    one, two, shared = two_cooperations()
    page = client.get(reverse("finance:statement", args=[shared.slug]) + "?jaar=2026")
    assert page.status_code == 200
    html = page.content.decode()
    assert "regio-een".replace("-", " ").title() in html and "Regio Twee" in html
    assert html.count('class="chart-bar"') == 3  # Algemeen 2026 and 2025, Bureau 2026
    assert '<svg class="contribution-chart"' in html and 'role="img"' in html
    assert 'class="chart-group">Regio Een</text>' in html and 'class="chart-label">Algemeen</text>' in html
    assert "Geheimeconcepttekst" not in html  # a draft not sent yet is no public document


def test_the_exports_carry_the_same_numbers(client) -> None:
    _one, _two, shared = two_cooperations()
    url = reverse("finance:statement-export", args=[shared.slug, "csv"]) + "?jaar=2026"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    body = rows[1:-1]
    assert len(body) == 2
    assert sum(Decimal(row[5]) for row in body) == Decimal(rows[-1][5])
    xlsx = client.get(reverse("finance:statement-export", args=[shared.slug, "xlsx"]) + "?jaar=2026")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 4
    assert "Geheimeconcepttekst" not in response.content.decode()
    assert client.get(reverse("finance:statement-export", args=[shared.slug, "pdf"])).status_code == 404


def test_editors_see_their_drafts_in_the_statement_clerks_see_what_visitors_see(client) -> None:
    _one, two, shared = two_cooperations()
    clerk = UserFactory()
    MunicipalityRole.objects.create(user=clerk, municipality=shared, role=MunicipalityRole.Role.CLERK)
    client.force_login(clerk)
    url = reverse("finance:statement", args=[shared.slug]) + "?jaar=2025"
    assert "Geheimeconcepttekst" not in client.get(url).content.decode()
    verified_login(client, editor_of(two.cooperation))
    assert "Geheimeconcepttekst" in client.get(url).content.decode()


def test_bad_requests(client) -> None:
    _one, _two, shared = two_cooperations()
    assert client.get(reverse("finance:statement", args=[shared.slug]) + "?jaar=twee").status_code == 400
    assert client.get(reverse("finance:statement", args=["nergens"])).status_code == 404
    assert client.get(reverse("finance:budget", args=["regio-een", 1999])).status_code == 404
    assert client.get(reverse("finance:budget", args=["regio-een", 2026]) + "?versie=x").status_code == 400


def test_the_statement_query_count_does_not_grow_with_cooperations(
    client, django_assert_max_num_queries
) -> None:
    _one, _two, shared = two_cooperations()
    url = reverse("finance:statement", args=[shared.slug]) + "?jaar=2026"
    with django_assert_max_num_queries(10):
        client.get(url)
    for index in range(3):
        extra = region(slug=f"regio-extra-{index}")
        ParticipationFactory(
            cooperation=extra.cooperation, municipality=shared, joined_on=datetime.date(2010, 1, 1)
        )
        published_budget(extra, year=2026)
        published_budget(extra, year=2025)
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


def test_a_draft_budget_page_is_for_editors_only(client, django_assert_max_num_queries) -> None:
    _one, two, _shared = two_cooperations()
    url = reverse("finance:budget", args=[two.cooperation.slug, 2025])
    assert client.get(url).status_code == 404
    verified_login(client, editor_of(two.cooperation))
    assert "Geheimeconcepttekst" in client.get(url).content.decode()
    client.logout()
    with django_assert_max_num_queries(10):
        page = client.get(reverse("finance:budget", args=[two.cooperation.slug, 2026]))
    assert page.status_code == 200
    assert "Geheimeconcepttekst" not in page.content.decode()
    listing = client.get(reverse("finance:budgets", args=[two.cooperation.slug])).content.decode()
    assert (
        "Geheimeconcepttekst" not in listing
        and "2025" not in listing.split("<main", 1)[1].split("</main>")[0]
    )


def test_the_budget_page_compares_versions_and_years_per_member(client) -> None:
    from naober.finance.services import (
        LineInput,
        budget_adopt,
        budget_change_create,
        budget_line_save,
        budget_send,
    )

    world = region()
    published_budget(world, year=2025, amount="900.00")
    budget = published_budget(world, year=2026, amount="1200.00")
    change = budget_change_create(budget=budget, by=None)
    budget_line_save(
        budget=change,
        line=change.lines.get(),
        data=LineInput(
            name="Algemeen",
            key_kind="equal-and-population",
            amount=Decimal("1500.00"),
            equal_fraction=Decimal("0.5"),
        ),
        by=None,
    )
    budget_send(budget=change, sent_on=datetime.date(2026, 2, 1), by=None, open_round=False)
    budget_adopt(budget=change, adopted_on=datetime.date(2026, 5, 1), by=None)
    page = client.get(reverse("finance:budget", args=[world.cooperation.slug, 2026]))
    result = page.context["page"]
    assert result.budget.pk == change.pk
    changes = {row.municipality.pk: row for row in result.version_changes}
    first = world.members[0]
    # 1500: 250 equally + 750 × 1/6 = 375; before 1200: 200 + 100 = 300; 2025 (900): 150 + 75 = 225
    assert changes[first.pk].now == Decimal("375.00") and changes[first.pk].difference == Decimal("75.00")
    years = {row.municipality.pk: row for row in result.year_changes}
    assert years[first.pk].before == Decimal("225.00")


def test_the_secretariat_builds_a_budget(client) -> None:
    world = region()
    verified_login(client, editor_of(world.cooperation))
    slug = world.cooperation.slug
    response = client.post(reverse("finance:budget-list", args=[slug]), {"year": "2027"})
    assert response.status_code == 302
    budget = Budget.objects.get()
    add = reverse("finance:line-add", args=[slug, budget.pk])
    assert client.get(add).status_code == 200
    members = world.members
    bad = {
        "name": "Jeugd",
        "kind": "programme",
        "key_kind": "percentages",
        "amount": "1000",
        f"pct_{members[0].pk}": "60",
        f"pct_{members[1].pk}": "30",
    }
    response = client.post(add, bad)
    assert response.status_code == 422
    assert "Jeugd" in response.content.decode()
    assert not BudgetLine.objects.exists()
    good = {**bad, f"pct_{members[2].pk}": "10"}
    assert client.post(add, good).status_code == 302
    edit = reverse("finance:budget-edit", args=[slug, budget.pk])
    assert client.get(edit).status_code == 200
    assert (
        client.post(reverse("finance:budget-send", args=[slug, budget.pk]), {"on": "2026-04-01"}).status_code
        == 302
    )
    assert (
        client.post(reverse("finance:budget-adopt", args=[slug, budget.pk]), {"on": "2026-07-01"}).status_code
        == 302
    )
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.ADOPTED
    assert client.post(reverse("finance:budget-change", args=[slug, budget.pk])).status_code == 302
    assert Budget.objects.filter(version=2).exists()


def test_secretariat_pages_keep_a_bounded_query_count(client, django_assert_max_num_queries) -> None:
    world = region()
    verified_login(client, editor_of(world.cooperation))
    budget = budget_create(cooperation=world.cooperation, year=2026, by=None)
    line(budget, name="Eerste")
    url = reverse("finance:budget-edit", args=[world.cooperation.slug, budget.pk])
    with django_assert_max_num_queries(18):
        assert client.get(url).status_code == 200
    for index in range(5):
        line(budget, name=f"Regel {index}", key_kind="participants", participants=world.members[:2])
        PopulationFigureFactory(
            municipality=world.members[0], reference_date=datetime.date(2015 + index, 1, 1)
        )
    with django_assert_max_num_queries(18):
        assert "Regel 4" in client.get(url).content.decode()


def test_the_sitemap_lists_public_budgets_and_statements_only(client) -> None:
    _one, two, shared = two_cooperations()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert reverse("finance:budget", args=[two.cooperation.slug, 2026]) in sitemap
    assert reverse("finance:budget", args=[two.cooperation.slug, 2025]) not in sitemap  # a draft
    assert reverse("finance:statement", args=[shared.slug]) in sitemap

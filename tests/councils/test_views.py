"""The secretariat, clerk and public pages of council involvement: permissions, refusals, query counts."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from naober.councils.models import ConsultationRound, RoundMember
from naober.councils.services import member_plan, outcome_record
from tests.councils.factories import budget_round, public_dossier, region
from tests.factories import UserFactory, verified_login
from tests.samples import pdf_bytes

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def world():
    return region()


@pytest.fixture
def editor_client(world) -> Client:
    return verified_login(Client(), world.editor)


def test_open_a_round_from_the_dossier_page(world, editor_client) -> None:
    dossier = public_dossier(world)
    page = editor_client.get(reverse("secretariat:dossier", args=[world.cooperation.slug, dossier.pk]))
    new_url = reverse("councils:round-new", args=[world.cooperation.slug, dossier.pk])
    assert new_url in page.content.decode()
    form = editor_client.get(new_url)
    assert form.status_code == 200
    response = editor_client.post(
        new_url,
        {
            "kind": "budget",
            "addressee": "council",
            "sent_on": TODAY.isoformat(),
            "members": [m.pk for m in world.members],
        },
    )
    opened = ConsultationRound.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "councils:round", args=[world.cooperation.slug, opened.pk]
    )
    page = editor_client.get(response.url).content.decode()
    assert "Doetinchem" in page and "answers awaited" in page


def test_bad_deadline_in_the_form_is_a_422_with_message(world, editor_client) -> None:
    dossier = public_dossier(world)
    response = editor_client.post(
        reverse("councils:round-new", args=[world.cooperation.slug, dossier.pk]),
        {
            "kind": "budget",
            "addressee": "council",
            "sent_on": TODAY.isoformat(),
            "deadline": (TODAY - datetime.timedelta(days=2)).isoformat(),
            "members": [world.members[0].pk],
        },
    )
    assert response.status_code == 422
    assert "deadline must lie after the sending date" in response.content.decode()
    assert not ConsultationRound.objects.exists()


def test_secretariat_pages_are_for_editors_only(world) -> None:
    opened = budget_round(world, public_dossier(world))
    url = reverse("councils:round", args=[world.cooperation.slug, opened.pk])
    outsider = Client()
    outsider.force_login(UserFactory())
    assert outsider.get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to sign in
    clerk = Client()
    clerk.force_login(world.clerks["doetinchem"])
    assert clerk.get(reverse("councils:rounds", args=[world.cooperation.slug])).status_code == 404


def test_record_outcome_in_the_secretariat_and_second_one_is_refused(world, editor_client) -> None:
    opened = budget_round(world, public_dossier(world))
    member = opened.members.get(municipality__slug="aalten")
    url = reverse("councils:round-outcome", args=[world.cooperation.slug, opened.pk])
    data = {"member": member.pk, "outcome": "agrees", "decided_on": TODAY.isoformat(), "text": "Eens"}
    assert editor_client.post(url, data).status_code == 302
    response = editor_client.post(url, {**data, "outcome": "disagrees"}, follow=True)
    assert "has an outcome already" in response.content.decode()
    member.refresh_from_db()
    assert member.outcome == "agrees"


def test_round_page_queries_do_not_grow_with_members(
    world, editor_client, django_assert_max_num_queries
) -> None:
    opened = budget_round(world, public_dossier(world))
    for member in opened.members.all()[:3]:
        outcome_record(member=member, outcome="agrees", decided_on=TODAY, by=None)
    url = reverse("councils:round", args=[world.cooperation.slug, opened.pk])
    editor_client.get(url)
    with django_assert_max_num_queries(30):
        assert editor_client.get(url).status_code == 200


def test_clerk_page_and_recording_for_own_municipality(world) -> None:
    opened = budget_round(world, public_dossier(world))
    client = Client()
    client.force_login(world.clerks["doetinchem"])
    home = client.get(reverse("councils:clerk", args=["doetinchem"]))
    assert home.status_code == 200 and "Ontwerpbegroting 2027" in home.content.decode()
    own = opened.members.get(municipality__slug="doetinchem")
    url = reverse("councils:clerk-member", args=["doetinchem", own.pk])
    upload = pdf_bytes("Besluit van de raad")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        url,
        {
            "action": "outcome",
            "outcome": "remarks",
            "decided_on": TODAY.isoformat(),
            "text": "Met opmerkingen",
            "document": SimpleUploadedFile("besluit.pdf", upload, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.outcome == "remarks" and own.opinion_document


def test_clerk_for_another_municipality_gets_403_with_a_message(world) -> None:
    opened = budget_round(world, public_dossier(world))
    other = opened.members.get(municipality__slug="aalten")
    client = Client()
    client.force_login(world.clerks["doetinchem"])
    # Through their own municipality's address with another's record, and through the other's address.
    for url in (
        reverse("councils:clerk-member", args=["doetinchem", other.pk]),
        reverse("councils:clerk-member", args=["aalten", other.pk]),
    ):
        response = client.post(
            url, {"action": "outcome", "outcome": "agrees", "decided_on": TODAY.isoformat()}
        )
        assert response.status_code == 403, url
        assert "Aalten" in response.content.decode()
    response = client.get(reverse("councils:clerk", args=["aalten"]))
    assert response.status_code == 403
    assert "council clerk of Aalten" in response.content.decode()
    other.refresh_from_db()
    assert other.outcome == ""


def test_public_dossier_page_shows_the_matrix_and_the_roll_up(world) -> None:
    dossier = public_dossier(world)
    opened = budget_round(world, dossier)
    member = opened.members.get(municipality__slug="winterswijk")
    outcome_record(member=member, outcome="disagrees", decided_on=TODAY, text="Te duur qxraadtekst", by=None)
    page = Client().get(f"/{world.cooperation.slug}/dossiers/{dossier.pk}/", follow=True).content.decode()
    assert "Winterswijk" in page and "qxraadtekst" in page and "Combined result" in page


def test_confidential_dossier_rounds_are_not_public(world) -> None:
    dossier = public_dossier(world, title="Geheim qxverdossier", confidentiality="confidential")
    opened = budget_round(world, dossier)
    member_plan(
        member=opened.members.get(municipality__slug="doetinchem"), planned_council_date=TODAY, by=None
    )
    for url in (
        reverse("councils:regional-agenda", args=["doetinchem"]),
        reverse("councils:regional-agenda-ics", args=["doetinchem"]),
        reverse("councils:municipality", args=["doetinchem"]),
    ):
        assert "qxverdossier" not in Client().get(url).content.decode()
    from naober.councils.oparl import public_council_step, public_council_steps

    assert public_council_steps([dossier.pk]) == {}
    assert public_council_step(opened.members.first().pk) is None


def test_regional_agenda_page_and_feed(world, django_assert_max_num_queries) -> None:
    other = region(slug="regio-twee", populations=(("doetinchem", 58000), ("zutphen", 47000)))
    first = budget_round(world, public_dossier(world))
    second = budget_round(other, public_dossier(other, title="Regionaal fietsplan"))
    member_plan(
        member=second.members.get(municipality__slug="doetinchem"),
        planned_council_date=TODAY + datetime.timedelta(days=9),
        by=None,
    )
    client = Client()
    url = reverse("councils:regional-agenda", args=["doetinchem"])
    client.get(url)
    with django_assert_max_num_queries(8):
        page = client.get(url).content.decode()
    assert "Ontwerpbegroting 2027" in page and "Regionaal fietsplan" in page
    feed = client.get(reverse("councils:regional-agenda-ics", args=["doetinchem"]))
    assert feed["Content-Type"].startswith("text/calendar")
    from icalendar import Calendar

    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert len(events) == 3  # two deadlines and one planned council date
    assert {str(event["UID"]).split("@")[0] for event in events} >= {
        f"council-deadline-{first.members.get(municipality__slug='doetinchem').pk}"
    }
    assert client.get(reverse("councils:municipality", args=["doetinchem"])).status_code == 200
    assert client.get(reverse("councils:municipality", args=["nergens"])).status_code == 404


def test_public_decision_download(world) -> None:
    opened = budget_round(world, public_dossier(world))
    member = opened.members.get(municipality__slug="aalten")
    outcome_record(
        member=member,
        outcome="agrees",
        decided_on=TODAY,
        by=None,
        document=("besluit.pdf", pdf_bytes("Raadsbesluit")),
    )
    response = Client().get(reverse("councils:decision-download", args=["aalten", member.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert (
        Client().get(reverse("councils:decision-download", args=["doetinchem", member.pk])).status_code == 404
    )


def test_reactienota_written_and_sent(
    world, editor_client, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    from naober.councils.models import CouncilAddress

    for municipality in world.members:
        CouncilAddress.objects.create(
            municipality=municipality, council_email=f"raad@{municipality.slug}.example.org"
        )
    opened = budget_round(world, public_dossier(world))
    aalten = opened.members.get(municipality__slug="aalten")
    outcome_record(member=aalten, outcome="disagrees", decided_on=TODAY, text="Te duur", by=None)
    url = reverse("councils:round-response", args=[world.cooperation.slug, opened.pk])
    refused = editor_client.post(url, {"introduction": "Dank", "send": "1"}, follow=True)
    assert "missing: Aalten" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url, {"introduction": "Dank", f"answer-{aalten.pk}": "Het is nodig.", "send": "1"})
    aalten.refresh_from_db()
    assert aalten.response_sent_at is not None
    assert len(mailoutbox) == 4
    to_aalten = next(message for message in mailoutbox if message.to == ["raad@aalten.example.org"])
    assert "Het is nodig." in to_aalten.body
    assert RoundMember.objects.filter(round=opened, response_sent_at__isnull=True).count() == 0


def test_plan_a_council_date_in_the_secretariat(world, editor_client) -> None:
    opened = budget_round(world, public_dossier(world))
    member = opened.members.get(municipality__slug="berkelland")
    url = reverse("councils:round-plan", args=[world.cooperation.slug, opened.pk])
    day = TODAY + datetime.timedelta(days=12)
    assert (
        editor_client.post(url, {"member": member.pk, "planned_council_date": day.isoformat()}).status_code
        == 302
    )
    member.refresh_from_db()
    assert (member.planned_council_date, member.status) == (day, "agenda")
    elsewhere = region(slug="regio-anders")
    other = budget_round(elsewhere, public_dossier(elsewhere))
    stray = other.members.first()
    response = editor_client.post(
        url, {"member": stray.pk, "planned_council_date": day.isoformat()}, follow=True
    )
    assert "Choose a member of this round" in response.content.decode()


def test_clerk_page_queries_do_not_grow(world, django_assert_max_num_queries) -> None:
    for title in ("Een", "Twee", "Drie"):
        budget_round(world, public_dossier(world, title=title))
    client = Client()
    client.force_login(world.clerks["doetinchem"])
    url = reverse("councils:clerk", args=["doetinchem"])
    client.get(url)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_admin_pages_for_the_configurable_data(world) -> None:
    from naober.councils.models import CouncilAddress, DeadlineRule, DecisionRule

    admin = UserFactory(username="beheer", is_staff=True, is_superuser=True)
    client = verified_login(Client(), admin)
    for model in (DeadlineRule, DecisionRule, CouncilAddress):
        url = reverse(f"admin:councils_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200
        assert client.get(url.replace("/", "/", 1) + "add/").status_code == 200
    response = client.post(
        reverse("admin:councils_deadlinerule_add"),
        {"cooperation": world.cooperation.pk, "kind": "identical", "weeks": 10, "remind_days_before": 7},
    )
    assert response.status_code == 302
    assert DeadlineRule.objects.get().weeks == 10


def test_regional_document_uploaded_with_the_round_for_editors_and_clerks(world, editor_client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    dossier = public_dossier(world)
    response = editor_client.post(
        reverse("councils:round-new", args=[world.cooperation.slug, dossier.pk]),
        {
            "kind": "identical",
            "addressee": "college",
            "sent_on": TODAY.isoformat(),
            "members": [world.members[0].pk, world.members[1].pk],
            "regional_text": "Het college besluit in te stemmen.",
            "regional_document": SimpleUploadedFile("voorstel.pdf", pdf_bytes("Voorstel"), "application/pdf"),
        },
    )
    assert response.status_code == 302
    opened = ConsultationRound.objects.get()
    assert opened.regional_document.name.endswith(".pdf")
    download = editor_client.get(reverse("councils:round-document", args=[world.cooperation.slug, opened.pk]))
    assert download.status_code == 200
    member = opened.members.get(municipality__slug="doetinchem")
    clerk = Client()
    clerk.force_login(world.clerks["doetinchem"])
    assert clerk.get(reverse("councils:clerk-document", args=["doetinchem", member.pk])).status_code == 200
    other = opened.members.get(municipality__slug="aalten")
    assert clerk.get(reverse("councils:clerk-document", args=["doetinchem", other.pk])).status_code == 403


def test_a_disguised_regional_document_is_refused(world, editor_client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    dossier = public_dossier(world)
    response = editor_client.post(
        reverse("councils:round-new", args=[world.cooperation.slug, dossier.pk]),
        {
            "kind": "budget",
            "addressee": "council",
            "sent_on": TODAY.isoformat(),
            "members": [world.members[0].pk],
            "regional_document": SimpleUploadedFile("voorstel.pdf", b"MZ\x90\x00", "application/pdf"),
        },
    )
    assert response.status_code == 422
    assert "alert--error" in response.content.decode()
    assert not ConsultationRound.objects.exists()


def test_public_dossier_page_queries_do_not_grow_with_members_or_outcomes(world) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(dossier) -> int:
        client = Client()
        url = f"/{world.cooperation.slug}/dossiers/{dossier.pk}/"
        client.get(url, follow=True)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, follow=True).status_code == 200
        return len(captured)

    small = public_dossier(world, title="Klein")
    budget_round(world, small, members=world.members[:1])
    large = public_dossier(world, title="Groot")
    opened = budget_round(world, large)
    for member in opened.members.all():
        outcome_record(member=member, outcome="remarks", decided_on=TODAY, text="Opmerking", by=None)
    assert queries(large) == queries(small)


def test_regional_agenda_shows_the_budget_cycle_of_wgr_cooperations(world) -> None:
    from icalendar import Calendar

    from naober.finance.services.cycle import cycle_generate
    from naober.registry.models import Cooperation

    Cooperation.objects.filter(pk=world.cooperation.pk).update(legal_form="wgr-openbaar-lichaam")
    world.cooperation.refresh_from_db()
    milestones = cycle_generate(cooperation=world.cooperation, budget_year=TODAY.year + 2, by=None)
    coming = [m for m in milestones if m.due_on >= TODAY]
    assert coming
    client = Client()
    page = client.get(reverse("councils:regional-agenda", args=["doetinchem"])).content.decode()
    assert reverse("finance:budgets", args=[world.cooperation.slug]) in page
    assert f"budget {TODAY.year + 2}" in page or f"begroting {TODAY.year + 2}" in page
    feed = client.get(reverse("councils:regional-agenda-ics", args=["doetinchem"]))
    uids = {str(event["UID"]).split("@")[0] for event in Calendar.from_ical(feed.content).walk("VEVENT")}
    assert {f"budget-milestone-{m.pk}" for m in coming if (m.due_on - TODAY).days <= 550} <= uids

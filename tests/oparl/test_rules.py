"""One test per MUST rule of OParl 1.1 (shared/standards/oparl/README.md) that the schemas do not check."""

from __future__ import annotations

import datetime
import json

import pytest
from django.utils import timezone

from naober.meetings.models import Meeting
from naober.oparl import ids
from tests.oparl.helpers import DATE_TIME, get_json, path_of, validate, walk

pytestmark = pytest.mark.django_db

ERROR_TYPE = "https://schema.oparl.org/1.1/Error"


def body_url(region, name: str = "") -> str:
    url = ids.body(region.cooperation.pk)
    return f"{url}/{name}" if name else url


def error_of(response, status: int) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:200])
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["type"] == ERROR_TYPE and data["message"]
    return data


def test_system_names_the_version_and_the_body_list(client, region):
    system = get_json(client, "/oparl/v1.1/")
    validate(system)
    assert system["id"] == "http://testserver/oparl/v1.1/"
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    bodies = get_json(client, system["body"])
    assert [body["id"] for body in bodies["data"]] == [body_url(region)]


def test_body_has_its_lists_and_embedded_terms(client, region):
    body = get_json(client, body_url(region))
    for name in ids.BODY_LISTS:
        assert body[name] == body_url(region, name)
        listed = get_json(client, body[name])
        assert set(listed) == {"data", "pagination", "links"}
    assert [term["startDate"] for term in body["legislativeTerm"]] == [
        "2018-03-29",
        "2022-03-30",
        "2026-04-01",
    ]
    assert all("body" not in term for term in body["legislativeTerm"])


def test_every_object_has_id_type_created_and_modified_and_answers_at_its_id(client, region, crawled):
    result = crawled
    assert {
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Location",
        "Paper",
        "Consultation",
        "File",
        "LegislativeTerm",
    } <= result.types()
    for url, data in result.objects.items():
        assert data["type"].startswith("https://schema.oparl.org/1.1/")
        assert DATE_TIME.match(data["created"]) and DATE_TIME.match(data["modified"]), url
        own = get_json(client, url)
        assert own["id"] == url
        assert own["type"] == data["type"]


def test_embedded_objects_leave_out_the_back_reference(client, region):
    meeting = get_json(client, ids.meeting(region.meetings[0].pk))
    assert meeting["agendaItem"] and all("meeting" not in item for item in meeting["agendaItem"])
    assert "meetings" not in meeting["location"]
    paper = get_json(client, ids.paper(region.dossiers[0].pk))
    assert all("paper" not in step for step in paper["consultation"])
    standalone = get_json(client, paper["consultation"][0]["id"])
    assert standalone["paper"] == paper["id"]
    item = get_json(client, meeting["agendaItem"][0]["id"])
    assert item["meeting"] == meeting["id"]


def test_properties_without_data_are_left_out(client, region, crawled):
    result = crawled
    text = result.all_text
    assert ": null" not in text and ":null" not in text
    for data in result.objects.values():
        for key, value in data.items():
            assert value not in (None, "", [], {}) or key == "legislativeTerm", (data["id"], key)


@pytest.mark.parametrize(
    ("spelling", "target"),
    [
        ("/oparl/", "/oparl/v1.1/"),
        ("/oparl/v1.1", "/oparl/v1.1/"),
        ("/oparl/v1.1/body/", "/oparl/v1.1/body"),
    ],
)
def test_other_spellings_of_an_address_move_permanently(client, region, spelling, target):
    response = client.get(spelling)
    assert response.status_code == 301
    assert response["Location"] == f"http://testserver{target}"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_object_urls_with_a_slash_or_leading_zeros_move_permanently(client, region):
    pk = region.meetings[0].pk
    for spelling in (f"/oparl/v1.1/meeting/{pk}/", f"/oparl/v1.1/meeting/00{pk}"):
        response = client.get(spelling)
        assert response.status_code == 301
        assert response["Location"] == ids.meeting(pk)
    response = client.get(f"/oparl/v1.1/body/{region.cooperation.pk}/meeting/?limit=2")
    assert response.status_code == 301
    assert response["Location"] == body_url(region, "meeting") + "?limit=2"


def test_lists_page_by_keyset_with_next_links_until_the_last_page(client, region):
    whole = get_json(client, body_url(region, "agendaItem"))["data"]
    assert len(whole) > 5
    seen, url, pages = [], body_url(region, "agendaItem") + "?limit=2", 0
    while url:
        page = get_json(client, url)
        assert page["pagination"]["elementsPerPage"] == 2
        assert len(page["data"]) <= 2
        seen.extend(item["id"] for item in page["data"])
        url = page["links"].get("next", "")
        pages += 1
    assert seen == [item["id"] for item in whole]
    assert pages == -(-len(whole) // 2)


def test_pages_stay_stable_when_objects_are_added_meanwhile(client, region):
    first = get_json(client, body_url(region, "organization") + "?limit=2")
    before = [item["id"] for item in get_json(client, body_url(region, "organization"))["data"]]
    from tests.factories import BodyFactory

    BodyFactory(cooperation=region.cooperation, name="Nieuwe stuurgroep", slug="nieuw")
    seen = [item["id"] for item in first["data"]]
    url = first["links"]["next"]
    while url:
        page = get_json(client, url)
        seen.extend(item["id"] for item in page["data"])
        url = page["links"].get("next", "")
    assert len(seen) == len(set(seen))
    assert set(before) <= set(seen)


def test_date_filters_work_and_are_carried_into_every_link(client, region):
    future = (timezone.now() + datetime.timedelta(days=1)).replace(microsecond=0).isoformat()
    past = "2000-01-01T00:00:00+01:00"
    assert (
        get_json(client, body_url(region, "meeting") + f"?created_since={future.replace('+', '%2B')}")["data"]
        == []
    )
    query = f"?created_since={past.replace('+', '%2B')}&modified_until={future.replace('+', '%2B')}&limit=1"
    page = get_json(client, body_url(region, "meeting") + query)
    assert len(page["data"]) == 1
    for link in page["links"].values():
        assert "created_since=2000-01-01T00%3A00%3A00%2B01%3A00" in link
        assert "modified_until=" in link and "limit=1" in link
    follow = get_json(client, page["links"]["next"])
    assert follow["data"] and follow["data"][0]["id"] != page["data"][0]["id"]


def test_an_unencoded_plus_in_a_filter_is_understood(client, region):
    page = get_json(client, body_url(region, "meeting") + "?modified_since=2000-01-01T00:00:00+01:00")
    assert page["data"]


@pytest.mark.parametrize(
    "query",
    [
        "created_since=yesterday",
        "modified_since=2026-01-01",
        "modified_until=2026-01-01T10:00:00",  # no offset
        "created_until=2026-13-01T10:00:00%2B01:00",
        "created_since=2026-02-01T00:00:00Z&created_until=2026-01-01T00:00:00Z",
        "limit=0",
        "limit=abc",
        "limit=-3",
        "omit_internal=perhaps",
        "cursor=not-a-cursor",
        "cursor=eHl6OjE",  # a well-formed cursor of another list
    ],
)
def test_bad_filters_limit_or_cursor_answer_400_with_the_error_object(client, region, query):
    error_of(client.get(body_url(region, "meeting") + "?" + query), 400)


def test_limit_is_a_hint_capped_by_the_server(client, region):
    page = get_json(client, body_url(region, "agendaItem") + "?limit=100000")
    assert page["pagination"]["elementsPerPage"] == 500


def test_omit_internal_drops_embedded_lists(client, region):
    meetings = get_json(client, body_url(region, "meeting") + "?omit_internal=true")["data"]
    assert meetings and all("agendaItem" not in meeting for meeting in meetings)
    people = get_json(client, body_url(region, "person") + "?omit_internal=true")["data"]
    assert all("membership" not in person for person in people)
    papers = get_json(client, body_url(region, "paper") + "?omit_internal=true")["data"]
    assert all("consultation" not in paper for paper in papers)


def test_deleted_files_appear_only_under_modified_since(client, region):
    gone = ids.file(region.deleted_documents[0].pk)
    plain = get_json(client, body_url(region, "file"))["data"]
    assert gone not in {item["id"] for item in plain}
    assert all(not item.get("deleted") for item in plain)
    changed = get_json(client, body_url(region, "file") + "?modified_since=2000-01-01T00:00:00Z")["data"]
    deleted = [item for item in changed if item["id"] == gone]
    assert deleted and deleted[0]["deleted"] is True
    validate(deleted[0])
    assert set(deleted[0]) == {"id", "type", "created", "modified", "deleted", "accessUrl"}
    single = get_json(client, gone)
    assert single["deleted"] is True
    error_of(client.get(path_of(single["accessUrl"])), 410)
    error_of(client.get(path_of(gone) + "/download"), 410)


def test_hidden_deleted_files_are_not_reported_deleted(client, region):
    from naober.meetings.services.documents import document_delete

    hidden = region.hidden_documents[0]
    document_delete(document=hidden)
    changed = get_json(client, body_url(region, "file") + "?modified_since=2000-01-01T00:00:00Z")["data"]
    assert ids.file(hidden.pk) not in {item["id"] for item in changed}
    error_of(client.get(path_of(ids.file(hidden.pk))), 404)


def test_every_answer_allows_any_origin(client, region):
    document = region.public_documents[0]
    for url in (
        "/oparl/v1.1/",
        "/oparl/v1.1/body/",
        "/oparl/v1.1/meeting/999999",
        "/oparl/v1.1/nothing-here",
        path_of(ids.file_access(document.pk)),
        path_of(ids.file_download(document.pk)),
        body_url(region, "meeting") + "?limit=x",
    ):
        response = client.get(path_of(url) if url.startswith("http") else url)
        assert response["Access-Control-Allow-Origin"] == "*", url
    preflight = client.options("/oparl/v1.1/")
    assert preflight["Access-Control-Allow-Origin"] == "*"


def test_access_url_shows_the_file_inline_and_download_url_saves_it(client, region):
    document = region.public_documents[0]
    data = get_json(client, ids.file(document.pk))
    access = client.get(path_of(data["accessUrl"]))
    assert access.status_code == 200
    content = b"".join(access.streaming_content)
    assert content.startswith(b"%PDF")
    assert "attachment" not in access.get("Content-Disposition", "")
    assert access["Content-Length"] == str(data["size"]) == str(len(content))
    assert access["Content-Type"] == data["mimeType"]
    import hashlib

    assert hashlib.sha512(content).hexdigest() == data["sha512Checksum"]
    download = client.get(path_of(data["downloadUrl"]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert data["fileName"] in download["Content-Disposition"]
    assert download["Access-Control-Allow-Origin"] == "*"


def test_files_answer_conditional_requests(client, region):
    url = path_of(ids.file_access(region.public_documents[0].pk))
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_unknown_ids_and_addresses_are_404_error_objects(client, region):
    for url in (
        "/oparl/v1.1/meeting/999999",
        "/oparl/v1.1/paper/999999",
        "/oparl/v1.1/body/999999",
        "/oparl/v1.1/body/999999/meeting",
        f"/oparl/v1.1/body/{region.cooperation.pk}/unknownList",
        f"/oparl/v1.1/body/{region.cooperation.pk}/person/999999",
        f"/oparl/v1.1/body/{region.cooperation.pk}/legislativeTerm/1990",
        "/oparl/v1.1/file/999999/access",
        "/oparl/v1.1/councilConsultation/1",
        "/oparl/v2/",
    ):
        error_of(client.get(url), 404)


def test_writing_methods_are_refused_with_the_error_object(client, region):
    error_of(client.post("/oparl/v1.1/"), 405)


def test_no_cookies_and_the_same_answer_for_everyone(client, region):
    from tests.factories import UserFactory

    anonymous = client.get(path_of(ids.meeting(region.meetings[0].pk)))
    assert not anonymous.cookies
    user = UserFactory()
    client.force_login(user)
    signed_in = client.get(path_of(ids.meeting(region.meetings[0].pk)))
    assert signed_in.content == anonymous.content


def test_json_is_utf8_with_dates_and_date_times_in_the_required_form(client, region):
    response = client.get(path_of(body_url(region, "organization")))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content.decode("utf-8"))
    for found in walk(data):
        for key in ("startDate", "endDate"):
            if key in found:
                datetime.date.fromisoformat(found[key])


def test_hidden_and_unpublished_things_are_absent(client, region, crawled):
    result = crawled
    assert "zzgeheim" not in result.all_text
    assert "zzconcept" not in result.all_text
    for document in region.hidden_documents:
        error_of(client.get(path_of(ids.file(document.pk))), 404)
        error_of(client.get(path_of(ids.file_access(document.pk))), 404)
        assert ids.file(document.pk) not in result.objects
    for dossier in region.hidden_dossiers:
        error_of(client.get(path_of(ids.paper(dossier.pk))), 404)
    for meeting in region.unpublished:
        error_of(client.get(path_of(ids.meeting(meeting.pk))), 404)
        assert ids.meeting(meeting.pk) not in result.objects
    # A step of a hidden dossier on a public meeting is not served either.
    steps = get_json(client, body_url(region, "consultation"))["data"]
    hidden_papers = {ids.paper(dossier.pk) for dossier in region.hidden_dossiers}
    assert not hidden_papers & {step.get("paper") for step in steps}


def test_cancelled_meetings_say_so(client, region):
    cancelled = Meeting.objects.filter(cooperation=region.cooperation, status="cancelled").first()
    data = get_json(client, ids.meeting(cancelled.pk))
    assert data["cancelled"] is True


def test_memberships_name_the_municipality_represented(client, region):
    people = get_json(client, body_url(region, "person"))["data"]
    membership = people[0]["membership"][0]
    assert membership["votingRight"] is True
    assert membership["onBehalfOf"].startswith(body_url(region, "municipality/"))
    municipality = get_json(client, membership["onBehalfOf"])
    assert municipality["classification"] == "Gemeente"
    assert municipality["naober:cbsCode"].startswith("GM")
    assert municipality["naober:population"]["count"] >= 10000
    organization = get_json(client, membership["organization"])
    assert organization["organizationType"] == "Gremium"


def test_organizations_show_the_preparation_structure(client, region):
    bo = get_json(client, ids.organization(region.bo.pk))
    assert bo["subOrganizationOf"] == ids.organization(region.board.pk)
    assert bo["naober:bodyKind"] == "portfolio-meeting"
    assert bo["web"].endswith(f"/{region.cooperation.slug}/organen/bo-wonen/")


def test_the_deciding_step_is_authoritative(client, region):
    paper = get_json(client, ids.paper(region.dossiers[0].pk))
    roles = [(step["role"], step["authoritative"]) for step in paper["consultation"]]
    assert roles == [("Vorberatung", False), ("Anhörung", False), ("Entscheidung", True)]
    assert paper["web"].startswith(f"http://testserver/{region.cooperation.slug}/dossiers/")


def test_meeting_and_paper_lists_have_smaller_pages_than_the_others(client, region):
    """A meeting embeds its agenda items and files, a paper its consultations and files: their pages are
    smaller by default and capped lower; a link keeps only a limit the client chose."""
    meetings = get_json(client, body_url(region, "meeting"))
    assert meetings["pagination"]["elementsPerPage"] == 20
    assert get_json(client, body_url(region, "paper"))["pagination"]["elementsPerPage"] == 50
    assert get_json(client, body_url(region, "agendaItem"))["pagination"]["elementsPerPage"] == 100
    capped = get_json(client, body_url(region, "meeting") + "?limit=500")
    assert capped["pagination"]["elementsPerPage"] == 100
    assert "limit=" not in meetings["links"]["first"]
    chosen = get_json(client, body_url(region, "meeting") + "?limit=1")
    assert "limit=1" in chosen["links"]["next"]

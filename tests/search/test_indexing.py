"""The index follows every change after commit (tasks run immediately in tests), `naober reindex`
rebuilds it atomically, and a missing or outdated index is rebuilt instead of breaking search."""

from __future__ import annotations

import datetime
import io
import json
import shutil

import pytest
from django.core.management import call_command
from django.utils import timezone

from naober.access.models import LegalGround
from naober.access.secrecy import secrecy_impose, secrecy_lift
from naober.core.models import Confidentiality
from naober.meetings.models import AgendaItem, MeetingStatus
from naober.meetings.services.agenda import agenda_item_remove, agenda_item_update
from naober.meetings.services.convene import meeting_convene
from naober.meetings.services.documents import document_add, document_delete
from naober.meetings.services.meeting import meeting_cancel
from naober.search import checks, signals
from naober.search.backend import get_backend
from naober.search.indexing import rebuild
from naober.search.services import search_for
from naober.search.tantivy_index import META_FILE, POINTER_FILE
from tests.samples import pdf_bytes
from tests.search.conftest import FUTURE, World, add_item, committed, plan
from tests.search.conftest import chain as chain  # noqa: F401 - fixture

ANONYMOUS = None


def found(q: str, viewer: object = ANONYMOUS) -> set[str]:
    return {hit.key for hit in search_for(viewer_or_user=viewer, q=q).hits}


@pytest.fixture
def dummy_tasks(settings: object) -> object:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    return default_task_backend


def test_new_and_changed_items_are_found_after_commit(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    with committed(django_capture_on_commit_callbacks):
        item = add_item(world.convened, "Verkeersveiligheid", "Veilige fietsroutes naar scholen.")
    assert found("fietsroutes") == {f"agenda_item:{item.pk}"}
    with committed(django_capture_on_commit_callbacks):
        agenda_item_update(item=item, expected_version=None, description="Snelheid omlaag bij basisscholen.")
    assert found("fietsroutes") == set()
    assert found("basisschool") == {f"agenda_item:{item.pk}"}


def test_confidentiality_of_an_item_carries_to_its_documents(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    assert f"document:{world.public_document.pk}" in found("woningbouwprogramma")
    with committed(django_capture_on_commit_callbacks):
        agenda_item_update(
            item=world.public_item, expected_version=None, confidentiality=Confidentiality.CONFIDENTIAL
        )
    # The dossier stays public: it is on a published meeting's agenda (access.rules).
    assert found("woningbouwprogramma") == {f"dossier:{world.dossier.pk}"}
    assert f"document:{world.public_document.pk}" in found("woningbouwprogramma", world.viewer("member"))


def test_convening_publishes_and_a_cancelled_plan_stays_closed(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    assert found("boomvalk") == set()
    with committed(django_capture_on_commit_callbacks):
        meeting_convene(meeting=world.planned, expected_version=None, by=None)
    assert found("boomvalk") == {f"agenda_item:{world.unconvened_item.pk}"}
    other = plan(world.chain.bo, FUTURE + datetime.timedelta(days=20), with_standard_items=False)
    with committed(django_capture_on_commit_callbacks):
        add_item(other, "Reserve", "De wulp-agenda.")
        meeting_cancel(meeting=other, reason="Geen agenda", expected_version=None)
    assert found("wulp") == set()
    assert found("wulp", world.viewer("editor")) != set()


def test_secrecy_follows_impose_and_lift(world: World, django_capture_on_commit_callbacks: object) -> None:
    member, recipient = world.viewer("member"), world.viewer("recipient")
    assert found("zwaluwstaart", member) != set()
    with committed(django_capture_on_commit_callbacks):
        secrecy = secrecy_impose(
            item=world.confidential_item,
            imposed_by=world.chain.board,
            legal_ground=LegalGround.ECONOMIC_INTERESTS,
            recipients=[world.users["recipient"]],
            by=None,
        )
    assert found("zwaluwstaart", member) == set()
    assert found("zwaluwstaart", recipient) == {f"agenda_item:{world.confidential_item.pk}"}
    with committed(django_capture_on_commit_callbacks):
        secrecy_lift(secrecy=secrecy, by=None)
    assert found("zwaluwstaart", member) != set()
    assert found("zwaluwstaart", recipient) != set()
    assert found("zwaluwstaart") == set()


def test_a_documents_extracted_text_is_indexed(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    with committed(django_capture_on_commit_callbacks):
        document = document_add(
            title="Notitie",
            filename="notitie.pdf",
            content=pdf_bytes("Mobiliteitsvisie 2040"),
            agenda_item=world.public_item,
        )
    assert found("mobiliteitsvisie") == {f"document:{document.pk}"}
    with committed(django_capture_on_commit_callbacks):
        document_delete(document=document)
    assert found("mobiliteitsvisie") == set()


def test_removing_an_item_removes_it_and_moves_its_documents(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    item = add_item(
        world.convened, "Bijlagen", "Over de kievit.", confidentiality=Confidentiality.CONFIDENTIAL
    )
    document = document_add(
        title="Kievitnota",
        filename="k.pdf",
        content=pdf_bytes("kievit"),
        agenda_item=item,
        confidentiality=Confidentiality.PUBLIC,
    )
    rebuild()
    assert found("kievitnota") == set()  # closed with its item
    with committed(django_capture_on_commit_callbacks):
        agenda_item_remove(item=item, expected_version=None)
    assert found("kievit", world.viewer("editor")) == {f"document:{document.pk}"}
    assert found("kievitnota") == {f"document:{document.pk}"}  # now a public document of the meeting


def test_one_task_per_transaction(
    world: World, dummy_tasks: object, django_capture_on_commit_callbacks: object
) -> None:
    from django.db import transaction

    with committed(django_capture_on_commit_callbacks), transaction.atomic():
        for number in range(5):
            add_item(world.convened, f"Punt {number}", "Tekst.")
    updates = [r for r in dummy_tasks.results if r.task.name == "search_update"]
    assert len(updates) == 1
    assert len([key for key in updates[0].kwargs["keys"] if key.startswith("agenda_item:")]) == 5


def test_a_rolled_back_savepoint_does_not_lose_later_changes(world: World, dummy_tasks: object) -> None:
    from django.db import transaction

    signals._state.pending = None  # as at the start of a request's transaction
    with transaction.atomic():
        try:
            with transaction.atomic():
                signals.note(["agenda_item:999"])
                raise RuntimeError
        except RuntimeError:
            pass
        signals.note(["agenda_item:1000"])
        callbacks = [entry[1] for entry in transaction.get_connection().run_on_commit]
    assert any(getattr(callback, "keys", None) == {"agenda_item:1000"} for callback in callbacks)


def test_reindex_command_rebuilds_with_progress(world: World) -> None:
    root = get_backend().stats().path
    before = (get_backend().directory.root / POINTER_FILE).read_text()
    AgendaItem.objects.filter(pk=world.public_item.pk).update(description="Stilletjes gewijzigd: roerdomp.")
    assert found("roerdomp") == set()
    out, err = io.StringIO(), io.StringIO()
    call_command("reindex", batch_size=2, stdout=out, stderr=err)
    assert found("roerdomp") == {f"agenda_item:{world.public_item.pk}"}
    assert "Indexed 11 search documents from 11 objects" in out.getvalue()
    assert "objects (100%)" in err.getvalue() and "[####" in err.getvalue()
    assert (get_backend().directory.root / POINTER_FILE).read_text() != before
    assert get_backend().stats().path == root


def test_a_missing_index_is_rebuilt_on_first_search(world: World) -> None:
    shutil.rmtree(get_backend().directory.root)
    assert checks.search_index(databases=["default"])[0].id == "naober.search.W001"
    assert checks.search_index() == []  # without --database: no database checks
    err = io.StringIO()
    call_command("check", "--database", "default", stderr=err, stdout=io.StringIO())
    assert "naober.search.W001" in err.getvalue()
    results = search_for(viewer_or_user=None, q="woningbouwprogramma")  # tasks run at once in tests
    assert not results.index_unavailable
    assert results.total == 3
    assert checks.search_index(databases=["default"]) == []


def test_an_outdated_index_is_rebuilt_not_used(world: World) -> None:
    root = get_backend().directory.root
    live = root / (root / POINTER_FILE).read_text()
    meta = json.loads((live / META_FILE).read_text())
    (live / META_FILE).write_text(json.dumps({**meta, "schema": 0}))
    assert checks.search_index(databases=["default"])[0].id == "naober.search.W001"
    assert search_for(viewer_or_user=None, q="woningbouwprogramma").total == 3
    assert (root / POINTER_FILE).read_text() != live.name


def test_without_a_worker_search_says_it_is_unavailable(world: World, dummy_tasks: object) -> None:
    shutil.rmtree(get_backend().directory.root)
    results = search_for(viewer_or_user=None, q="woningbouwprogramma")
    assert results.index_unavailable
    assert results.hits == []
    assert search_for(viewer_or_user=None, q="woning").index_unavailable
    rebuilds = [r for r in dummy_tasks.results if r.task.name == "search_rebuild"]
    assert len(rebuilds) == 1  # asked once, not on every search
    changes = [r for r in dummy_tasks.results if r.task.name == "search_update"]
    assert changes == []


def test_the_writer_waits_for_another_writer(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    backend = get_backend()
    index = backend.directory.open()
    held = index.writer(heap_size=15_000_000, num_threads=1)
    release = threading.Timer(0.5, held.wait_merging_threads)
    release.start()
    started = timezone.now()
    add_item(world.convened, "Wachten", "De tureluur.")
    from naober.search.indexing import update

    update([f"agenda_item:{AgendaItem.objects.get(title='Wachten').pk}"])
    release.join()
    assert (timezone.now() - started).total_seconds() >= 0.4
    assert found("tureluur") != set()
    assert world.convened.status == MeetingStatus.CONVENED

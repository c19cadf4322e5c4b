"""Paper (a dossier) with embedded Consultations: the body steps of its route (the deciding one
authoritative) and the member councils' steps in consultation rounds (naober.councils.oparl)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from naober.access.rules import secrecy_snapshot
from naober.councils.oparl import CouncilStep, public_council_steps
from naober.meetings.models import Consultation, ConsultationRole, Document, DocumentKind, Dossier
from naober.oparl import ids, selectors
from naober.oparl.serialize.base import Json, date, deleted, latest, obj, vendor
from naober.oparl.serialize.files import file_json
from naober.portal.links import dossier_path

CONSULTATION_ROLE = {
    ConsultationRole.PREPARE: "Vorberatung",
    ConsultationRole.ADVISE: "Anhörung",
    ConsultationRole.DECIDE: "Entscheidung",
    ConsultationRole.INFORM: "Kenntnisnahme",
}


@dataclass
class PaperContent:
    steps: dict[int, list[Consultation]] = field(default_factory=dict)
    council_steps: dict[int, list[CouncilStep]] = field(default_factory=dict)
    documents: dict[int, list[Document]] = field(default_factory=dict)
    items: set[int] = field(default_factory=set)  # agenda items of the steps that the public may see
    meeting_of_item: dict[int, int] = field(default_factory=dict)


def paper_content(dossiers: Sequence[Dossier], *, include_deleted: bool = False) -> PaperContent:
    content = PaperContent()
    if not dossiers:
        return content
    dossier_ids = [dossier.pk for dossier in dossiers]
    snapshot = secrecy_snapshot()
    content.steps = selectors.consultations_of(dossier_ids)
    item_ids = [step.agenda_item_id for steps in content.steps.values() for step in steps]
    content.items = selectors.visible_item_ids(item_ids, snapshot)
    content.meeting_of_item = {
        step.agenda_item_id: step.agenda_item.meeting_id
        for steps in content.steps.values()
        for step in steps
        if step.agenda_item_id is not None and step.agenda_item is not None
    }
    content.council_steps = public_council_steps(dossier_ids, include_deleted=include_deleted)
    documents = selectors.documents(snapshot=snapshot).filter(Q(dossier_id__in=dossier_ids)).order_by("pk")
    for document in documents:
        if document.dossier_id is not None:
            content.documents.setdefault(document.dossier_id, []).append(document)
    return content


def consultation_json(
    step: Consultation, content: PaperContent, dossier: Dossier, *, embedded: bool = False
) -> Json:
    item_id = step.agenda_item_id if step.agenda_item_id in content.items else None
    data = obj(
        "Consultation",
        ids.consultation(step.pk),
        created=getattr(step, "oparl_created", step.created),
        modified=getattr(step, "oparl_modified", step.modified),
        web=dossier_path(dossier),
        paper=None if embedded else ids.paper(step.dossier_id),
        agendaItem=ids.agenda_item(item_id) if item_id is not None else None,
        meeting=ids.meeting(content.meeting_of_item[item_id]) if item_id is not None else None,
        organization=[ids.organization(step.body_id)],
        authoritative=step.authoritative,
        role=CONSULTATION_ROLE.get(ConsultationRole(step.role), str(step.get_role_display())),
    )
    return vendor(data, role=step.role, step=step.position)


def council_consultation_json(step: CouncilStep, dossier: Dossier, *, embedded: bool = False) -> Json:
    url = ids.council_consultation(step.pk)
    if step.deleted:
        return deleted("Consultation", url, created=step.created, modified=step.modified)
    data = obj(
        "Consultation",
        url,
        created=step.created,
        modified=step.modified,
        web=dossier_path(dossier),
        paper=None if embedded else ids.paper(step.dossier_id),
        organization=[ids.municipality(dossier.cooperation_id, step.municipality_id)],
        authoritative=step.authoritative,
        role=step.role,
    )
    return vendor(
        data,
        councilStep=True,
        addressee=step.addressee,
        outcome=step.outcome,
        deadline=date(step.deadline),
        decidedOn=date(step.decided_on) if step.decided_on else None,
    )


def paper_json(dossier: Dossier, content: PaperContent, *, omit_internal: bool = False) -> Json:
    documents = content.documents.get(dossier.pk, [])
    main = next((document for document in documents if document.kind == DocumentKind.PROPOSAL), None)
    visible = {dossier.pk}
    council = content.council_steps.get(dossier.pk, [])
    modified = latest(
        getattr(dossier, "oparl_modified", dossier.modified), *(step.modified for step in council)
    )
    consultations = [
        consultation_json(step, content, dossier, embedded=True) for step in content.steps.get(dossier.pk, [])
    ]
    consultations += [council_consultation_json(step, dossier, embedded=True) for step in council]
    data = obj(
        "Paper",
        ids.paper(dossier.pk),
        created=getattr(dossier, "oparl_created", dossier.created),
        modified=modified,
        web=dossier_path(dossier),
        body=ids.body(dossier.cooperation_id),
        name=dossier.title,
        reference=dossier.reference,
        date=date(timezone.localtime(dossier.created).date()),
        paperType="Voorstel",
        mainFile=file_json(main, visible_dossiers=visible, embedded=True)
        if main and not omit_internal
        else None,
        auxiliaryFile=None
        if omit_internal
        else [
            file_json(document, visible_dossiers=visible, embedded=True)
            for document in documents
            if document is not main
        ],
        consultation=None if omit_internal else consultations,
    )
    return vendor(
        data,
        reference=dossier.reference,
        status=dossier.status,
        statusLabel=str(dossier.get_status_display()),
        topic=dossier.topic.name if dossier.topic else None,
        summary=dossier.summary,
    )

"""The demo's meeting documents as real files: proposals (PDF or DOCX), annexes (DOCX), minutes (PDF).

The texts are composed from the plan, in Dutch; pdf.py writes the PDFs, python-docx the DOCX files.
"""

from __future__ import annotations

import io

from naober.demo.history.pdf import Block, pdf_document
from naober.demo.history.records import DossierPlan, ItemPlan, MeetingPlan, RegionContext, seeded

CONFIDENTIALITY_NL = {"public": "openbaar", "confidential": "vertrouwelijk", "secret": "geheim"}
ROLE_NL = {"prepare": "voorbereiding", "advise": "advies", "decide": "besluit", "inform": "informatie"}
ARGUMENTS = (
    "Samen bereiken de gemeenten meer dan ieder afzonderlijk: de opgave stopt niet bij de gemeentegrens.",
    "Het voorstel sluit aan bij de afspraken die de gemeenten eerder in de regio hebben gemaakt, en bij het "
    "beleid van de provincie.",
    "De ambtelijke overleggen hebben het voorstel voorbereid; de opmerkingen van de gemeenten zijn verwerkt.",
    "De uitvoering ligt bij de gemeenten; de regio zorgt voor afstemming, monitoring en één aanspreekpunt.",
    "Met een gezamenlijke aanpak staat de regio sterker in de gesprekken met Rijk, provincie en partners.",
)
FINANCES = (
    "Het voorstel past binnen de begroting van de regio; er is geen extra bijdrage van de gemeenten nodig.",
    "De kosten worden naar inwonertal over de deelnemende gemeenten verdeeld; de bedragen staan in de "
    "bijlage.",
    "Voor de uitvoering is cofinanciering aangevraagd bij de provincie; elke gemeente draagt een deel bij.",
)
RISKS = (
    "Het risico is dat niet alle colleges op tijd besluiten; de secretaris bewaakt de planning.",
    "De ambtelijke capaciteit in de kleinere gemeenten is beperkt; de regio ondersteunt waar nodig.",
)


def _names(context: RegionContext) -> dict[str, str]:
    return {member.person: member.name for body in context.bodies for member in body.members}


def _secretary(context: RegionContext, meeting: MeetingPlan) -> str:
    body = context.body(meeting.body)
    members = body.members if body else ()
    return next(
        (m.name for m in members if m.role == "secretary" and m.active_on(meeting.date)), "het secretariaat"
    )


def proposal_blocks(
    *, context: RegionContext, meeting: MeetingPlan, item: ItemPlan, dossier: DossierPlan | None
) -> list[Block]:
    body = context.body(meeting.body)
    label = body.label if body else meeting.body
    rng = seeded(f"{context.slug}:{item.key}:proposal")
    blocks: list[Block] = [
        ("title", f"Voorstel: {item.title}"),
        ("meta", f"{context.name} — {label}, vergadering van {meeting.start:%d-%m-%Y}"),
        ("meta", f"Opgesteld door: {_secretary(context, meeting)}"),
        ("meta", f"Vertrouwelijkheid: {CONFIDENTIALITY_NL[item.confidentiality]}"),
    ]
    if dossier is not None:
        route = " › ".join(
            f"{body_info.label} ({ROLE_NL.get(role, role)})"
            for slug, role in dossier.route
            if (body_info := context.body(slug)) is not None
        )
        blocks.append(("meta", f"Route: {route}"))
    blocks += [
        ("heading", "Aanleiding"),
        ("text", item.description),
        ("heading", "Voorgesteld besluit"),
        ("text", f"Voorgesteld wordt {item.clause}."),
        ("heading", "Argumenten"),
        *(("text", argument) for argument in rng.sample(ARGUMENTS, 3)),
        ("heading", "Financiële gevolgen"),
        ("text", rng.choice(FINANCES)),
        ("heading", "Risico's"),
        ("text", rng.choice(RISKS)),
        ("heading", "Vervolg"),
        ("text", "Na het besluit informeren de leden hun colleges; waar nodig volgt besluitvorming in de "
         "gemeenteraden. Het secretariaat houdt de voortgang bij op de actielijst."),
    ]  # fmt: skip
    return blocks


def annex_table(*, context: RegionContext, item: ItemPlan) -> tuple[list[Block], list[list[str]]]:
    rng = seeded(f"{context.slug}:{item.key}:annex")
    blocks: list[Block] = [
        ("title", f"Bijlage bij: {item.title}"),
        ("text", f"Overzicht per gemeente, als toelichting bij het voorstel. {item.description}"),
    ]
    rows = [["Gemeente", "Bijdrage (€)", "Stand van zaken"]]
    for _, name in context.municipalities:
        state = rng.choice(("akkoord", "in voorbereiding", "college besluit in het volgende kwartaal"))
        rows.append([name, f"{rng.randrange(2_000, 40_000, 250):,}".replace(",", "."), state])
    return blocks, rows


def minutes_blocks(*, context: RegionContext, meeting: MeetingPlan) -> list[Block]:
    body = context.body(meeting.body)
    label = body.label if body else meeting.body
    names = _names(context)
    by_status: dict[str, list[str]] = {}
    for attendance in meeting.attendance:
        name = names.get(attendance.person, attendance.person)
        if attendance.replaced_by:
            name += f" (vervangen door {names.get(attendance.replaced_by, attendance.replaced_by)})"
        by_status.setdefault(attendance.status, []).append(name)
    blocks: list[Block] = [
        ("title", f"Verslag {label}"),
        ("meta", f"{context.name}, {meeting.start:%d-%m-%Y}, {meeting.start:%H.%M}–{meeting.end:%H.%M} uur"),
        ("meta", f"Locatie: {meeting.location}"),
        ("meta", f"Aanwezig: {', '.join(by_status.get('present', [])) or '—'}"),
        (
            "meta",
            f"Afgemeld: {', '.join(by_status.get('excused', []) + by_status.get('replaced', [])) or '—'}",
        ),
        ("heading", "1. Opening en vaststelling agenda"),
        ("text", meeting.standard_minutes.get("opening", "")),
        ("heading", "2. Verslag vorige vergadering"),
        ("text", meeting.minutes_outcome),
        ("heading", "3. Actielijst"),
        ("text", meeting.standard_minutes.get("actions", "")),
    ]
    number = 3
    for item in meeting.items:
        number += 1
        blocks.append(("heading", f"{number}. {item.title}"))
        if item.confidentiality == "public":
            blocks.append(("text", item.minutes))
        else:
            blocks.append(("text", "Dit punt is in beslotenheid besproken; zie het vertrouwelijke verslag."))
    blocks += [
        ("heading", f"{number + 1}. Rondvraag"),
        ("text", meeting.standard_minutes.get("aob", "")),
        ("heading", f"{number + 2}. Sluiting"),
        ("text", meeting.standard_minutes.get("closing", "")),
    ]
    actions = [
        action for item in meeting.items if item.confidentiality == "public" for action in item.actions
    ]
    if actions:
        blocks.append(("heading", "Nieuwe acties"))
        blocks += [("text", f"• {action.description} (gereed: {action.due:%d-%m-%Y})") for action in actions]
    return blocks


def docx_document(
    *, title: str, blocks: list[Block], table: list[list[str]] | None = None, author: str = ""
) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.language = "nl-NL"
    for style, text in blocks:
        if style == "title":
            document.add_heading(text, level=0)
        elif style == "heading":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = grid.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render(
    *, filename: str, title: str, blocks: list[Block], table: list[list[str]] | None = None, author: str = ""
) -> bytes:
    """The file's bytes, in the format its name asks for (.pdf or .docx)."""
    if filename.endswith(".docx"):
        return docx_document(title=title, blocks=blocks, table=table, author=author)
    if table:
        blocks = blocks + [("text", " — ".join(row)) for row in table]
    return pdf_document(title=title, blocks=blocks, author=author)

"""Budgets, budget changes (versions with their own procedure), lines and their cost keys."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from naober.core.models import Channel
from naober.core.services import Actor, object_delete, object_save
from naober.finance.allocation import AllocationError, Key, KeyKind, Member, allocate
from naober.finance.contributions import budget_compute, budget_members
from naober.finance.models import Budget, BudgetLine, BudgetStatus, CostKey, CostKeyShare, LineKind
from naober.finance.services.common import require_editor
from naober.meetings.models import Dossier
from naober.registry.models import Cooperation, Municipality, Topic


@dataclass
class LineInput:
    """What an editor enters for a line and its key."""

    name: str
    key_kind: str
    kind: str = LineKind.PROGRAMME
    amount: Decimal | None = None
    topic: Topic | None = None
    description: str = ""
    position: int | None = None
    per_inhabitant: Decimal | None = None
    equal_fraction: Decimal = Decimal(0)
    host: Municipality | None = None
    percentages: dict[Municipality, Decimal] = field(default_factory=dict)
    participants: list[Municipality] = field(default_factory=list)


def _require_draft(budget: Budget) -> None:
    if not budget.is_editable:
        raise ValidationError(
            _("%(budget)s is no longer a draft; changes go in a budget change.")
            % {"budget": budget.display_title}
        )


def _require_computable(budget: Budget) -> None:
    errors = budget_compute(budget).errors
    if errors:
        raise ValidationError(errors)


def budget_create(
    *,
    cooperation: Cooperation,
    year: int,
    by: Actor,
    title: str = "",
    population_reference_date: datetime.date | None = None,
    board_treats_on: datetime.date | None = None,
    note: str = "",
    copy_from: Budget | None = None,
    dossier: Dossier | None = None,
    channel: str = Channel.SECRETARIAT,
) -> Budget:
    """A draft budget (version 1) for `year`; `copy_from` takes over the lines and keys of another budget,
    `dossier` links the dossier that carries its procedure (else one is made when it is sent)."""
    require_editor(by=by, cooperation_id=cooperation.pk)
    if Budget.objects.filter(cooperation=cooperation, year=year).exists():
        raise ValidationError(
            _("%(cooperation)s already has a budget for %(year)s; make a budget change instead.")
            % {"cooperation": cooperation.name, "year": year}
        )
    if dossier is not None and dossier.cooperation_id != cooperation.pk:
        raise ValidationError(_("Choose a dossier of this cooperation."))
    if copy_from is not None and copy_from.cooperation_id != cooperation.pk:
        raise ValidationError(_("Copy lines from a budget of the same cooperation only."))
    with transaction.atomic():
        budget = object_save(
            instance=Budget(
                cooperation=cooperation,
                year=year,
                title=title.strip(),
                population_reference_date=population_reference_date,
                board_treats_on=board_treats_on,
                note=note.strip(),
                dossier=dossier,
            ),
            by=by,
            channel=channel,
        )
        if copy_from is not None:
            _copy_lines(source=copy_from, target=budget, by=by, channel=channel)
            _require_computable(budget)
    return budget


def budget_update(
    *,
    budget: Budget,
    by: Actor,
    title: str,
    population_reference_date: datetime.date | None,
    board_treats_on: datetime.date | None,
    note: str,
    channel: str = Channel.SECRETARIAT,
) -> Budget:
    require_editor(by=by, cooperation_id=budget.cooperation_id)
    _require_draft(budget)
    with transaction.atomic():
        budget.title = title.strip()
        budget.population_reference_date = population_reference_date
        budget.board_treats_on = board_treats_on
        budget.note = note.strip()
        object_save(instance=budget, by=by, channel=channel)
        _require_computable(budget)  # a new reference date may lack population figures
    return budget


def _copy_lines(*, source: Budget, target: Budget, by: Actor, channel: str) -> None:
    lines = (
        source.lines.select_related("cost_key")
        .prefetch_related("cost_key__shares")
        .order_by("position", "pk")
    )
    for line in lines:
        copy = object_save(
            instance=BudgetLine(
                budget=target,
                position=line.position,
                kind=line.kind,
                name=line.name,
                topic=line.topic,
                amount=line.amount,
                description=line.description,
            ),
            by=by,
            channel=channel,
        )
        key: CostKey | None = getattr(line, "cost_key", None)
        if key is None:
            continue
        new_key = object_save(
            instance=CostKey(
                line=copy,
                kind=key.kind,
                per_inhabitant=key.per_inhabitant,
                equal_fraction=key.equal_fraction,
                host=key.host,
            ),
            by=by,
            channel=channel,
        )
        for share in key.shares.all():
            object_save(
                instance=CostKeyShare(
                    cost_key=new_key, municipality=share.municipality, percentage=share.percentage
                ),
                by=by,
                channel=channel,
            )


def _check_line(budget: Budget, data: LineInput) -> None:
    """Refuse bad input before anything is written, with the member and the line named."""
    name = data.name.strip()
    if not name:
        raise ValidationError(_("Give the line a name."))
    if data.key_kind not in {kind.value for kind in KeyKind}:
        raise ValidationError(_("Line “%(line)s”: choose a cost key.") % {"line": name})
    if data.amount is not None and data.amount < 0:
        raise ValidationError(_("Line “%(line)s”: the amount may not be negative.") % {"line": name})
    if data.topic is not None and data.topic.cooperation_id != budget.cooperation_id:
        raise ValidationError(_("Line “%(line)s”: choose a topic of this cooperation.") % {"line": name})
    members = budget_members(budget)
    payers = [
        member
        for member in members
        if member.takes_part_in_all or (data.topic is not None and data.topic.pk in member.topic_ids)
    ]
    mentioned = [*data.percentages, *data.participants, *([data.host] if data.host else [])]
    key = Key(
        kind=KeyKind(data.key_kind),
        per_inhabitant=data.per_inhabitant,
        equal_fraction=data.equal_fraction,
        percentages={municipality.code: value for municipality, value in data.percentages.items()},
        participants=frozenset(municipality.code for municipality in data.participants),
        host=data.host.code if data.host else None,
    )
    try:
        allocate(
            line=name,
            total=None if key.kind == KeyKind.PER_INHABITANT else data.amount,
            key=key,
            members=[
                Member(code=m.municipality.code, name=m.municipality.name, population=m.population)
                for m in payers
            ],
            names={municipality.code: municipality.name for municipality in mentioned},
        )
    except AllocationError as error:
        raise ValidationError(str(error)) from error


def budget_line_save(
    *,
    budget: Budget,
    data: LineInput,
    by: Actor,
    line: BudgetLine | None = None,
    channel: str = Channel.SECRETARIAT,
) -> BudgetLine:
    """Add a line to a draft budget, or change one, with its cost key; bad input is refused whole."""
    require_editor(by=by, cooperation_id=budget.cooperation_id)
    _require_draft(budget)
    if line is not None and line.budget_id != budget.pk:
        raise ValidationError(_("This line belongs to another budget."))
    _check_line(budget, data)
    kind = KeyKind(data.key_kind)
    with transaction.atomic():
        if line is None:
            last = budget.lines.aggregate(last=Max("position"))["last"] or 0
            line = BudgetLine(budget=budget, position=data.position or last + 1)
        elif data.position:
            line.position = data.position
        line.budget = budget
        line.kind = data.kind
        line.name = data.name.strip()
        line.topic = data.topic
        line.amount = None if kind == KeyKind.PER_INHABITANT else data.amount
        line.description = data.description.strip()
        object_save(instance=line, by=by, channel=channel)
        key = CostKey.objects.filter(line=line).first() or CostKey(line=line)
        key.kind = kind.value
        key.per_inhabitant = data.per_inhabitant if kind == KeyKind.PER_INHABITANT else None
        key.equal_fraction = (
            data.equal_fraction
            if kind in (KeyKind.EQUAL_AND_POPULATION, KeyKind.PARTICIPANTS)
            else Decimal(0)
        )
        key.host = data.host if kind == KeyKind.SERVICE_FEE else None
        object_save(instance=key, by=by, channel=channel)
        wanted: dict[int, tuple[Municipality, Decimal | None]] = {}
        if kind == KeyKind.PERCENTAGES:
            wanted = {m.pk: (m, value) for m, value in data.percentages.items()}
        elif kind == KeyKind.PARTICIPANTS:
            wanted = {m.pk: (m, None) for m in data.participants}
        for share in list(key.shares.all()):
            if share.municipality_id not in wanted:
                object_delete(instance=share, by=by, channel=channel)
                continue
            share.percentage = wanted.pop(share.municipality_id)[1]
            object_save(instance=share, by=by, channel=channel)
        for municipality, percentage in wanted.values():
            object_save(
                instance=CostKeyShare(cost_key=key, municipality=municipality, percentage=percentage),
                by=by,
                channel=channel,
            )
    return line


def budget_line_delete(*, line: BudgetLine, by: Actor, channel: str = Channel.SECRETARIAT) -> None:
    budget = line.budget
    require_editor(by=by, cooperation_id=budget.cooperation_id)
    _require_draft(budget)
    object_delete(instance=line, by=by, channel=channel)


def budget_change_create(
    *, budget: Budget, by: Actor, title: str = "", channel: str = Channel.SECRETARIAT
) -> Budget:
    """A budget change: a new draft version of an adopted budget, starting from all its lines and keys."""
    require_editor(by=by, cooperation_id=budget.cooperation_id)
    versions = Budget.objects.filter(cooperation_id=budget.cooperation_id, year=budget.year)
    if budget.status != BudgetStatus.ADOPTED:
        raise ValidationError(_("Only the adopted budget can be changed by a budget change."))
    if versions.filter(version__gt=budget.version).exists():
        raise ValidationError(_("A budget change of this budget is already in progress."))
    with transaction.atomic():
        change = object_save(
            instance=Budget(
                cooperation_id=budget.cooperation_id,
                year=budget.year,
                version=budget.version + 1,
                title=title.strip(),
                population_reference_date=budget.population_reference_date,
                board_treats_on=None,
                note="",
            ),
            by=by,
            channel=channel,
        )
        _copy_lines(source=budget, target=change, by=by, channel=channel)
    return change


def budget_send(
    *,
    budget: Budget,
    sent_on: datetime.date,
    by: Actor,
    open_round: bool = True,
    channel: str = Channel.SECRETARIAT,
) -> Budget:
    """Send a draft to the councils for their opinion: it becomes public, gets a dossier if it had none, and
    — for a Wgr body — opens the councils' consultation round (naober.councils) with the cycle's opinion
    period, unless the dossier already has a round of that kind. Other cooperations (networks, Flemish
    associations) only publish it. `open_round=False` records a procedure that ran outside naober
    (imports)."""
    from naober.councils.models import ConsultationRound, RoundKind
    from naober.councils.services import round_open
    from naober.finance.services.cycle import cycle_rules_for, is_wgr
    from naober.meetings.services.dossier import dossier_create

    require_editor(by=by, cooperation_id=budget.cooperation_id)
    _require_draft(budget)
    if not budget.lines.exists():
        raise ValidationError(_("%(budget)s has no lines yet.") % {"budget": budget.display_title})
    _require_computable(budget)
    rules = cycle_rules_for(cooperation=budget.cooperation)
    with transaction.atomic():
        if budget.dossier is None:
            budget.dossier = dossier_create(
                cooperation=budget.cooperation,
                title=budget.display_title,
                summary=_("Draft budget sent to the councils for their opinion."),
                by=by,
                channel=channel,
            )
        budget.status = BudgetStatus.SENT
        budget.sent_on = sent_on
        object_save(instance=budget, by=by, channel=channel)
        kind = RoundKind.BUDGET if budget.version == 1 else RoundKind.BUDGET_CHANGE
        if not open_round or not is_wgr(budget.cooperation):
            return budget
        if ConsultationRound.objects.filter(dossier=budget.dossier, kind=kind).exists():
            return budget
        round_open(
            dossier=budget.dossier,
            kind=kind,
            sent_on=sent_on,
            deadline=sent_on + datetime.timedelta(weeks=rules.opinion_weeks),
            by=by,
            channel=channel,
        )
    return budget


def budget_adopt(
    *, budget: Budget, adopted_on: datetime.date, by: Actor, channel: str = Channel.SECRETARIAT
) -> Budget:
    """The board adopts a budget sent to the councils — or, without that procedure, a budget change that
    leaves every member's contribution as it was (rules.md §2). An earlier adopted version becomes amended."""
    require_editor(by=by, cooperation_id=budget.cooperation_id)
    versions = Budget.objects.filter(cooperation_id=budget.cooperation_id, year=budget.year)
    if budget.status == BudgetStatus.DRAFT:
        previous = versions.filter(version__lt=budget.version, status=BudgetStatus.ADOPTED).first()
        if previous is None or budget_compute(previous).totals != budget_compute(budget).totals:
            raise ValidationError(
                _("Send the draft to the councils first: it changes the members' contributions.")
            )
    elif budget.status != BudgetStatus.SENT:
        raise ValidationError(_("%(budget)s is already adopted.") % {"budget": budget.display_title})
    if budget.sent_on and adopted_on < budget.sent_on:
        raise ValidationError(_("A budget cannot be adopted before it was sent to the councils."))
    _require_computable(budget)
    with transaction.atomic():
        for earlier in versions.filter(version__lt=budget.version, status=BudgetStatus.ADOPTED):
            earlier.status = BudgetStatus.AMENDED
            object_save(instance=earlier, by=by, channel=channel)
        budget.status = BudgetStatus.ADOPTED
        budget.adopted_on = adopted_on
        object_save(instance=budget, by=by, channel=channel)
    return budget

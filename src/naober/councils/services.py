"""The write path of consultation rounds: open, plan, record and correct outcomes, withdraw, close.

Every write validates, runs in one transaction and leaves an audit entry (`object_save`). Who may write:
a cooperation's secretariat editors for everything in its rounds (`by` an editor, or `by=None` for system
work: the demo, commands); a council clerk only for their own municipality's member record
(`outcome_record(..., as_clerk=True)`). Anything else is refused with a `PermissionDenied` or a
`ValidationError` that says why, and nothing is half-written.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.accounts.permissions import can_edit_cooperation
from naober.core.models import Channel
from naober.core.services import Actor, object_save, user_or_none
from naober.councils.models import (
    Addressee,
    ConsultationRound,
    DeadlineRule,
    MemberStatus,
    Outcome,
    OutcomeCorrection,
    RoundKind,
    RoundMember,
    RoundStatus,
)
from naober.councils.models.round import DEFAULT_DEADLINE_WEEKS, DEFAULT_REMIND_DAYS_BEFORE
from naober.governance.models import Body
from naober.meetings.models import ConsultationRole, Dossier
from naober.registry.models import Cooperation, Municipality, Participation
from naober.registry.selectors import participation_active_q

MAX_DECISION_BYTES = 20 * 1024 * 1024


def deadline_weeks(*, cooperation: Cooperation, kind: str) -> int:
    """The weeks councils get for `kind` in this cooperation: its own `DeadlineRule`, else rules.md §2."""
    rule = DeadlineRule.objects.filter(cooperation=cooperation, kind=kind).first()
    return rule.weeks if rule is not None else DEFAULT_DEADLINE_WEEKS[kind]


def remind_days_before(*, cooperation_id: int, kind: str) -> int:
    rule = DeadlineRule.objects.filter(cooperation_id=cooperation_id, kind=kind).first()
    return rule.remind_days_before if rule is not None else DEFAULT_REMIND_DAYS_BEFORE


def deadline_default(*, cooperation: Cooperation, kind: str, sent_on: datetime.date) -> datetime.date:
    return sent_on + datetime.timedelta(weeks=deadline_weeks(cooperation=cooperation, kind=kind))


def member_municipalities_on(*, cooperation: Cooperation, on: datetime.date) -> list[Municipality]:
    """Every municipality that is a member of the cooperation on `on`."""
    return list(
        Municipality.objects.filter(
            pk__in=Participation.objects.filter(
                participation_active_q(on=on),
                cooperation=cooperation,
                municipality__isnull=False,
                role=Participation.Role.MEMBER,
            ).values("municipality_id")
        ).order_by("name")
    )


def topic_municipalities_on(*, dossier: Dossier, on: datetime.date) -> list[Municipality]:
    """The members taking part in the dossier's topic on `on` (variable geometry): members for all topics
    and members that chose this topic. Without a topic, or when nobody takes part in it: every member."""
    if dossier.topic_id is None:
        return member_municipalities_on(cooperation=dossier.cooperation, on=on)
    participations = Participation.objects.filter(
        participation_active_q(on=on),
        cooperation_id=dossier.cooperation_id,
        municipality__isnull=False,
        role=Participation.Role.MEMBER,
    ).filter(Q(scope=Participation.Scope.FULL) | Q(topics=dossier.topic_id))
    found = list(
        Municipality.objects.filter(pk__in=participations.values("municipality_id")).order_by("name")
    )
    return found or member_municipalities_on(cooperation=dossier.cooperation, on=on)


def _deciding_body(dossier: Dossier) -> Body | None:
    step = dossier.consultations.filter(role=ConsultationRole.DECIDE).select_related("body").last()
    return step.body if step is not None else None


def _require_editor(*, by: Actor, cooperation_id: int) -> None:
    """`by=None` is the system (demo, commands); a person must edit the cooperation."""
    if by is None:
        return
    if not can_edit_cooperation(user=by, cooperation_id=cooperation_id):
        raise PermissionDenied(_("Only the secretariat of this cooperation may do this."))


def round_open(
    *,
    dossier: Dossier,
    kind: str,
    sent_on: datetime.date,
    by: Actor,
    members: Iterable[Municipality] | None = None,
    deadline: datetime.date | None = None,
    addressee: str = Addressee.COUNCIL,
    body: Body | None = None,
    financial: bool | None = None,
    regional_text: str = "",
    note: str = "",
    regional_document: tuple[str, bytes] | None = None,
    channel: str = Channel.SECRETARIAT,
) -> ConsultationRound:
    """Open a consultation round on `dossier` and send it to the members' councils (or colleges).

    Signature (stable; the finance app opens the budget opinion round with `kind=RoundKind.BUDGET`):

        round_open(*, dossier, kind, sent_on, by, members=None, deadline=None,
                   addressee="council", body=None, financial=None, regional_text="", note="",
                   regional_document=None, channel=Channel.SECRETARIAT) -> ConsultationRound

    - `kind`: a `RoundKind` value ("budget", "budget_change", "regulation", "identical", "consent",
      "information").
    - `members`: municipalities to consult; default the members taking part in the dossier's topic on
      `sent_on`, else every current member of the cooperation. Each must be a member on `sent_on`.
    - `deadline`: default `sent_on` + the cooperation's `DeadlineRule` weeks for `kind` (rules.md §2:
      budget and budget change 12 weeks, draft regulation 8 weeks). It must lie after `sent_on`.
    - `body`: whose decision rule combines the outcomes; default the dossier's deciding body.
    - `financial`: decisions with financial consequences (Twente rule); default True for budget kinds.
    - `regional_document`: `(filename, content)` of the proposal or regional decision (PDF, DOCX, ODT, ...).
    - `by`: an editor of the dossier's cooperation, or None for system work.
    Raises `ValidationError` (bad input) or `PermissionDenied`; writes nothing then.
    """
    cooperation = dossier.cooperation
    _require_editor(by=by, cooperation_id=cooperation.pk)
    if kind not in RoundKind.values:
        raise ValidationError(_("Choose a kind of round."))
    if addressee not in Addressee.values:
        raise ValidationError(_("Choose whether the council or the college is asked."))
    if deadline is None:
        deadline = deadline_default(cooperation=cooperation, kind=kind, sent_on=sent_on)
    if deadline <= sent_on:
        raise ValidationError(_("The deadline must lie after the sending date."))
    if kind == RoundKind.IDENTICAL and not regional_text.strip():
        raise ValidationError(_("An identical decision needs the regional text every member adopts."))
    if body is not None and body.cooperation_id != cooperation.pk:
        raise ValidationError(_("The body belongs to another cooperation."))
    chosen = list(members) if members is not None else topic_municipalities_on(dossier=dossier, on=sent_on)
    if not chosen:
        raise ValidationError(_("A round needs at least one member municipality."))
    allowed = {
        municipality.pk for municipality in member_municipalities_on(cooperation=cooperation, on=sent_on)
    }
    outside = sorted(municipality.name for municipality in chosen if municipality.pk not in allowed)
    if outside:
        raise ValidationError(
            _("Not a member of this cooperation on the sending date: %(names)s.")
            % {"names": ", ".join(outside)}
        )
    sniffed = None
    if regional_document is not None:
        from naober.meetings.files import check_upload

        sniffed = check_upload(
            filename=regional_document[0], content=regional_document[1], max_bytes=MAX_DECISION_BYTES
        )
    with transaction.atomic():
        consultation_round = ConsultationRound(
            cooperation=cooperation,
            dossier=dossier,
            kind=kind,
            addressee=addressee,
            body=body or _deciding_body(dossier),
            financial=(kind in (RoundKind.BUDGET, RoundKind.BUDGET_CHANGE))
            if financial is None
            else financial,
            sent_on=sent_on,
            deadline=deadline,
            regional_text=regional_text.strip(),
            note=note.strip(),
        )
        if regional_document is not None and sniffed is not None:
            consultation_round.regional_document.save(
                f"ronde-{dossier.reference}.{sniffed.extension}",
                ContentFile(regional_document[1]),
                save=False,
            )
        consultation_round = object_save(instance=consultation_round, by=by, channel=channel)
        for municipality in {municipality.pk: municipality for municipality in chosen}.values():
            object_save(
                instance=RoundMember(
                    round=consultation_round, municipality=municipality, sent_on=sent_on, deadline=deadline
                ),
                by=by,
                channel=channel,
            )
    return consultation_round


def member_of_round(*, consultation_round: ConsultationRound, municipality: Municipality) -> RoundMember:
    """The member record, or a clear refusal for a municipality outside the round."""
    member = RoundMember.objects.filter(round=consultation_round, municipality=municipality).first()
    if member is None:
        raise ValidationError(
            _("%(municipality)s is not consulted in this round.") % {"municipality": municipality.name}
        )
    return member


def _check_writer(*, member: RoundMember, by: Actor, as_clerk: bool) -> None:
    if as_clerk:
        from naober.access.models import MunicipalityRole

        user = user_or_none(by)
        if (
            user is None
            or not MunicipalityRole.objects.filter(
                user_id=user.pk, municipality_id=member.municipality_id, role=MunicipalityRole.Role.CLERK
            ).exists()
        ):
            raise PermissionDenied(
                _(
                    "You are not the council clerk of %(municipality)s; you record outcomes for your own "
                    "municipality only."
                )
                % {"municipality": member.municipality.name}
            )
        return
    _require_editor(by=by, cooperation_id=member.round.cooperation_id)


def _check_open(member: RoundMember) -> None:
    if member.round.status == RoundStatus.WITHDRAWN:
        raise ValidationError(_("This round was withdrawn."))
    if member.status == MemberStatus.WITHDRAWN:
        raise ValidationError(_("This member was withdrawn from the round."))


def member_plan(
    *,
    member: RoundMember,
    planned_council_date: datetime.date | None,
    by: Actor,
    as_clerk: bool = False,
    channel: str = Channel.SECRETARIAT,
) -> RoundMember:
    """Record the council meeting that will decide; a planned date puts the proposal on the agenda."""
    _check_writer(member=member, by=by, as_clerk=as_clerk)
    _check_open(member)
    member.planned_council_date = planned_council_date
    if not member.outcome:
        member.status = MemberStatus.ON_AGENDA if planned_council_date else MemberStatus.SENT
    return object_save(instance=member, by=by, channel=channel)


def identical_to(regional_text: str, text: str) -> bool:
    """Identical up to whitespace: line breaks and spacing differ between word processors."""
    return " ".join(regional_text.split()) == " ".join(text.split())


def _attach_decision(member: RoundMember, *, filename: str, content: bytes) -> None:
    from naober.meetings.files import check_upload

    sniffed = check_upload(filename=filename, content=content, max_bytes=MAX_DECISION_BYTES)
    name = f"besluit-{member.round_id}-{member.municipality.slug}.{sniffed.extension}"
    member.opinion_document.save(name, ContentFile(content), save=False)
    member.opinion_document_type = sniffed.mime_type


def outcome_record(
    *,
    member: RoundMember,
    outcome: str,
    decided_on: datetime.date,
    by: Actor,
    text: str = "",
    document: tuple[str, bytes] | None = None,
    correction_reason: str = "",
    as_clerk: bool = False,
    channel: str = Channel.SECRETARIAT,
) -> RoundMember:
    """Record a council's outcome (and its decision document: `(filename, content)`).

    A member that has an outcome already only gets another one as an explicit correction: pass
    `correction_reason`; the previous outcome is kept in `OutcomeCorrection`. A clerk (`as_clerk=True`)
    records for their own municipality only.
    """
    _check_writer(member=member, by=by, as_clerk=as_clerk)
    _check_open(member)
    if outcome not in Outcome.values:
        raise ValidationError(_("Choose an outcome."))
    if decided_on < member.sent_on:
        raise ValidationError(_("The council cannot decide before the proposal was sent."))
    if decided_on > timezone.localdate():
        raise ValidationError(_("The date of the decision lies in the future."))
    reason = correction_reason.strip()
    with transaction.atomic():
        # Lock the record and judge its current outcome: two clerks at once never both record a first one.
        current = RoundMember.objects.select_for_update().get(pk=member.pk)
        member.outcome, member.decided_on, member.opinion_text = (
            current.outcome,
            current.decided_on,
            current.opinion_text,
        )
        return _outcome_write(
            member=member,
            outcome=outcome,
            decided_on=decided_on,
            text=text,
            document=document,
            reason=reason,
            by=by,
            channel=channel,
        )


def _outcome_write(
    *,
    member: RoundMember,
    outcome: str,
    decided_on: datetime.date,
    text: str,
    document: tuple[str, bytes] | None,
    reason: str,
    by: Actor,
    channel: str,
) -> RoundMember:
    if member.outcome and not reason:
        raise ValidationError(
            _(
                "%(municipality)s has an outcome already (%(outcome)s). Record a correction and give its "
                "reason."
            )
            % {"municipality": member.municipality.name, "outcome": member.get_outcome_display()}
        )
    if not member.outcome and reason:
        raise ValidationError(_("There is no outcome to correct yet."))
    regional_text = member.round.regional_text
    if member.outcome:
        object_save(
            instance=OutcomeCorrection(
                member=member,
                previous_outcome=member.outcome,
                previous_decided_on=member.decided_on,
                previous_text=member.opinion_text,
                reason=reason,
                corrected_by=user_or_none(by),
            ),
            by=by,
            channel=channel,
        )
    member.outcome = outcome
    member.decided_on = decided_on
    member.opinion_text = text.strip()
    member.status = MemberStatus.DECIDED
    if member.round.kind == RoundKind.IDENTICAL and outcome != Outcome.NO_RESPONSE:
        member.identical_text = identical_to(regional_text, member.opinion_text or "")
    else:
        member.identical_text = None
    if document is not None:
        _attach_decision(member, filename=document[0], content=document[1])
    return object_save(instance=member, by=by, channel=channel)


def member_withdraw(*, member: RoundMember, by: Actor, channel: str = Channel.SECRETARIAT) -> RoundMember:
    """Take a member out of the round (it left the cooperation, or was consulted by mistake)."""
    _require_editor(by=by, cooperation_id=member.round.cooperation_id)
    member.status = MemberStatus.WITHDRAWN
    return object_save(instance=member, by=by, channel=channel)


def round_close(
    *, consultation_round: ConsultationRound, by: Actor, channel: str = Channel.SECRETARIAT
) -> ConsultationRound:
    """Close the round: members without an outcome are recorded as 'no response'."""
    _require_editor(by=by, cooperation_id=consultation_round.cooperation_id)
    if consultation_round.status != RoundStatus.OPEN:
        raise ValidationError(_("Only an open round can be closed."))
    with transaction.atomic():
        silent = consultation_round.members.filter(outcome="").exclude(status=MemberStatus.WITHDRAWN)
        for member in silent.select_related("municipality"):
            member.outcome = Outcome.NO_RESPONSE
            member.status = MemberStatus.DECIDED
            object_save(instance=member, by=by, channel=channel)
        consultation_round.status = RoundStatus.CLOSED
        return object_save(instance=consultation_round, by=by, channel=channel)


def round_withdraw(
    *, consultation_round: ConsultationRound, by: Actor, channel: str = Channel.SECRETARIAT
) -> ConsultationRound:
    _require_editor(by=by, cooperation_id=consultation_round.cooperation_id)
    consultation_round.status = RoundStatus.WITHDRAWN
    return object_save(instance=consultation_round, by=by, channel=channel)


def overdue_mark(*, member: RoundMember, today: datetime.date) -> RoundMember:
    """The system marks a member without outcome past its deadline as overdue."""
    if member.outcome or member.status in (MemberStatus.WITHDRAWN, MemberStatus.OVERDUE):
        return member
    if today <= member.deadline:
        return member
    member.status = MemberStatus.OVERDUE
    return object_save(instance=member, by=None, channel=Channel.SYSTEM)

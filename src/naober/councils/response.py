"""The regional response (reactienota): an answer to every opinion, sent back to each council."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from naober.core.models import Channel
from naober.core.services import Actor, object_save
from naober.councils.mail import council_recipients, send
from naober.councils.models import ConsultationRound, MemberStatus, Outcome, RegionalResponse, RoundStatus
from naober.councils.services import _require_editor

# Outcomes that say something the region answers; a plain "agrees" is thanked for in the introduction.
ANSWERED = frozenset({Outcome.AGREES_WITH_REMARKS, Outcome.DISAGREES, Outcome.AMENDS})


def response_save(
    *,
    consultation_round: ConsultationRound,
    introduction: str,
    answers: Mapping[int, str],
    by: Actor,
    channel: str = Channel.SECRETARIAT,
) -> RegionalResponse:
    """Write (or rewrite, until sent) the reactienota; `answers` maps a round member's id to its answer."""
    _require_editor(by=by, cooperation_id=consultation_round.cooperation_id)
    if consultation_round.status == RoundStatus.WITHDRAWN:
        raise ValidationError(_("This round was withdrawn."))
    response = RegionalResponse.objects.filter(round=consultation_round).first()
    if response is not None and response.sent_at is not None:
        raise ValidationError(_("The response has been sent already and can no longer be changed."))
    members = {member.pk: member for member in consultation_round.members.select_related("municipality")}
    unknown = set(answers) - set(members)
    if unknown:
        raise ValidationError(_("An answer was given for a member outside this round."))
    with transaction.atomic():
        response = response or RegionalResponse(round=consultation_round)
        response.introduction = introduction.strip()
        response = object_save(instance=response, by=by, channel=channel)
        for pk, text in answers.items():
            member = members[pk]
            if member.response_answer != text.strip():
                member.response_answer = text.strip()
                object_save(instance=member, by=by, channel=channel)
    return response


def response_send(
    *, consultation_round: ConsultationRound, by: Actor, channel: str = Channel.SECRETARIAT
) -> RegionalResponse:
    """Send the reactienota to every council in the round; each opinion needs its answer first."""
    _require_editor(by=by, cooperation_id=consultation_round.cooperation_id)
    response = RegionalResponse.objects.filter(round=consultation_round).first()
    if response is None:
        raise ValidationError(_("Write the response first."))
    if response.sent_at is not None:
        raise ValidationError(_("The response has been sent already."))
    members = list(
        consultation_round.members.exclude(status=MemberStatus.WITHDRAWN)
        .select_related("municipality")
        .order_by("municipality__name")
    )
    missing = [
        m.municipality.name for m in members if m.outcome in ANSWERED and not m.response_answer.strip()
    ]
    if missing:
        raise ValidationError(
            _("Answer the opinion of every council first; missing: %(names)s.")
            % {"names": ", ".join(missing)}
        )
    now = timezone.now()
    with transaction.atomic():
        response.sent_at = now
        object_save(instance=response, by=by, channel=channel)
        outgoing = []
        for member in members:
            member.response_sent_at = now
            object_save(instance=member, by=by, channel=channel)
            to = council_recipients(member.municipality, addressee=consultation_round.addressee)
            if to:
                outgoing.append((to, member))
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Regional response: %(reference)s %(title)s") % {
                "reference": consultation_round.dossier.reference,
                "title": consultation_round.dossier.title,
            }
            messages = [
                (
                    to,
                    render_to_string(
                        "councils/email/response.txt",
                        {
                            "response": response,
                            "round": consultation_round,
                            "member": member,
                            "members": members,
                        },
                    ),
                )
                for to, member in outgoing
            ]

        def deliver() -> None:
            for to, body in messages:
                send(to=to, subject=subject, body=body)

        transaction.on_commit(deliver)
    return response

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naober.core.models import Confidentiality, TimestampedModel
from naober.meetings.models.agenda_item import AgendaItem
from naober.meetings.models.dossier import Dossier
from naober.meetings.models.meeting import Meeting
from naober.registry.models import Cooperation


class DocumentKind(models.TextChoices):
    PROPOSAL = "proposal", _("proposal")
    ANNEX = "annex", _("annex")
    MEMO = "memo", _("memo")
    MINUTES = "minutes", _("minutes")
    DECISION_LIST = "decision-list", _("decision list")
    INVITATION = "invitation", _("invitation")
    LETTER = "letter", _("letter")
    PRESENTATION = "presentation", _("presentation")
    OTHER = "other", _("other")


class Document(TimestampedModel):
    """A meeting document with its own confidentiality; its file content lives in versions."""

    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.ANNEX
    )
    confidentiality = models.CharField(
        _("confidentiality"), max_length=12, choices=Confidentiality.choices, default=Confidentiality.PUBLIC
    )
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_("Not public before this moment, even once the meeting is convened."),
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("dossier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting__isnull=False) | Q(agenda_item__isnull=False) | Q(dossier__isnull=False),
                name="document_belongs_somewhere",
                violation_error_message=_("A document belongs to a meeting, an agenda item or a dossier."),
            ),
        ]
        # A meeting's own documents (agenda, decision list): `meeting = m AND agenda_item IS NULL`. With only
        # the single-column indexes SQLite chose `agenda_item IS NULL`, a third of all documents nationally.
        indexes = [models.Index(fields=["meeting", "agenda_item"], name="meetings_doc_meeting_item_idx")]

    def __str__(self) -> str:
        return self.title


def version_upload_to(instance: DocumentVersion, filename: str) -> str:
    return f"documents/{instance.sha256[:2]}/{instance.sha256}"


class DocumentVersion(TimestampedModel):
    """One uploaded file of a document; type, size and checksums come from the content, not the name."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_upload_to, max_length=200)
    filename = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size"))
    mime_type = models.CharField(_("type"), max_length=100)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    sha512 = models.CharField(_("SHA-512"), max_length=128)
    text = models.TextField(_("extracted text"), blank=True)
    text_extracted_at = models.DateTimeField(_("text extracted at"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"

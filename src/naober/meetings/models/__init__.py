from naober.meetings.models.action import Action, ActionKind, ActionStatus
from naober.meetings.models.agenda_item import AgendaItem, AgendaItemKind, DecisionOutcome
from naober.meetings.models.attendance import Attendance, AttendanceStatus
from naober.meetings.models.delivery import Delivery, DeliveryKind, DeliveryStatus
from naober.meetings.models.document import Document, DocumentKind, DocumentVersion
from naober.meetings.models.dossier import Consultation, ConsultationRole, Dossier, DossierStatus
from naober.meetings.models.meeting import Meeting, MeetingChange, MeetingDay, MeetingStatus

__all__ = [
    "Action",
    "ActionKind",
    "ActionStatus",
    "AgendaItem",
    "AgendaItemKind",
    "Attendance",
    "AttendanceStatus",
    "Consultation",
    "ConsultationRole",
    "DecisionOutcome",
    "Delivery",
    "DeliveryKind",
    "DeliveryStatus",
    "Document",
    "DocumentKind",
    "DocumentVersion",
    "Dossier",
    "DossierStatus",
    "Meeting",
    "MeetingChange",
    "MeetingDay",
    "MeetingStatus",
]

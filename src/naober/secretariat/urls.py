from django.urls import include, path

from naober.secretariat.views import agenda, meetings, records

app_name = "secretariat"

meeting = "<slug:cooperation>/vergaderingen/<int:pk>/"
item = meeting + "agenda/<int:item>/"

urlpatterns = [
    path("", include("naober.secretariat.access_urls")),
    path("", meetings.dashboard, name="dashboard"),
    path("<slug:cooperation>/", meetings.cooperation_meetings, name="meetings"),
    path("<slug:cooperation>/vergaderingen/nieuw/", meetings.meeting_new, name="meeting-new"),
    path(meeting, meetings.meeting_detail, name="meeting"),
    path(meeting + "annuleren/", meetings.meeting_cancel_view, name="meeting-cancel"),
    path(meeting + "bijeenroepen/", records.convene, name="meeting-convene"),
    path(meeting + "agenda/toevoegen/", agenda.item_add, name="item-add"),
    path(item + "wijzigen/", agenda.item_edit, name="item-edit"),
    path(item + "omhoog/", agenda.item_shift, {"direction": "up"}, name="item-up"),
    path(item + "omlaag/", agenda.item_shift, {"direction": "down"}, name="item-down"),
    path(item + "verwijderen/", agenda.item_remove, name="item-remove"),
    path(item + "verplaatsen/", agenda.item_move, name="item-move"),
    path(item + "doorzenden/", agenda.item_forward, name="item-forward"),
    path(item + "besluit/", agenda.item_decide, name="item-decide"),
    path(meeting + "documenten/", records.document_upload, name="document-upload"),
    path(meeting + "aanwezigheid/", records.attendance_save, name="attendance"),
    path(meeting + "acties/", records.action_add, name="action-add"),
    path(meeting + "acties/<int:action>/afgehandeld/", records.action_done, name="action-done"),
    path(meeting + "besluitenlijst/", records.decision_list, name="decision-list"),
    path(
        meeting + "besluitenlijst/publiceren/",
        records.decision_list_publish_view,
        name="decision-list-publish",
    ),
    path("<slug:cooperation>/dossiers/<int:pk>/", records.dossier_detail, name="dossier"),
    path("<slug:cooperation>/vergaderdagen/<int:pk>/", meetings.meeting_day_detail, name="meeting-day"),
    path(item + "verslag/", agenda.item_minutes, name="item-minutes"),
    path(meeting + "verslag-vaststellen/", records.minutes_approve_view, name="minutes-approve"),
    path(meeting + "actielijst/", records.action_list, name="action-list"),
    path("", include("naober.secretariat.audit.urls")),
]

from django.urls import URLPattern, URLResolver, path

from naober.councils.views import clerk, public, secretariat

app_name = "councils"

rounds = "secretariaat/<slug:cooperation>/rondes/"
place = "gemeenten/<slug:municipality>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path(rounds, secretariat.round_list, name="rounds"),
    path(rounds + "nieuw/<int:dossier>/", secretariat.round_new, name="round-new"),
    path(rounds + "<int:pk>/", secretariat.round_detail, name="round"),
    path(rounds + "<int:pk>/uitkomst/", secretariat.member_outcome, name="round-outcome"),
    path(rounds + "<int:pk>/planning/", secretariat.member_plan, name="round-plan"),
    path(rounds + "<int:pk>/sluiten/", secretariat.round_close, name="round-close"),
    path(rounds + "<int:pk>/document/", secretariat.round_document, name="round-document"),
    path(rounds + "<int:pk>/reactienota/", secretariat.response_save, name="round-response"),
    path(
        "secretariaat/<slug:cooperation>/vergaderingen/<int:pk>/informatiebrief/",
        secretariat.memo_edit,
        name="memo",
    ),
    path(place, public.municipality_hub, name="municipality"),
    path(place + "regionale-agenda/", public.regional_agenda, name="regional-agenda"),
    path(place + "regionale-agenda.ics", public.regional_agenda_ics, name="regional-agenda-ics"),
    path(place + "besluiten/<int:pk>/", public.decision_download, name="decision-download"),
    path(place + "griffie/", clerk.clerk_home, name="clerk"),
    path(place + "griffie/rondes/<int:pk>/", clerk.clerk_member, name="clerk-member"),
    path(place + "griffie/rondes/<int:pk>/voorstel/", clerk.clerk_document, name="clerk-document"),
]

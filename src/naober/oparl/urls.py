from django.urls import URLPattern, URLResolver, re_path

from naober.oparl import export_views, file_views, views

app_name = "oparl"

ID = r"(?P<pk>[0-9]{1,18})"
BODY = r"^v1\.1/body/(?P<body_pk>[0-9]{1,18})"
END = r"/?$"  # a trailing slash is another spelling: the views answer it with a 301

urlpatterns: list[URLPattern | URLResolver] = [
    re_path(r"^v1\.1/$", views.system, name="system"),
    re_path(rf"^v1\.1/body{END}", views.body_list, name="bodies"),
    re_path(rf"^v1\.1/body/{ID}{END}", views.body, name="body"),
    re_path(rf"{BODY}/municipality/{ID}{END}", views.municipality, name="municipality"),
    re_path(rf"{BODY}/partner/{ID}{END}", views.partner, name="partner"),
    re_path(rf"{BODY}/person/{ID}{END}", views.person, name="person"),
    re_path(rf"{BODY}/legislativeTerm/(?P<year>[0-9]{{4}}){END}", views.legislative_term, name="term"),
    re_path(rf"^v1\.1/body/{ID}/(?P<name>[A-Za-z]+){END}", views.body_sublist, name="body-list"),
    re_path(rf"^v1\.1/organization/{ID}{END}", views.organization, name="organization"),
    re_path(rf"^v1\.1/membership/{ID}{END}", views.membership, name="membership"),
    re_path(rf"^v1\.1/meeting/{ID}{END}", views.meeting, name="meeting"),
    re_path(rf"^v1\.1/location/{ID}{END}", views.location, name="location"),
    re_path(rf"^v1\.1/agendaItem/{ID}{END}", views.agenda_item, name="agenda-item"),
    re_path(rf"^v1\.1/paper/{ID}{END}", views.paper, name="paper"),
    re_path(rf"^v1\.1/consultation/{ID}{END}", views.consultation, name="consultation"),
    re_path(
        rf"^v1\.1/councilConsultation/{ID}{END}", views.council_consultation, name="council-consultation"
    ),
    re_path(rf"^v1\.1/file/{ID}{END}", views.file, name="file"),
    re_path(rf"^v1\.1/file/{ID}/access{END}", file_views.file_access, name="file-access"),
    re_path(rf"^v1\.1/file/{ID}/download{END}", file_views.file_download, name="file-download"),
    re_path(
        r"^csv/(?P<cooperation>[-a-zA-Z0-9_]+)/(?P<name>[a-z]+)\.csv$", export_views.csv_export, name="csv"
    ),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not-found"),
]

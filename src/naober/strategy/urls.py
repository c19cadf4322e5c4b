"""The strategic agenda's addresses: public pages under /<cooperation>/strategische-agenda/ and the
secretariat's under /secretariaat/<cooperation>/strategie/ (mounted at the site root)."""

from django.urls import URLPattern, URLResolver, path

from naober.strategy.views import public
from naober.strategy.views import secretariat as staff

app_name = "strategy"

PUBLIC = "<slug:cooperation>/strategische-agenda/"
PROGRAMME = PUBLIC + "<slug:programme>/"
STAFF = "secretariaat/<slug:cooperation>/strategie/"

urlpatterns: list[URLPattern | URLResolver] = [
    path(PUBLIC, public.programmes, name="programmes"),
    path(PUBLIC + "evenementen/", public.events, name="events"),
    path(PUBLIC + "evenementen/<int:pk>/", public.event_detail, name="event"),
    path(PUBLIC + "bijlagen/<int:pk>/", public.attachment_download, name="attachment"),
    path(PROGRAMME, public.programme_detail, name="programme"),
    path(PROGRAMME + "doelen/<int:pk>/", public.goal_detail, name="goal"),
    path(PROGRAMME + "projecten/<slug:project>/", public.project_detail, name="project"),
    path(STAFF, staff.overview, name="staff"),
    path(STAFF + "programmas/nieuw/", staff.programme_new, name="staff-programme-new"),
    path(STAFF + "programmas/<int:pk>/", staff.programme_edit, name="staff-programme"),
    path(STAFF + "projecten/<int:pk>/", staff.project_edit, name="staff-project"),
    path(STAFF + "evenementen/nieuw/", staff.event_new, name="staff-event-new"),
    path(STAFF + "evenementen/<int:pk>/", staff.event_edit, name="staff-event"),
]

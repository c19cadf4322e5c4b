from django.contrib.sitemaps.views import sitemap
from django.urls import path

from naober.portal.sitemaps import SITEMAPS
from naober.portal.views import cooperations, decisions, documents, dossiers, feeds, meetings, theme

app_name = "portal"

MEETING = "<slug:cooperation>/vergaderingen/<int:year>/<int:pk>-<slug:slug>/"

urlpatterns = [
    path("", cooperations.home, name="home"),
    path("robots.txt", feeds.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("<slug:cooperation>/", cooperations.cooperation_detail, name="cooperation"),
    path("<slug:cooperation>/organigram.svg", cooperations.cooperation_org_chart, name="org-chart"),
    path("<slug:cooperation>/thema.css", theme.theme_css, name="theme-css"),
    path("<slug:cooperation>/logo", theme.logo, name="logo"),
    path("<slug:cooperation>/organen/<slug:body>/", cooperations.body_detail, name="body"),
    path(
        "<slug:cooperation>/organen/<slug:body>/vergaderingen.ics", feeds.body_calendar, name="body-calendar"
    ),
    path("<slug:cooperation>/vergaderingen/", meetings.meetings_current_year, name="meetings"),
    path("<slug:cooperation>/vergaderingen.ics", feeds.cooperation_calendar, name="calendar"),
    path("<slug:cooperation>/vergaderingen/<int:year>/", meetings.meetings_year, name="meetings-year"),
    path(
        "<slug:cooperation>/vergaderingen/<int:year>/<int:pk>/", meetings.meeting_detail, name="meeting-short"
    ),
    path(MEETING, meetings.meeting_detail, name="meeting"),
    path(f"{MEETING}vergadering.ics", meetings.meeting_calendar_file, name="meeting-calendar"),
    path("<slug:cooperation>/besluiten/", decisions.decisions, name="decisions"),
    path("<slug:cooperation>/besluiten.atom", feeds.DecisionFeed(), name="decisions-feed"),
    path("<slug:cooperation>/dossiers/", dossiers.dossiers, name="dossiers"),
    path("<slug:cooperation>/dossiers/<int:pk>/", dossiers.dossier_detail, name="dossier-short"),
    path("<slug:cooperation>/dossiers/<int:pk>-<slug:slug>/", dossiers.dossier_detail, name="dossier"),
    path("<slug:cooperation>/documenten/", documents.documents, name="documents"),
    path("<slug:cooperation>/documenten.atom", feeds.DocumentFeed(), name="documents-feed"),
]

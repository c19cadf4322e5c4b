from django.urls import path

from naober.portal.views import cooperations

app_name = "portal"

urlpatterns = [
    path("", cooperations.home, name="home"),
    path("<slug:cooperation>/", cooperations.cooperation_detail, name="cooperation"),
    path("<slug:cooperation>/organigram.svg", cooperations.cooperation_org_chart, name="org-chart"),
    path("<slug:cooperation>/organen/<slug:body>/", cooperations.body_detail, name="body"),
]

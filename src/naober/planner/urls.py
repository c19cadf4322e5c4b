from django.urls import URLPattern, URLResolver, path

from naober.planner import views

app_name = "planner"

base = "secretariaat/<slug:cooperation>/planning/"
proposal = base + "<int:year>/voorstellen/<int:pk>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path(base, views.planning_index, name="index"),
    path(base + "<int:year>/", views.planning_year, name="year"),
    path(proposal + "vastzetten/", views.planning_pin, name="pin"),
    path(proposal + "aanvaarden/", views.planning_accept, name="accept"),
    path(proposal + "voorstel.ics", views.planning_ics, name="ics"),
]

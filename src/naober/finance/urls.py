from django.urls import URLPattern, URLResolver, path

from naober.finance.views import public, secretariat

app_name = "finance"

BUDGET = "secretariaat/<slug:cooperation>/begrotingen/<int:pk>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("gemeenten/<slug:municipality>/bijdragen/", public.statement, name="statement"),
    path(
        "gemeenten/<slug:municipality>/bijdragen.<str:fmt>", public.statement_export, name="statement-export"
    ),
    path("financien/<slug:cooperation>/", public.budgets, name="budgets"),
    path("financien/<slug:cooperation>/<int:year>/", public.budget_detail, name="budget"),
    path("financien/<slug:cooperation>/begrotingscyclus.ics", public.cycle_calendar, name="cycle-calendar"),
    path("secretariaat/<slug:cooperation>/begrotingen/", secretariat.budget_list, name="budget-list"),
    path(BUDGET, secretariat.budget_edit, name="budget-edit"),
    path(BUDGET + "regels/nieuw/", secretariat.line_edit, name="line-add"),
    path(BUDGET + "regels/<int:line>/", secretariat.line_edit, name="line"),
    path(BUDGET + "regels/<int:line>/verwijderen/", secretariat.line_delete, name="line-delete"),
    path(BUDGET + "verzenden/", secretariat.budget_send, name="budget-send"),
    path(BUDGET + "vaststellen/", secretariat.budget_adopt, name="budget-adopt"),
    path(BUDGET + "wijziging/", secretariat.budget_change, name="budget-change"),
    path("secretariaat/<slug:cooperation>/begrotingscyclus/", secretariat.cycle, name="cycle"),
]

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

admin.site.site_header = "naober"
admin.site.site_title = "naober"

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("beheer/", admin.site.urls),
    path("documenten/", include("naober.meetings.urls")),
    path("", include("naober.accounts.urls")),
    path("secretariaat/", include("naober.secretariat.urls")),
    path("zoeken/", include("naober.search.urls")),
    path("oparl/", include("naober.oparl.urls")),
    # Each feature's urls module spells out its full paths (secretariaat/<slug>/..., gemeenten/...).
    path("", include("naober.councils.urls")),
    path("", include("naober.planner.urls")),
    path("", include("naober.finance.urls")),
    path("", include("naober.strategy.urls")),
    path("", include("naober.portal.urls")),
]

if settings.NAOBER_BENCH_VIEWS:
    # The web benchmark's yardsticks (bench/web.py), ahead of the portal's catch-all cooperation paths.
    from naober.core.bench_views import urlpatterns as bench_urlpatterns

    urlpatterns = [*bench_urlpatterns, *urlpatterns]

handler400 = "naober.portal.views.errors.bad_request"
handler403 = "naober.portal.views.errors.permission_denied"
handler404 = "naober.portal.views.errors.page_not_found"
handler500 = "naober.portal.views.errors.server_error"

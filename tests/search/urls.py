"""The site's URLs with the search page at /zoeken/, as config/urls.py is to include it."""

from django.urls import include, path

from naober.config.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("zoeken/", include("naober.search.urls")), *site_urlpatterns]

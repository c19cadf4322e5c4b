from django.urls import path

from naober.search import views

app_name = "search"

# Included at /zoeken/ (config/urls.py, before the portal's /<cooperation>/ pages).
urlpatterns = [
    path("", views.search_page, name="results"),
]

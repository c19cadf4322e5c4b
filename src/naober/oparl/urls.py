from django.urls import URLPattern, URLResolver

app_name = "oparl"

urlpatterns: list[URLPattern | URLResolver] = []

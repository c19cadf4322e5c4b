from django.urls import path

from naober.meetings import views

app_name = "meetings"

urlpatterns = [
    path("<int:pk>/download/", views.document_download, name="document-download"),
]

"""The audit trail's pages, included in the secretariat's URLs (so their names are `secretariat:audit…`)."""

from django.urls import path

from naober.secretariat.views import audit

trail = "<slug:cooperation>/audit/"

urlpatterns = [
    path(trail, audit.audit_list, name="audit"),
    path(trail + "export/<str:fmt>/", audit.audit_export, name="audit-export"),
    path(trail + "dossiers/<int:pk>/", audit.audit_dossier, name="audit-dossier"),
    path(trail + "vergaderingen/<int:pk>/", audit.audit_meeting, name="audit-meeting"),
    path(trail + "<str:object_type>/<str:object_id>/", audit.audit_object, name="audit-object"),
]

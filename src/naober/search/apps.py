from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "naober.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from naober.search import checks, signals

        signals.connect()
        checks.register()

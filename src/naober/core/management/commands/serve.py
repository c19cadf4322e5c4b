from __future__ import annotations

import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Serve naober with gunicorn, a production WSGI server (static files are served by the app)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
        parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
        parser.add_argument("--timeout", type=int, default=60, help="worker timeout in seconds (default 60)")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start the background worker (run `naober db_worker` separately, e.g. under systemd)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from gunicorn.app.base import BaseApplication

        from naober.config.wsgi import application

        if not 0 < options["port"] < 65536:
            raise CommandError(_("--port must be between 1 and 65535."))
        if options["workers"] < 1:
            raise CommandError(_("--workers must be at least 1."))
        bind = (
            f"[{options['host']}]:{options['port']}"
            if ":" in options["host"]
            else f"{options['host']}:{options['port']}"
        )

        class Server(BaseApplication):
            def load_config(self) -> None:
                self.cfg.set("bind", bind)
                self.cfg.set("workers", options["workers"])
                self.cfg.set("timeout", options["timeout"])
                self.cfg.set("accesslog", "-")
                self.cfg.set("errorlog", "-")
                self.cfg.set("proc_name", "naober")
                # gunicorn >= 25.1 opens a control socket at one fixed path per user ($HOME/.gunicorn/
                # gunicorn.ctl): a second instance (or a test server) would take over and then delete the
                # first one's socket. naober does not use gunicornc.
                self.cfg.set("control_socket_disable", True)

            def load(self) -> Any:
                return application

        engine = str(settings.DATABASES["default"]["ENGINE"]).rsplit(".", 1)[-1]
        self.stdout.write(f"naober ({settings.NAOBER_ENV}) on http://{bind}/ — database {engine}")
        worker = None if options["no_worker"] else _start_worker()
        try:
            Server().run()
        finally:
            if worker is not None:
                worker.terminate()
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()


def _start_worker() -> subprocess.Popen[bytes] | None:
    """The background worker (invitations, text extraction) beside the web server, for one-machine set-ups."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return None
    return subprocess.Popen(  # noqa: S603 - our own interpreter and command, no user input
        [sys.executable, "-m", "naober", "db_worker", "--no-startup-delay", "--queue-name", "*"],
    )

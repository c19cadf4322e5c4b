"""The `naober` command: the product's own commands first, then every Django management command."""

from __future__ import annotations

import os
import sys

HELP = """\
usage: naober <command> [options]

naober runs the machinery of regional cooperation between municipalities.

Commands:
  serve        serve the web application with a production server (gunicorn) and the
               background worker; --host (default 127.0.0.1), --port (default 8000),
               --workers (default 2), --no-worker
  migrate      create or upgrade the database tables
  demo         load the demo regions (Regio Amersfoort, Regio Achterhoek, Twente,
               Denderregio) from the data files shipped with naober, with a year of
               meeting history (--no-history skips it); idempotent
  createadmin  create (or reset) a platform administrator account
  check        check the configuration; with --deploy, check it for production use
  generate     generate a synthetic dataset for benchmarks: --scale region|province|
               national, --seed N; carries on after an interruption (docs/benchmarks.md)
  reindex      rebuild the search index from the database (--batch-size N)
  db_worker    run the background worker on its own (serve starts one unless --no-worker)
  plan         plan a year of meetings: plan --cooperation SLUG --year Y (a table),
               plan export ... > problem.json, plan solve problem.json --json;
               --time-limit, --workers, --seed; plan council-evenings --municipality
               SLUG FILE_OR_URL imports council meeting evenings (see docs/planner.md)
  councils_remind
               queue the e-mail reminders to council clerks about deadlines that come
               near or have passed (run it daily; the worker sends them)

Every Django management command also works (naober help --commands lists them);
`naober help <command>` explains one command's options.

Configuration comes from the environment: see docs/configuration.md
(DATABASE_URL, NAOBER_ENV, SECRET_KEY, ALLOWED_HOSTS, NAOBER_DATA_DIR, ...).
"""


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help") or args == ["help"]:
        sys.stdout.write(HELP)
        return 0
    if args[0] in ("--version", "version"):
        from naober import __version__

        sys.stdout.write(f"naober {__version__}\n")
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naober.config.settings")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["naober", *args])
    except ImproperlyConfigured as error:
        sys.stderr.write(f"naober: configuration error: {error}\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

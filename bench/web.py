"""Web benchmark: the portal's pages and the OParl API under load, side by side in one run (issue #11).

    .venv/bin/python bench/web.py --database-url URL --data-dir DIR --label LABEL --out bench/results \
        [--duration 10] [--rounds 3] [--connections 16] [--arms floor,best-case,meeting] [--port 0]

What it does:

1. Reads the database (Django's ORM, in this process) to choose the URL paths of every arm: up to `--sample`
   (50) public meetings, bodies, dossiers and year overviews, a handful of Dutch search queries made of
   frequent words of public dossier titles, and the cooperations with the most meetings for OParl.
2. Starts a production server on loopback: `naober serve --workers 2 --no-worker` (gunicorn, 2 sync
   workers) with `NAOBER_ENV=production` and `NAOBER_BENCH_VIEWS=1`, which mounts the two yardsticks
   `/_bench/floor.json` (no database) and `/_bench/best-case/` (one 20-row query through a small template).
3. Walks the OParl lists with a plain HTTP client for the deep pages (following `links.next`) and the ids of
   single objects, then asks every path once: an arm with an answer other than 200 is reported as failed.
4. Loads the server from a separate process, `wrk` (Debian: `apt-get install -y wrk`) with 16 connections and
   2 threads; `bench/wrk/rotate.lua` rotates over the arm's paths so one object's caches do not flatter it.
   An arm with any socket error, timeout or answer >= 400 (wrk's status errors; 3xx were excluded by the
   check in step 3) is failed, not measured.
   After a short warm-up of every arm, `--rounds` rounds run all arms in a shuffled order (interleaved, so a
   drift of the machine hits all arms alike), `--duration` seconds each. After every run the script waits
   until the server answers the floor view within 100 ms again: requests a slow arm left queued must not be
   charged to the next one.
5. Reports per arm the medians over the rounds of requests/s, p50 and p99 latency, and requests/s as a share
   of the best-case page's; flags the targets of issue #11 (every page >= 50 % of the best case, p99 < 50 ms,
   OParl deep pages as fast as first pages: taken as >= 80 %). Writes web-<label>.json and web-<label>.md.

Production settings on plain http: the server runs with the real production configuration (DEBUG off,
manifest static files from `collectstatic` into the data dir, secure cookies, HSTS, the HTTPS redirect on).
It gets a random throw-away SECRET_KEY, `ALLOWED_HOSTS=127.0.0.1,localhost` and `NAOBER_SITE_URL` set to
the loopback address. Instead of switching the HTTPS redirect off, every request carries
`X-Forwarded-Proto: https`, as the TLS-terminating proxy in front of a production site sends
(`SECURE_PROXY_SSL_HEADER`): so the code path measured is exactly the production one, and answers are 200.
The background worker is not started (`--no-worker`; under systemd it is its own process anyway) so that it
does not poll the database during the measurement. gunicorn's access log goes to /dev/null, its error log
to `<out>/web-<label>.server.log`.

The server is stopped (SIGTERM to its process group, SIGKILL after 15 s) at the end, on errors and on
Ctrl-C. Exit code 0 when the run completed (failed arms are reported, not fatal); 2 on bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus, urlsplit

ROOT = Path(__file__).resolve().parents[1]
LUA = ROOT / "bench" / "wrk" / "rotate.lua"
WRK_MISSING = "wrk is not installed (Debian/Ubuntu: apt-get install -y wrk; macOS: brew install wrk)"

ARMS = (
    "floor",
    "best-case",
    "home",
    "year",
    "meeting",
    "body",
    "dossier",
    "search",
    "oparl-list-first",
    "oparl-list-deep",
    "oparl-meeting",
    "oparl-paper",
    "oparl-person",
)
YARDSTICKS = ("floor", "best-case")
TARGET_SHARE = 0.5  # every page >= 50 % of the best-case page's requests/s
TARGET_P99_MS = 50.0
TARGET_DEEP_SHARE = 0.8  # "OParl deep pages as fast as first pages", with room for noise
STOPWORDS = frozenset(
    ("aan", "als", "bij", "dat", "de", "den", "der", "des", "die", "dit", "door", "een", "en", "het", "in")
    + ("is", "met", "na", "naar", "niet", "of", "om", "op", "over", "te", "ten", "ter", "tot", "uit", "van")
    + ("voor", "vanaf", "worden", "wordt", "zijn")
)


class BenchError(Exception):
    """Bad input or an unusable environment: one clear line, exit code 2."""


@dataclass
class Arm:
    name: str
    paths: list[str] = field(default_factory=list)
    note: str = ""
    failed: str = ""
    runs: list[dict[str, Any]] = field(default_factory=list)


# Discovery in the database ------------------------------------------------------------------------------


def _configure_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def _sample(items: list[Any], count: int, rng: random.Random) -> list[Any]:
    return items if len(items) <= count else rng.sample(items, count)


def discover_pages(*, sample: int, seed: int) -> tuple[dict[str, Arm], dict[str, Any]]:
    """The portal arms' paths, chosen from the database; and facts about the data for the report."""
    from django.db import connection
    from django.db.models import Count
    from django.db.models.functions import ExtractYear

    from naober.governance.models import Body
    from naober.meetings.models import Dossier, Meeting
    from naober.portal.links import body_path, dossier_path, meeting_path
    from naober.portal.selectors.feeds import sitemap_dossiers, sitemap_meetings
    from naober.registry.models import Cooperation

    rng = random.Random(seed)
    arms = {name: Arm(name) for name in ARMS}
    arms["floor"].paths = ["/_bench/floor.json"]
    arms["best-case"].paths = ["/_bench/best-case/"]
    arms["home"].paths = ["/"]

    meeting_ids = list(sitemap_meetings().order_by().values_list("pk", flat=True))
    chosen = Meeting.objects.filter(pk__in=_sample(meeting_ids, sample, rng)).select_related(
        "cooperation", "body", "body__topic"
    )
    arms["meeting"].paths = sorted(meeting_path(meeting) for meeting in chosen)

    years = list(
        sitemap_meetings()
        .order_by()
        .annotate(year=ExtractYear("start"))
        .values_list("cooperation__slug", "year")
        .distinct()
    )
    arms["year"].paths = sorted(
        f"/{slug}/vergaderingen/{year}/" for slug, year in _sample(years, sample, rng)
    )

    body_ids = list(Body.objects.order_by("pk").values_list("pk", flat=True))
    bodies = Body.objects.filter(pk__in=_sample(body_ids, sample, rng)).select_related("cooperation")
    arms["body"].paths = sorted(body_path(body) for body in bodies)

    dossier_ids = list(sitemap_dossiers().order_by().values_list("pk", flat=True))
    dossiers = Dossier.objects.filter(pk__in=_sample(dossier_ids, sample, rng)).select_related("cooperation")
    arms["dossier"].paths = sorted(dossier_path(dossier) for dossier in dossiers)

    queries = search_queries(
        list(Dossier.objects.filter(pk__in=_sample(dossier_ids, 2000, rng)).values_list("title", flat=True))
    )
    arms["search"].paths = [f"/zoeken/?q={quote_plus(query)}" for query in queries]
    arms["search"].note = "queries: " + ", ".join(queries)

    # OParl Bodies are cooperations: the ones with the most public meetings have the longest lists.
    largest = list(
        Cooperation.objects.annotate(count=Count("meetings"))
        .order_by("-count", "pk")
        .values_list("pk", flat=True)[:5]
    )
    facts = {
        "db_vendor": connection.vendor,
        "db_version": _db_version(connection),
        "cooperations": Cooperation.objects.count(),
        "bodies": len(body_ids),
        "public_meetings": len(meeting_ids),
        "public_dossiers": len(dossier_ids),
        "oparl_bodies": largest,
    }
    connection.close()
    return arms, facts


def _db_version(connection: Any) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
        else:
            cursor.execute("show server_version")
        return str(cursor.fetchone()[0])


def search_queries(titles: list[str], count: int = 8) -> list[str]:
    """Frequent words of public dossier titles, alone and in pairs that occur together: what people type."""
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for title in titles:
        tokens = [t for t in re.findall(r"[a-zà-ÿ]+", title.lower()) if len(t) >= 5 and t not in STOPWORDS]
        words.update(set(tokens))
        pairs.update(zip(tokens, tokens[1:], strict=False))
    singles = [word for word, _count in words.most_common(count - count // 4)]
    doubles = [f"{a} {b}" for (a, b), _count in pairs.most_common(count // 4) if a != b]
    return (singles + doubles) or ["vergadering", "besluit"]


# The server -----------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn: TIME_WAIT is no obstacle
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def http_get(port: int, path: str, timeout: float = 60.0) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def drain(port: int, limit: float = 60.0) -> float:
    """Wait until the server has worked off what the last arm left queued (16 slow requests outlive wrk's
    run); else the next arm is measured against that backlog. Returns the seconds waited."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        begin = time.perf_counter()
        try:
            http_get(port, "/_bench/floor.json", timeout=limit)
        except OSError:
            time.sleep(0.1)
            continue
        if time.perf_counter() - begin < 0.1:
            break
    return time.perf_counter() - started


@contextlib.contextmanager
def running_server(
    *, env: dict[str, str], port: int, workers: int, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("ab") as log_file:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and command
            [sys.executable, "-m", "naober", "serve", "--workers", str(workers), "--port", str(port)]
            + ["--no-worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
            start_new_session=True,  # its own process group: gunicorn's workers are stopped with it
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            if server.poll() is not None:
                raise BenchError(f"the server stopped (exit {server.returncode}); see {log}")
            with contextlib.suppress(OSError):
                if http_get(port, "/_bench/floor.json", timeout=5)[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise BenchError(f"the server did not answer within 90 s; see {log}")
            time.sleep(0.3)
        yield server
    finally:
        stop_server(server)


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)  # gunicorn: graceful stop of the master and its workers
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)
    # Workers that outlived their master (should not happen) are in the same group.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)


# OParl discovery over HTTP --------------------------------------------------------------------------------


def _json(port: int, path: str) -> Any:
    status, body = http_get(port, path)
    if status != 200:
        raise BenchError(f"GET {path} answered {status} while walking the OParl API")
    return json.loads(body)


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def discover_oparl(
    arms: dict[str, Arm], *, port: int, bodies: list[int], list_name: str, deep_page: int, sample: int
) -> None:
    wanted = {name for name in arms if name.startswith("oparl-")}
    if not wanted or not bodies:
        return
    first = [f"/oparl/v1.1/body/{pk}/{list_name}" for pk in bodies]
    if "oparl-list-first" in wanted:
        arms["oparl-list-first"].paths = first
        arms["oparl-list-first"].note = f"first pages of the {list_name} list of {len(first)} bodies"
    if "oparl-list-deep" in wanted:
        deep: list[str] = []
        depths: list[int] = []
        for path in first[:3]:
            pages = [path]
            while len(pages) < deep_page:
                following = _json(port, pages[-1]).get("links", {}).get("next")
                if not following:
                    break
                pages.append(_path_of(following))
            depths.append(len(pages))
            deep.extend(pages[-5:] if len(pages) > 1 else [])
        arms["oparl-list-deep"].paths = deep
        arms["oparl-list-deep"].note = (
            f"pages up to {max(depths)} deep (target {deep_page}) of the {list_name} list, "
            f"{len(depths)} bodies"
        )
        if len(deep) == 0:
            arms["oparl-list-deep"].failed = "no list has a second page in this database"
    for arm_name, object_list in (
        ("oparl-meeting", "meeting"),
        ("oparl-paper", "paper"),
        ("oparl-person", "person"),
    ):
        if arm_name not in wanted:
            continue
        ids: list[str] = []
        for pk in bodies:
            page = _json(port, f"/oparl/v1.1/body/{pk}/{object_list}?omit_internal=true&limit=100")
            ids.extend(_path_of(item["id"]) for item in page.get("data", []) if not item.get("deleted"))
        arms[arm_name].paths = sorted(_sample(ids, sample, random.Random(len(ids))))


def precheck(arms: dict[str, Arm], *, port: int) -> None:
    """Every path answers 200 once (no redirect followed), or the arm fails before it is measured."""
    for arm in arms.values():
        if arm.failed:
            continue
        if not arm.paths:
            arm.failed = "no paths in this database"
            continue
        bad = []
        for path in arm.paths:
            status, _body = http_get(port, path)
            if status != 200:
                bad.append(f"{path} -> {status}")
        if bad:
            arm.failed = f"{len(bad)} of {len(arm.paths)} paths not 200: " + "; ".join(bad[:3])


# Load ----------------------------------------------------------------------------------------------------


def run_wrk(
    *, port: int, paths_file: Path, seconds: float, connections: int, threads: int, timeout: int
) -> dict[str, Any]:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s"]
    command += [f"--timeout={timeout}s", "--latency", "-s", str(LUA), f"http://127.0.0.1:{port}"]
    command += ["--", str(paths_file)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if done.returncode != 0 or line is None:
        raise BenchError(f"wrk failed (exit {done.returncode}): {(done.stderr or done.stdout).strip()[:300]}")
    result: dict[str, Any] = json.loads(line.removeprefix("WRKJSON "))
    seconds_run = result["duration_us"] / 1e6
    errors = sum(result[k] for k in ("connect_errors", "read_errors", "write_errors", "timeouts"))
    result.update(
        rps=round(result["requests"] / seconds_run, 1) if seconds_run else 0.0,
        p50_ms=round(result["p50_us"] / 1000, 2),
        p99_ms=round(result["p99_us"] / 1000, 2),
        errors=errors,
    )
    return result


def measure(
    arms: dict[str, Arm],
    *,
    port: int,
    workdir: Path,
    rounds: int,
    duration: float,
    warmup: float,
    connections: int,
    threads: int,
    timeout: int,
    seed: int,
) -> None:
    files = {}
    for arm in arms.values():
        files[arm.name] = workdir / f"{arm.name}.txt"
        files[arm.name].write_text("\n".join(arm.paths) + "\n")

    def once(arm: Arm, seconds: float, *, warming: bool = False) -> dict[str, Any] | None:
        result = run_wrk(
            port=port,
            paths_file=files[arm.name],
            seconds=seconds,
            connections=connections,
            threads=threads,
            timeout=timeout,
        )
        drain(port)
        if not result["requests"] and not warming:  # a warm-up may be shorter than one slow request
            arm.failed = f"no request completed in {seconds:g} s"
            return None
        if result["errors"] or result["status_errors"]:
            arm.failed = (
                f"{result['status_errors']} answers >= 400 and {result['errors']} socket errors/timeouts "
                f"in {result['requests']} requests"
            )
            return None
        return result

    for arm in [arm for arm in arms.values() if not arm.failed] if warmup > 0 else []:
        print(f"warm-up {arm.name} ({len(arm.paths)} paths)", flush=True)
        once(arm, warmup, warming=True)
    rng = random.Random(seed)
    for number in range(1, rounds + 1):
        order = [arm for arm in arms.values() if not arm.failed]
        rng.shuffle(order)
        for arm in order:
            result = once(arm, duration)
            if result is not None:
                result["round"] = number
                arm.runs.append(result)
                print(
                    f"round {number} {arm.name:18} {result['rps']:9.1f} req/s  p50 {result['p50_ms']:7.2f} ms"
                    f"  p99 {result['p99_ms']:7.2f} ms",
                    flush=True,
                )
            else:
                print(f"round {number} {arm.name:18} FAILED: {arm.failed}", flush=True)


# Report --------------------------------------------------------------------------------------------------


def summarise(arms: dict[str, Arm]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for arm in arms.values():
        row: dict[str, Any] = {
            "arm": arm.name,
            "paths": len(arm.paths),
            "note": arm.note,
            "path_list": arm.paths,
        }
        if arm.failed or not arm.runs:
            row.update(status="failed", reason=arm.failed or "not measured")
        else:
            row.update(
                status="ok",
                rps=round(statistics.median(r["rps"] for r in arm.runs), 1),
                p50_ms=round(statistics.median(r["p50_ms"] for r in arm.runs), 2),
                p99_ms=round(statistics.median(r["p99_ms"] for r in arm.runs), 2),
                requests=sum(r["requests"] for r in arm.runs),
                runs=arm.runs,
            )
        rows.append(row)
    by_name = {row["arm"]: row for row in rows}
    best = by_name.get("best-case", {}).get("rps")
    first = by_name.get("oparl-list-first", {}).get("rps")
    for row in rows:
        if row["status"] != "ok":
            continue
        row["share_of_best_case"] = round(row["rps"] / best, 3) if best else None
        if row["arm"] in YARDSTICKS:
            continue
        targets = {"p99_under_50ms": row["p99_ms"] < TARGET_P99_MS}
        if best:
            targets["at_least_half_of_best_case"] = row["rps"] >= TARGET_SHARE * best
        if row["arm"] == "oparl-list-deep" and first:
            row["share_of_first_page"] = round(row["rps"] / first, 3)
            targets["deep_as_fast_as_first"] = row["rps"] >= TARGET_DEEP_SHARE * first
        row["targets"] = targets
        row["targets_met"] = all(targets.values())
    return rows


def markdown(meta: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    settings, load = meta["settings"], meta["load_average_1_5_15"]
    lines = [
        f"# Web benchmark — {meta['label']}",
        "",
        f"{meta['db_vendor']} {meta['db_version']}, git {meta['git_commit']}, {meta['started_at']}; "
        f"gunicorn {settings['workers']} sync workers, wrk {settings['threads']} threads, "
        f"{settings['connections']} connections, {settings['rounds']} rounds × {settings['duration']} s "
        f"(medians); machine: {meta['machine']['cpu']} ({meta['machine']['cpus']} CPUs), load average "
        f"{load['before'][0]:.1f} before, {load['after'][0]:.1f} after.",
        "",
        "| arm | paths | req/s | p50 ms | p99 ms | × best case | targets |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        if row["status"] != "ok":
            lines.append(f"| {row['arm']} | {row['paths']} | failed | | | | {row['reason']} |")
            continue
        share = row.get("share_of_best_case")
        missed = [name for name, met in row.get("targets", {}).items() if not met]
        verdict = "—" if "targets" not in row else ("met" if not missed else "MISSED: " + ", ".join(missed))
        if "share_of_first_page" in row:
            verdict += f" (deep/first {row['share_of_first_page']:.2f})"
        lines.append(
            f"| {row['arm']} | {row['paths']} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} "
            f"| {share if share is not None else ''} | {verdict} |"
        )
    lines += [
        "",
        "Targets (issue #11): every page ≥ 50 % of the best-case page's req/s, p99 < 50 ms, OParl deep",
    ]
    lines += ["pages ≥ 80 % of first pages' req/s. Notes:", ""]
    lines += [f"- {row['arm']}: {row['note']}" for row in rows if row.get("note")]
    return "\n".join(lines) + "\n"


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        first = Path("/proc/meminfo").read_text().splitlines()[0]
        memory = round(int(first.split()[1]) / 1024 / 1024, 1)
    return {
        "node": platform.node(),
        "system": f"{platform.system()} {platform.release()}",
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gb": memory,
    }


def git_commit() -> str:
    done = subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty", "--abbrev=12"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "unknown"


def wrk_version() -> str:
    done = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)  # noqa: S603,S607
    return (done.stdout or done.stderr).splitlines()[0].strip() if (done.stdout or done.stderr) else "?"


# Main ----------------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add = parser.add_argument
    add("--database-url", required=True, help="DATABASE_URL of the database to serve")
    add("--data-dir", required=True, type=Path, help="NAOBER_DATA_DIR (search index, static)")
    add("--label", default="local", help="names the result files web-<label>.json/.md")
    add("--out", type=Path, default=ROOT / "bench" / "results", help="results directory")
    add("--duration", type=float, default=10.0, help="seconds per arm per round (default 10)")
    add("--rounds", type=int, default=3, help="rounds of all arms, interleaved (default 3)")
    add("--warmup", type=float, default=2.0, help="seconds of warm-up per arm (default 2)")
    add("--connections", type=int, default=16, help="concurrent connections (default 16)")
    add("--threads", type=int, default=2, help="wrk threads (default 2)")
    add("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    add("--timeout", type=int, default=30, help="wrk's request timeout in seconds (default 30)")
    add("--arms", default="", help=f"comma-separated subset of: {', '.join(ARMS)}")
    add("--port", type=int, default=0, help="loopback port for the server (default: a free one)")
    add("--sample", type=int, default=50, help="paths per arm where the data allows (default 50)")
    add("--oparl-list", default="agendaItem", help="the OParl list paged (default agendaItem)")
    add("--deep-page", type=int, default=50, help="how deep the deep OParl pages are (default 50)")
    add("--seed", type=int, default=1, help="seed of the samples and the arm order (default 1)")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.arms.split(",") if name.strip()] or list(ARMS)
    unknown = [name for name in chosen if name not in ARMS]
    if unknown:
        parser.error(f"unknown arm(s) {', '.join(unknown)}; choose from {', '.join(ARMS)}")
    args.arms = chosen
    if args.duration <= 0 or args.rounds < 1 or args.connections < 1 or args.threads < 1 or args.workers < 1:
        parser.error("--duration, --rounds, --connections, --threads and --workers must be positive")
    if args.threads > args.connections:
        parser.error("--threads must not exceed --connections")
    if args.port and not 0 < args.port < 65536:
        parser.error("--port must be between 1 and 65535")
    return args


def server_env(args: argparse.Namespace, port: int) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NAOBER_", "DJANGO_")) and key not in ("DATABASE_URL", "SECRET_KEY", "DEBUG")
    }
    env.update(
        DATABASE_URL=args.database_url,
        NAOBER_DATA_DIR=str(args.data_dir.resolve()),
        NAOBER_ENV="production",
        NAOBER_BENCH_VIEWS="1",
        NAOBER_SITE_URL=f"http://127.0.0.1:{port}",
        SECRET_KEY=secrets.token_urlsafe(64),  # throw-away: nothing signed in this run outlives it
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SETTINGS_MODULE="naober.config.settings",
        LOG_LEVEL="WARNING",
    )
    return env


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        raise BenchError(WRK_MISSING)
    if not args.data_dir.is_dir():
        raise BenchError(f"--data-dir {args.data_dir} is not a directory")
    port = args.port or free_port()
    if not port_is_free(port):
        raise BenchError(f"port {port} is in use")
    args.out.mkdir(parents=True, exist_ok=True)
    env = server_env(args, port)
    started = datetime.datetime.now(datetime.UTC)
    load_before = os.getloadavg()  # a busy machine explains odd figures: recorded with them

    _configure_django(env)
    try:
        all_arms, facts = discover_pages(sample=args.sample, seed=args.seed)
    except Exception as error:  # an unreachable or unmigrated database: say so in one line
        raise BenchError(f"cannot read the database at {args.database_url}: {error}") from error
    arms = {name: arm for name, arm in all_arms.items() if name in args.arms}

    print("collectstatic (production serves the hashed static files)", flush=True)
    collected = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "naober", "collectstatic", "--noinput", "-v0"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if collected.returncode != 0:
        raise BenchError(f"collectstatic failed: {(collected.stderr or collected.stdout).strip()[-300:]}")

    log = args.out / f"web-{args.label}.server.log"
    log.write_text("")
    print(f"server on http://127.0.0.1:{port}/ ({args.workers} workers), log {log}", flush=True)
    with (
        running_server(env=env, port=port, workers=args.workers, log=log),
        tempfile.TemporaryDirectory(prefix="naober-bench-web-") as workdir,
    ):
        discover_oparl(
            arms,
            port=port,
            bodies=facts["oparl_bodies"],
            list_name=args.oparl_list,
            deep_page=args.deep_page,
            sample=args.sample,
        )
        precheck(arms, port=port)
        for arm in arms.values():
            if arm.failed:
                print(f"{arm.name}: FAILED before measuring: {arm.failed}", flush=True)
        measure(
            arms,
            port=port,
            workdir=Path(workdir),
            rounds=args.rounds,
            duration=args.duration,
            warmup=args.warmup,
            connections=args.connections,
            threads=args.threads,
            timeout=args.timeout,
            seed=args.seed,
        )

    rows = summarise(arms)
    meta = {
        "benchmark": "web",
        "label": args.label,
        "machine": machine(),
        "python": platform.python_version(),
        "db_vendor": facts["db_vendor"],
        "db_version": facts["db_version"],
        "git_commit": git_commit(),
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "load_average_1_5_15": {"before": load_before, "after": os.getloadavg()},
        "data": {key: value for key, value in facts.items() if key not in ("db_vendor", "db_version")},
        "settings": {
            "duration": args.duration,
            "rounds": args.rounds,
            "warmup": args.warmup,
            "connections": args.connections,
            "threads": args.threads,
            "workers": args.workers,
            "timeout": args.timeout,
            "sample": args.sample,
            "oparl_list": args.oparl_list,
            "deep_page": args.deep_page,
            "seed": args.seed,
            "arms": args.arms,
            "server": "naober serve (gunicorn sync), NAOBER_ENV=production, X-Forwarded-Proto: https",
            "load": wrk_version(),
        },
    }
    (args.out / f"web-{args.label}.json").write_text(
        json.dumps({"meta": meta, "rows": rows}, indent=2) + "\n"
    )
    (args.out / f"web-{args.label}.md").write_text(markdown(meta, rows))
    print(markdown(meta, rows))
    print(f"wrote {args.out / f'web-{args.label}.json'} and .md", flush=True)
    return 0


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through running_server, which stops gunicorn


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminate)
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"bench/web.py: {error}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)

"""All benchmarks of issue #11 in one run: datasets, web, search and planner, on SQLite and PostgreSQL.

    make bench        # region and national scale, both databases (hours the first time)
    .venv/bin/python bench/run.py --scales region --databases sqlite --benchmarks web,search
    .venv/bin/python bench/run.py --smoke       # a tiny end-to-end run (the test suite does this)

For every scale and database it makes sure the dataset exists (`naober migrate`, `naober generate`, which
carries on where an interrupted run stopped, and `naober reindex` when there is no search index yet), then
runs `bench/web.py` and `bench/search.py` against it; `bench/planner.py` runs once. Each writes JSON and
Markdown to --out; this script merges them into `summary.json` and `summary.md`, and with --update-docs puts
the tables into docs/benchmarks.md between the results markers.

Datasets live under --data-root (default var/bench/<scale>-<database>/, ignored by git); the PostgreSQL
databases are named naober_bench_<scale> on 127.0.0.1:5432 (override with --postgres-url, without the name).
SQLite and PostgreSQL datasets of one scale hold the same rows: generation is deterministic.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAOBER = ROOT / ".venv" / "bin" / "naober"
PYTHON = sys.executable
SCALES = ("region", "province", "national")
DATABASES = ("sqlite", "postgresql")
BENCHMARKS = ("web", "search", "planner")
WEB_ARMS = (
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
START, END = "<!-- results:start -->", "<!-- results:end -->"


class BenchError(Exception):
    pass


def log(message: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)  # noqa: DTZ005 - a local clock


def run(command: list[str], env: dict[str, str], *, capture: bool = False) -> str:
    log(" ".join(str(part) for part in command))
    result = subprocess.run(  # noqa: S603 - our own scripts and commands
        command, env=env, cwd=ROOT, text=True, capture_output=capture, check=False
    )
    if result.returncode != 0:
        detail = (result.stderr or "").strip().splitlines()[-1:] if capture else []
        raise BenchError(
            f"{command[1] if len(command) > 1 else command[0]} failed ({result.returncode}) {detail}"
        )
    return result.stdout if capture else ""


class Dataset:
    def __init__(self, scale: str, database: str, args: argparse.Namespace) -> None:
        self.scale, self.database = scale, database
        self.label = f"{scale}-{database}"
        self.dir = (args.data_root / self.label).resolve()
        name = f"naober_bench_{scale}" if not args.smoke else "naober_bench_smoke"
        self.pg_name = name
        self.url = (
            f"{args.postgres_url.rstrip('/')}/{name}"
            if database == "postgresql"
            else f"sqlite:///{self.dir / 'naober.sqlite3'}"
        )
        self.args = args

    def env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith(("NAOBER_", "DJANGO_"))}
        env.update(DATABASE_URL=self.url, NAOBER_DATA_DIR=str(self.dir))
        return env

    def ensure(self) -> dict[str, object]:
        """Migrate, generate (or carry on), index; returns what the dataset's making cost."""
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.database == "postgresql":
            self._create_database()
        env = self.env()
        run([str(NAOBER), "migrate", "-v0"], env)
        report_file = self.dir / "generate.json"
        command = [str(NAOBER), "generate", "--scale", self.scale, "--seed", "1", "--json", "--quiet"]
        if self.args.smoke:
            command += ["--years", "1"]
        report = json.loads(run(command, env, capture=True).strip().splitlines()[-1])
        if report["cooperations_written"] or not report_file.exists():
            report_file.write_text(json.dumps(report, indent=1), encoding="utf-8")
        made = json.loads(report_file.read_text(encoding="utf-8"))
        index_file = self.dir / "reindex.json"
        search_dir = self.dir / "search"
        objects = self.search_objects(made)
        if objects > self.args.index_limit and not index_file.exists():
            made["reindex"] = {"skipped": f"{objects:,} objects to index, over --index-limit"}
            return made
        if not index_file.exists() or not any(search_dir.glob("*")):
            started = time.perf_counter()
            run(
                [str(NAOBER), "reindex", "--jobs", str(self.args.jobs), "--quiet-progress"], env, capture=True
            )
            seconds = time.perf_counter() - started
            size = sum(path.stat().st_size for path in search_dir.rglob("*") if path.is_file())
            index_file.write_text(json.dumps({"seconds": round(seconds, 1), "bytes": size}), encoding="utf-8")
        made["reindex"] = json.loads(index_file.read_text(encoding="utf-8"))
        return made

    @staticmethod
    def search_objects(made: dict[str, object]) -> int:
        keys = ("meetings", "agenda_items", "documents", "dossiers")
        return sum(int(str(made.get(key, 0))) for key in keys)

    def _create_database(self) -> None:
        admin = f"{self.args.postgres_url.rstrip('/')}/postgres"
        import psycopg

        with psycopg.connect(admin, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [self.pg_name]
            ).fetchone()
            if exists and self.args.smoke:
                connection.execute(f'DROP DATABASE "{self.pg_name}" WITH (FORCE)')
                exists = None
            if not exists:
                connection.execute(f'CREATE DATABASE "{self.pg_name}"')


def benchmark(dataset: Dataset, name: str, args: argparse.Namespace, made: dict[str, object]) -> None:
    common = ["--database-url", dataset.url, "--data-dir", str(dataset.dir), "--label", dataset.label]
    common += ["--out", str(args.out)]
    reindex = made.get("reindex", {})
    indexed = isinstance(reindex, dict) and "skipped" not in reindex
    if name == "web":
        smoke_arms = "floor,best-case,meeting,dossier,oparl-list-first,oparl-meeting"
        extra = (
            ["--duration", "1", "--rounds", "1", "--warmup", "1", "--arms", smoke_arms] if args.smoke else []
        )
        extra += ["--duration", str(args.duration)] if args.duration and not args.smoke else []
        extra += ["--rounds", str(args.rounds)] if args.rounds and not args.smoke else []
        if not indexed:
            extra += ["--arms", ",".join(arm for arm in WEB_ARMS if arm != "search")]
        run([PYTHON, str(ROOT / "bench" / "web.py"), *common, *extra], dataset.env())
    elif name == "search":
        if not indexed:
            raise BenchError(f"search not measured: not indexed ({reindex.get('skipped')})")
        seconds = reindex.get("seconds") if isinstance(reindex, dict) else None
        extra = ["--no-build"] + (["--tantivy-build-seconds", str(seconds)] if seconds is not None else [])
        extra += ["--queries", "40", "--like-sample", "5"] if args.smoke else []
        if Dataset.search_objects(made) > args.sql_search_limit:
            extra.append("--no-sql")
        run([PYTHON, str(ROOT / "bench" / "search.py"), *common, *extra], dataset.env())


def machine() -> dict[str, object]:
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor()
    try:
        memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    except (OSError, IndexError, ValueError):
        memory = 0
    commit = subprocess.run(  # noqa: S603 - git, fixed arguments
        ["/usr/bin/git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        text=True,
        capture_output=True,
        check=False,
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "python": platform.python_version(),
        "system": platform.platform(),
        "commit": commit,
        "at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def dataset_table(datasets: dict[str, dict[str, object]]) -> str:
    rows = [
        "| dataset | cooperations | meetings | agenda items | documents | text | generation | database | "
        "search index | indexing |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, made in datasets.items():
        reindex = made.get("reindex") if isinstance(made.get("reindex"), dict) else {}
        assert isinstance(reindex, dict)

        def number(source: dict[str, object], key: str) -> float:
            return float(str(source.get(key, 0)))

        rows.append(
            f"| {label} | {made.get('cooperations_written', 0):,} | {made.get('meetings', 0):,} | "
            f"{made.get('agenda_items', 0):,} | {made.get('documents', 0):,} | "
            f"{number(made, 'text_bytes') / 1e9:.2f} GB | {number(made, 'seconds') / 60:.1f} min | "
            f"{number(made, 'database_bytes') / 1e9:.2f} GB | "
            f"{number(reindex, 'bytes') / 1e9:.2f} GB | {number(reindex, 'seconds') / 60:.1f} min |"
        )
    return "\n".join(rows)


def all_datasets(
    args: argparse.Namespace, measured: dict[str, dict[str, object]]
) -> dict[str, dict[str, object]]:
    """Every dataset made under --data-root (earlier runs too), so one summary covers all results."""
    found: dict[str, dict[str, object]] = {}
    for scale in SCALES:
        for database in DATABASES:
            label = f"{scale}-{database}"
            if label in measured:
                found[label] = measured[label]
                continue
            directory = args.data_root / label
            if (directory / "generate.json").exists():
                made = json.loads((directory / "generate.json").read_text(encoding="utf-8"))
                if (directory / "reindex.json").exists():
                    made["reindex"] = json.loads((directory / "reindex.json").read_text(encoding="utf-8"))
                found[label] = made
    return found


def summary(args: argparse.Namespace, datasets: dict[str, dict[str, object]], failures: list[str]) -> str:
    parts = [
        f"Measured {machine()['at']} on {machine()['cpu']} ({os.cpu_count()} cores).",
        "",
        "### Datasets",
        "",
    ]
    parts.append(dataset_table(datasets))
    for name in BENCHMARKS:
        files = sorted(args.out.glob(f"{name}*.md"))
        if not files:
            continue
        parts += ["", f"### {name.capitalize()}", ""]
        for path in files:
            text = path.read_text(encoding="utf-8").strip()
            label = path.stem.removeprefix(name).lstrip("-") or name
            parts += [f"#### {label}", "", re.sub(r"^# .*\n+", "", text), ""]
    if failures:
        parts += ["", "### Not measured", "", *[f"- {failure}" for failure in failures]]
    return "\n".join(parts).strip() + "\n"


def update_docs(text: str) -> None:
    docs = ROOT / "docs" / "benchmarks.md"
    current = docs.read_text(encoding="utf-8")
    if START not in current or END not in current:
        raise BenchError("docs/benchmarks.md has no results markers")
    before, rest = current.split(START, 1)
    after = rest.split(END, 1)[1]
    docs.write_text(f"{before}{START}\n{text}{END}{after}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scales", default="region,province,national", help="comma-separated: region, province, national"
    )
    parser.add_argument(
        "--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql"
    )
    parser.add_argument(
        "--benchmarks", default="web,search,planner", help="comma-separated: web, search, planner"
    )
    parser.add_argument("--data-root", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument(
        "--duration", type=int, default=0, help="seconds per web arm and round (web.py's default)"
    )
    parser.add_argument("--rounds", type=int, default=0, help="web rounds (web.py's default)")
    parser.add_argument(
        "--index-limit",
        type=int,
        default=1_000_000,
        help="do not index datasets with more search objects than this (default 1,000,000: ~20 min)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="reindex worker processes (default 2)")
    parser.add_argument(
        "--sql-search-limit",
        type=int,
        default=1_000_000,
        help="above this many search objects the search benchmark compares tantivy only (default 1,000,000)",
    )
    parser.add_argument("--prepare-only", action="store_true", help="make the datasets, run nothing")
    parser.add_argument("--update-docs", action="store_true", help="write the tables into docs/benchmarks.md")
    parser.add_argument("--smoke", action="store_true", help="a tiny run: one year of one region, short arms")
    args = parser.parse_args()

    def choices(value: str, allowed: tuple[str, ...], option: str) -> list[str]:
        chosen = [part.strip() for part in value.split(",") if part.strip()]
        unknown = [part for part in chosen if part not in allowed]
        if unknown or not chosen:
            parser.error(
                f"{option}: choose from {', '.join(allowed)} (not {', '.join(unknown) or 'nothing'})"
            )
        return chosen

    scales = ["region"] if args.smoke else choices(args.scales, SCALES, "--scales")
    databases = choices(args.databases, DATABASES, "--databases")
    benchmarks = choices(args.benchmarks, BENCHMARKS, "--benchmarks")
    args.out.mkdir(parents=True, exist_ok=True)
    datasets: dict[str, dict[str, object]] = {}
    failures: list[str] = []
    for scale in scales:
        for database in databases:
            dataset = Dataset(scale, database, args)
            try:
                made = dataset.ensure()
                datasets[dataset.label] = made
                if args.prepare_only:
                    continue
                for name in benchmarks:
                    if name != "planner":
                        try:
                            benchmark(dataset, name, args, made)
                        except BenchError as error:
                            failures.append(f"{dataset.label} {name}: {error}")
                            log(f"FAILED {dataset.label} {name}: {error}")
            except BenchError as error:
                failures.append(f"{dataset.label}: {error}")
                log(f"FAILED {dataset.label}: {error}")
    if args.prepare_only:
        return 1 if failures else 0
    if "planner" in benchmarks:
        extra = ["--region-limit", "2", "--skip-province"] if args.smoke else []
        try:
            run(
                [PYTHON, str(ROOT / "bench" / "planner.py"), "--out", str(args.out), *extra], dict(os.environ)
            )
        except BenchError as error:
            failures.append(f"planner: {error}")
    datasets = all_datasets(args, datasets)
    text = summary(args, datasets, failures)
    (args.out / "summary.md").write_text(text, encoding="utf-8")
    (args.out / "summary.json").write_text(
        json.dumps({"machine": machine(), "datasets": datasets, "failures": failures}, indent=1),
        encoding="utf-8",
    )
    if args.update_docs:
        update_docs(text)
    log(f"wrote {args.out / 'summary.md'}" + (f"; {len(failures)} failed" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

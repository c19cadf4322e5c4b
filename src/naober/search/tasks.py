"""Background work of search, run by `naober db_worker` (immediately in tests): the index's one writer."""

from __future__ import annotations

from django_tasks import task


@task()
def search_update(*, keys: list[str]) -> dict[str, int]:
    from naober.search.indexing import update

    written, deleted = update(keys)
    return {"written": written, "deleted": deleted}


@task()
def search_rebuild() -> dict[str, int]:
    from naober.search.indexing import rebuild

    return {"written": rebuild()}

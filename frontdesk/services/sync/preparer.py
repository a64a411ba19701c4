"""A large import's digests and search tokens, worked out in a process of its own while the merge writes.

The merge's own thread spends most of its time in SQLite, which leaves the second core idle; the digests and
search tokens of the rows still to come need no database, only the checked rows in the scratch file. A thread
would not do: it would fight the writer for the GIL at every row it steps. So a small process (this module and
the plain-Python helpers it needs, nothing of Qt or peewee) reads the scratch file in the merge's order and
writes each chunk's results to a pipe, which holds the worker back once it is a chunk ahead (the pipe is full
until the merge reads). When it cannot start, or stops, the merge works the rest out itself: the results are
the same either way.

    python -m frontdesk.services.sync.preparer SCRATCH   (the jobs, pickled, on standard input)
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from frontdesk import heap
from frontdesk.db.scratch import ImportScratch
from frontdesk.domain.textsearch import index_grams, index_tokens
from frontdesk.excel.sync_format import digest

WORKER_ARG = "--prepare-worker"  # what a frozen build's entry point is started with to be the worker


@dataclass(frozen=True)
class Job:
    """What working out one table's chunks needs: the positions of the content digested, of the searched
    texts (empty when the table has no search index) and of the deleted flag; ``grams`` for PostgreSQL's
    index (an array of grams) rather than SQLite's (unigram and bigram texts)."""

    table: str
    content: tuple[int, ...]
    texts: tuple[int, ...] = ()
    deleted: int = -1
    grams: bool = False


def work_out(job: Job, rows: Sequence[Sequence[Any]]) -> tuple[list[bytes], list[object | None]]:
    """Each row's content digest and (live rows of an indexed table) its search tokens; None where none."""
    content = job.content
    digests = [digest([row[i] for i in content]) for row in rows]
    if not job.texts:
        return digests, []
    tokens = index_grams if job.grams else index_tokens
    at, texts = job.deleted, job.texts
    return digests, [None if row[at] else tokens([row[i] or "" for i in texts]) for row in rows]


def serve(scratch: Path, jobs_in: IO[bytes], out: IO[bytes]) -> int:
    """The worker: the jobs from ``jobs_in``, then every table's chunks in the merge's order to ``out`` as
    (table, rows, results), then None; on a failure ("!", 0, why)."""
    try:
        jobs: list[Job] = pickle.load(jobs_in)
        store = ImportScratch.reading(scratch)
        try:
            for job in jobs:
                for rows, _lines in store.kept(job.table):
                    worked = work_out(job, rows)
                    size = len(rows)
                    del rows, _lines
                    pickle.dump((job.table, size, worked), out, pickle.HIGHEST_PROTOCOL)
                    out.flush()
                    del worked
                    heap.give_back()  # the chunk's rows and results: this process stays small
        finally:
            store.close(remove=False)
        pickle.dump(None, out)
    except BrokenPipeError:  # the merge is over (or gave up on this process): nothing to tell
        return 1
    except Exception as exc:  # noqa: BLE001 - reported to the merge, which then works alone
        pickle.dump(("!", 0, repr(exc)), out)
    out.flush()
    return 0


def command() -> list[str]:
    """How to start the worker: this interpreter on this module, or a frozen build's own executable."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_ARG]
    return [sys.executable, "-m", __name__]


class Preparer:
    """The merge's side: ``next(table, rows)`` gives what the worker worked out for the next chunk (the chunks
    asked for in the order of ``jobs``), or works it out here when the worker is gone or out of step."""

    def __init__(self, scratch: Path, jobs: Sequence[Job], spawn: bool = True) -> None:
        self.jobs = {job.table: job for job in jobs}
        self.failure = ""  # why the worker was given up, if it was
        self._process: subprocess.Popen[bytes] | None = None
        if not spawn:
            self.failure = "not started"
            return
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}  # this checkout's modules
        try:
            self._process = subprocess.Popen([*command(), str(scratch)], stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, env=env,
                                             creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # Windows
            assert self._process.stdin is not None
            pickle.dump(list(jobs), self._process.stdin, pickle.HIGHEST_PROTOCOL)
            self._process.stdin.close()
        except (OSError, ValueError) as exc:
            self._give_up(f"could not start: {exc!r}")

    def next(self, table: str, rows: Sequence[Sequence[Any]]) -> tuple[list[bytes], list[object | None]]:
        if self._process is not None:
            assert self._process.stdout is not None
            try:
                got = pickle.load(self._process.stdout)
            except (OSError, EOFError, pickle.UnpicklingError) as exc:
                got = ("!", 0, f"stopped: {exc!r}")
            if got is not None and got[0] == table and got[1] == len(rows):
                return got[2]
            self._give_up(got[2] if got is not None and got[0] == "!" else f"out of step at {table}")
        return work_out(self.jobs[table], rows)

    def _give_up(self, why: str) -> None:
        self.failure = why
        self.close()

    def close(self) -> None:
        """Stop the worker (done or not)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()

    def __enter__(self) -> Preparer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


if __name__ == "__main__":
    raise SystemExit(serve(Path(sys.argv[1]), sys.stdin.buffer, sys.stdout.buffer))

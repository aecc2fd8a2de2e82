"""A corpus of damaged Plan Review databases, made at test time: truncated files, overwritten pages, zeroed
headers, damaged write-ahead logs, foreign logs beside a file, logs removed. Each copy is damaged in a way
that changes what a reader would see, so each must be refused, and none may be changed by a read."""
from __future__ import annotations

import hashlib
import random
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

PAGE_SIZE = 4096
FRAME_SIZE = 24 + PAGE_SIZE

# A child writes notes in several transactions and dies without closing: its -wal holds the notes.
_CRASHED_WRITER = textwrap.dedent("""
    import os, sys
    from data.review import ReviewStore
    from data.store import PlanStore
    store = PlanStore(sys.argv[1], create=False)
    reviews = ReviewStore(store)
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")
    tasks = [r[0] for r in store.conn.execute("SELECT id FROM tasks ORDER BY id")]
    for i in range(int(sys.argv[2])):
        reviews.add_note(tasks[i % len(tasks)], f"{sys.argv[3]} note {i}", author=sys.argv[3])
        reviews.set_state(tasks[(i * 7) % len(tasks)], sys.argv[3], status="reviewed")
    os._exit(0)
""")


@dataclass(frozen=True)
class Damaged:
    kind: str
    path: Path

    def files(self) -> list[Path]:
        return [p for p in (self.path, self.path.with_name(self.path.name + "-wal")) if p.exists()]

    def digest(self) -> dict[str, str]:
        """The sha256 of the database file and its -wal: what a read must leave as it was."""
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in self.files()}


def _crash_after_writes(db: Path, writes: int, author: str) -> None:
    subprocess.run([sys.executable, "-c", _CRASHED_WRITER, str(db), str(writes), author], check=True,
                   cwd=Path(__file__).resolve().parents[1], timeout=60)


def _sources(clean_db: Path, folder: Path) -> dict[str, Path]:
    """The clean database, three crashed ones (their notes only in the -wal) and two strangers."""
    sources = {"clean": clean_db}
    for name, writes, author in [("crashed-5", 5, "ana"), ("crashed-20", 20, "ben"), ("crashed-60", 60, "cy"),
                                 ("stranger", 12, "dee")]:
        copy = folder / name / "plans.sqlite"
        copy.parent.mkdir(parents=True)
        shutil.copyfile(clean_db, copy)
        _crash_after_writes(copy, writes, author)
        sources[name] = copy
    return sources


def _place(source: Path, target: Path, with_wal: bool = True) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + "-wal")
    if with_wal and wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target


def _overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def _wal_frames(path: Path) -> int:
    return (path.with_name(path.name + "-wal").stat().st_size - 32) // FRAME_SIZE


def build_corpus(clean_db: Path, folder: Path, seed: int = 12) -> list[Damaged]:
    """At least 150 damaged copies of `clean_db` (a Plan Review database holding a plan and notes)."""
    rng = random.Random(seed)
    sources = _sources(clean_db, folder / "sources")
    corpus: list[Damaged] = []

    def new(kind: str, source: str, with_wal: bool = True) -> Path:
        target = folder / f"{len(corpus):03d}-{kind}" / "plans.sqlite"
        corpus.append(Damaged(kind, target))
        return _place(sources[source], target, with_wal)

    size = clean_db.stat().st_size
    pages = size // PAGE_SIZE
    for cut in sorted(rng.sample(range(1, pages), 20)):  # cut at a page boundary, and anywhere
        with new("truncated", "clean").open("r+b") as handle:
            handle.truncate(cut * PAGE_SIZE)
    for cut in rng.sample(range(100, size), 20):
        with new("truncated", "clean").open("r+b") as handle:
            handle.truncate(cut)
    for page in rng.sample(range(2, pages + 1), 40):  # whole pages: random bytes or zeros
        data = rng.randbytes(PAGE_SIZE) if page % 2 else bytes(PAGE_SIZE)
        _overwrite(new("page-overwritten", "clean"), (page - 1) * PAGE_SIZE, data)
    for page in rng.sample(range(2, pages + 1), 15):  # a page's header: its type and cell pointers
        _overwrite(new("page-header-overwritten", "clean"), (page - 1) * PAGE_SIZE, rng.randbytes(12))
    for start, length in [(0, 16), (0, 100), (0, 4096), (16, 2), (0, 8), (0, 1), (8, 8), (28, 4), (18, 2),
                          (0, 32)]:
        _overwrite(new("header-zeroed", "clean"), start, bytes(length))
    for source in ("crashed-5", "crashed-20", "crashed-60"):
        frames = _wal_frames(sources[source])
        for frame in rng.sample(range(frames - 1), min(10, frames - 1)):  # a frame with intact ones after it
            target = new("wal-damaged", source)
            offset = 32 + frame * FRAME_SIZE + 24 + rng.randrange(PAGE_SIZE - 8)
            _overwrite(target.with_name(target.name + "-wal"), offset, rng.randbytes(8))
        for start, length in [(0, 4), (12, 4), (24, 8)]:  # the log's header: magic, salts' checksum
            target = new("wal-header-damaged", source)
            _overwrite(target.with_name(target.name + "-wal"), start, rng.randbytes(length))
        target = new("wal-removed", source)  # the log is gone, its index (-shm) says it held frames
        shutil.copyfile(sources[source].with_name("plans.sqlite-shm"), target.with_name("plans.sqlite-shm"))
        target.with_name("plans.sqlite-wal").unlink()
    for source in ("crashed-5", "crashed-20", "crashed-60", "stranger"):  # another database's log beside it
        for host in ("clean", "crashed-5", "crashed-60"):
            if host == source:
                continue
            target = new("foreign-wal", host, with_wal=False)
            shutil.copyfile(sources[source].with_name("plans.sqlite-wal"), target.with_name("plans.sqlite-wal"))
    return corpus

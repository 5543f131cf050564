"""Inputs (files, directories, glob patterns) -> the files to read, each with a stable relative name."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from eventwire.types import InputError

Found = tuple[Path, str]  # the file, and its name relative to the input root it was found under


def _has_magic(s: str) -> bool:
    return any(c in s for c in "*?[")


def _glob_root(pattern: str) -> Path:
    """The directory a glob pattern starts from: its leading parts without wildcards."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if _has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


# Project documents that sit beside a corpus and are not articles: skipped when a folder is walked or a glob
# matches them (a file given by its path is always read).
_NOT_ARTICLES = frozenset({"readme", "license", "licence", "copying", "changelog", "notice", "authors"})


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.split(".", 1)[0].lower() in _NOT_ARTICLES


def _walk(directory: Path, root: Path, seen_dirs: set[str]) -> Iterator[Found | InputError]:
    """Files under `directory`, recursively, sorted by name; hidden files and folders, READMEs and licences skipped."""
    real = os.path.realpath(directory)
    if real in seen_dirs:  # a symlink loop, or the same folder reached twice
        return
    seen_dirs.add(real)
    try:
        with os.scandir(directory) as it:
            entries = sorted((e for e in it if not _skipped(e.name)), key=lambda e: e.name)
    except OSError as err:
        yield InputError(str(directory), f"cannot list this folder: {err.strerror or err}")
        return
    for entry in entries:
        path = directory / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, root, seen_dirs)
        else:
            yield path, _rel(path, root)


def expand(inputs: Sequence[str | os.PathLike[str]]) -> Iterator[Found | InputError]:
    """Every file named by `inputs`, in order, each once.

    A path that exists is used as is (even if its name has glob characters); a directory is walked; otherwise a
    string with `*`, `?` or `[` is a glob pattern (`**` recursive) whose matches are taken in sorted order.
    """
    seen_files: set[str] = set()
    seen_dirs: set[str] = set()

    def once(items: Iterator[Found | InputError]) -> Iterator[Found | InputError]:
        for item in items:
            if isinstance(item, tuple):
                key = os.path.realpath(item[0])
                if key in seen_files:
                    continue
                seen_files.add(key)
            yield item

    for raw in inputs:
        s = os.fspath(raw)
        path = Path(s)
        if os.path.lexists(path):
            if path.is_dir():
                yield from once(_walk(path, path, seen_dirs))
            else:
                yield from once(iter([(path, path.name)]))
        elif _has_magic(s):
            matches = sorted(m for m in glob.glob(s, recursive=True) if not _skipped(os.path.basename(m)))
            if not matches:
                yield InputError(s, "no files match this pattern")
                continue
            root = _glob_root(s)
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    yield from once(_walk(mp, root, seen_dirs))
                else:
                    yield from once(iter([(mp, _rel(mp, root))]))
        else:
            yield InputError(s, "no such file or folder")

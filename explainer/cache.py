"""Generated files kept between builds, keyed by everything that makes them, so that a rebuild after one edit
redoes only the files that edit changes (the live edit loop of `make serve` depends on it)."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pathlib
from collections.abc import Callable

from . import strings
from .content import ROOT

CACHE = ROOT / "build" / "file-cache"
# The libraries that write the files: a new version may write different bytes.
WRITERS = ("python-docx", "python-pptx", "pillow")


@functools.cache
def code_digest() -> str:
    """The explainer's own code, the reader-facing strings and the writers' versions: a change to any of them
    makes every entry stale."""
    digest = hashlib.sha256(repr(sorted(strings.table().items())).encode())
    for path in sorted(pathlib.Path(__file__).resolve().parent.rglob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    for name in WRITERS:
        digest.update(f"{name} {importlib.metadata.version(name)}".encode())
    return digest.hexdigest()


def call(make: Callable[..., bytes], *args, folder: pathlib.Path | None = None) -> bytes:
    """`make(*args)`, or its result from an earlier build with the same arguments and code. The arguments must be
    everything `make` reads, as values whose repr() is stable (text, numbers, dates, bytes, frozen dataclasses)."""
    kind = f"{make.__module__}.{make.__qualname__}"
    key = hashlib.sha256(f"{kind}\n{code_digest()}\n{args!r}".encode()).hexdigest()
    path = (folder or CACHE) / kind / key
    if path.is_file():
        return path.read_bytes()
    data = make(*args)
    store(path, data)
    return data


def store(path: pathlib.Path, data: bytes) -> None:
    """Write then rename: a build stopped half-way never leaves half a file in a cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)

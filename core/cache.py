"""One disk cache for what is slow to make (chart pictures, printed PDFs), keyed by everything that makes it."""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
from collections.abc import Callable

from . import ROOT

# $EXPLAINER_CACHE lets copies of the tree (tests, benchmarks) share one cache or start from an empty one.
DIR = pathlib.Path(os.environ.get("EXPLAINER_CACHE") or ROOT / "build" / "cache")


def key(*parts) -> str:
    """A key for values that JSON can write (figures, options, text): the same parts always give the same key."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str).encode()).hexdigest()


def path(kind: str, name: str) -> pathlib.Path:
    return DIR / kind / name


def get(kind: str, name: str) -> bytes | None:
    found = path(kind, name)
    return found.read_bytes() if found.is_file() else None


def put(kind: str, name: str, data: bytes) -> None:
    """Write then rename: a build stopped half-way never leaves half a file in the cache."""
    target = path(kind, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(target)


def many(kind: str, names: list[str], make: Callable[[list[int]], list[bytes]]) -> list[bytes]:
    """The entries `names`; those not cached are made together by `make(indexes of the missing)`, then kept."""
    out = [get(kind, name) for name in names]
    missing = [i for i, found in enumerate(out) if found is None]
    if missing:
        for i, data in zip(missing, make(missing), strict=True):
            put(kind, names[i], data)
            out[i] = data
    return out

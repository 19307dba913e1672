"""The render step: the project's sources in, a plain docs folder out that any MkDocs-compatible engine builds."""

from __future__ import annotations

import pathlib

from . import assets, content
from .site import Site


def outputs(settings: content.Settings | None = None, docs: pathlib.Path = content.DOCS) -> dict[str, bytes]:
    """Every file of the rendered docs folder: pages with their markers expanded, assets, generated files."""
    site = Site(settings or content.load_settings(), docs)
    out: dict[str, bytes] = {}
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        rel = path.relative_to(docs).as_posix()
        if path.suffix == ".md":
            out[rel] = site.page(rel, path.read_text(encoding="utf-8")).encode()
        else:
            out[rel] = assets.compact(rel, path.read_bytes())
    for rel, data in site.files().items():
        if rel in out:
            raise content.ContentError(f"docs/{rel}: the render step generates this file; remove it from docs/")
        out[rel] = data
    return out


def render(out_dir: pathlib.Path, settings: content.Settings | None = None, docs: pathlib.Path = content.DOCS) -> int:
    """Write the rendered folder; only changed files are written and stale ones removed (live reload
    sees no change when nothing changed). Returns how many files were written."""
    files = outputs(settings, docs)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for rel, data in files.items():
        target = out_dir / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    for path in sorted(out_dir.rglob("*"), reverse=True):
        rel = path.relative_to(out_dir).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written

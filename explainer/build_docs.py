"""The render step: the project's sources in, a plain docs folder out that any MkDocs-compatible engine builds."""

from __future__ import annotations

import pathlib

from core import browser, strings

from . import assets, pages
from .site import Site


def outputs(
    settings: pages.Settings | None = None, docs: pathlib.Path | None = None, preview: bool = False
) -> dict[str, bytes]:
    """Every file of the rendered docs folder in the current language: pages with their markers expanded, the site's
    assets (shared by every language), generated files. `docs` replaces the language's page sources (tests)."""
    with browser.kept_open():  # one browser for every picture and PDF the step has to make
        return _outputs(Site(settings or pages.load_settings(), docs, preview=preview), docs)


def _outputs(site: Site, docs: pathlib.Path | None) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for path in sorted(p for p in pages.DOCS.rglob("*") if p.is_file()):
        rel = path.relative_to(pages.DOCS).as_posix()
        if path.suffix == ".md":
            out[rel] = site.page(rel, pages.source(rel, docs)).encode()
        else:
            out[rel] = assets.compact(rel, path.read_bytes())
    for rel, text in site.generated_pages().items():
        if rel in out:
            raise pages.ContentError("the render step writes this page; remove it from docs/", file=f"docs/{rel}")
        out[rel] = site.page(rel, text).encode()
    for rel, data in site.files().items():
        if rel in out:
            raise pages.ContentError("the render step generates this file; remove it from docs/", file=f"docs/{rel}")
        out[rel] = data
    return out


def render(
    out_dir: pathlib.Path,
    language: str = strings.DEFAULT,
    settings: pages.Settings | None = None,
    docs: pathlib.Path | None = None,
    preview: bool = False,
) -> int:
    """Write the rendered folder in `language`; only changed files are written and stale ones removed (live reload
    sees no change when nothing changed). Returns how many files were written."""
    with strings.language(language):
        files = outputs(settings, docs, preview)
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

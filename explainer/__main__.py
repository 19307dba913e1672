"""Command line: `python -m explainer render OUT_DIR` writes the rendered docs folder; errors are one line."""

from __future__ import annotations

import argparse
import dataclasses
import pathlib
import sys

from core import strings
from core.errors import BuildError

from . import build_docs, pages, previews


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("render", help="write every page with its markers expanded, and every generated file")
    command.add_argument("out", type=pathlib.Path, help="the folder to write (mkdocs.yml's docs_dir)")
    command.add_argument("--language", default=strings.DEFAULT, help="the language to render (default: en)")
    command.add_argument(
        "--preview", action="store_true", help="for `make serve`: leave out worksheets, slides and preview cards"
    )
    command.add_argument(
        "--no-directory-urls", action="store_true", help="pages at folder/index.html (the offline copy)"
    )
    args = parser.parse_args(argv)
    try:
        config = pages.config_for(args.language)
        settings = dataclasses.replace(pages.load_settings(config), directory_urls=not args.no_directory_urls)
        written = build_docs.render(args.out, args.language, settings=settings, preview=args.preview)
        with strings.language(args.language):
            note = previews.notice(settings)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"rendered {args.out}: {written} file(s) changed", file=sys.stderr)
    if note:
        print(f"note: {note}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

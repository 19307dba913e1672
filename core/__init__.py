"""The bottom layer: errors, YAML reading, locale and strings, the cache, the headless browser, the bibliography."""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
INCLUDES = ROOT / "includes"

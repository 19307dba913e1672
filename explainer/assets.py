"""The site's own stylesheet and scripts as served, without the comments and indentation every page would download."""

from __future__ import annotations

import re

from core.errors import BuildError

# A CSS string or comment; strings are kept as they are, so a "/*" inside one is not taken for a comment.
CSS_TOKEN = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|/\*.*?\*/""", re.S)
# A script line that holds only a comment. Lines are otherwise kept whole: the scripts use no template
# literals, so no string spans a line, and a "//" after code may sit inside a string or a pattern.
JS_COMMENT_LINE = re.compile(r"^\s*//.*$")


def compact_css(text: str) -> str:
    without = CSS_TOKEN.sub(lambda m: m[1] or "", text)
    return "".join(line.strip() + "\n" for line in without.splitlines() if line.strip())


def compact_js(text: str, file: str = "") -> str:
    if "`" in text:
        raise BuildError("a template literal may span lines: write the string with quotes", file=file)
    return "".join(
        line.strip() + "\n" for line in text.splitlines() if line.strip() and not JS_COMMENT_LINE.match(line)
    )


def compact(rel: str, data: bytes) -> bytes:
    """The file as served: the site's own CSS and JavaScript compacted, anything else unchanged."""
    if rel.endswith(".css"):
        return compact_css(data.decode("utf-8")).encode("utf-8")
    if rel.endswith(".js"):
        return compact_js(data.decode("utf-8"), f"docs/{rel}").encode("utf-8")
    return data

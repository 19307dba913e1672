"""Byte-identical Office files: every zip entry rewritten in a fixed order with one fixed timestamp."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import zipfile

# The earliest time a zip entry can carry; any fixed value would do.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def fixed_zip(data: bytes) -> bytes:
    """The same archive with fixed entry times and attributes, so that two builds give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        # [Content_Types].xml must stay first for Office; keep the writer's order, which is deterministic.
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename), compresslevel=9)
    return out.getvalue()


def fixed_properties(props, title: str, author: str, when: dt.date) -> None:
    """Core properties (title, author, dates) that depend on the content, never on the clock."""
    moment = dt.datetime(when.year, when.month, when.day)
    props.title, props.author, props.last_modified_by = title, author, author
    props.created = props.modified = moment
    props.revision = 1
    with contextlib.suppress(AttributeError, ValueError):
        props.last_printed = moment


def language_tag() -> str:
    """The language the Office files declare, for spelling and hyphenation: "en-GB", "ru", "it"."""
    from core import strings

    return strings.babel_locale().replace("_", "-")


def set_docx_language(document) -> None:
    """Word's default language for the whole document (docDefaults), instead of the template's en-US."""
    from docx.oxml.ns import qn

    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), language_tag())


def set_pptx_language(prs) -> None:
    """The default language of every text in the deck, instead of the template's en-US."""
    tag = language_tag()
    parts = [prs.part, *(master.part for master in prs.slide_masters)]
    parts += [layout.part for master in prs.slide_masters for layout in master.slide_layouts]
    for part in parts:
        for element in part._element.iter():
            if element.get("lang"):
                element.set("lang", tag)

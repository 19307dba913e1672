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

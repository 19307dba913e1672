"""A plain picture of a man-in-the-middle certificate for the slides, drawn with Pillow (deterministic PNG). Its type
is large enough to read when projected: about 24 pt for the boxes on a 16:9 slide."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from core.fonts import font as typeface
from core.strings import text as t

SIZE = (1600, 760)
INK, ACCENT, PAPER = (33, 33, 33), (63, 81, 181), (255, 255, 255)


def _wrapped(text: str, font, width: int) -> str:
    """The text broken into lines no wider than `width` pixels."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and font.getlength(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return "\n".join([*lines, line])


def certificate() -> bytes:
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    font = typeface(50)
    small = typeface(42)
    boxes = [(20, 60, 500, 380), (560, 60, 1040, 380), (1100, 60, 1580, 380)]
    labels = [t("classroom.diagram_user"), t("classroom.diagram_middle"), t("classroom.diagram_site")]
    for (x0, y0, x1, y1), label in zip(boxes, labels, strict=True):
        draw.rounded_rectangle((x0, y0, x1, y1), radius=28, outline=ACCENT, width=8)
        draw.multiline_text(
            ((x0 + x1) / 2, (y0 + y1) / 2), label, font=font, fill=INK, anchor="mm", align="center", spacing=12
        )
    for x0, x1 in ((500, 560), (1040, 1100)):
        draw.line((x0 + 6, 220, x1 - 22, 220), fill=INK, width=8)
        draw.polygon([(x1 - 4, 220), (x1 - 30, 202), (x1 - 30, 238)], fill=INK)
    note = _wrapped(t("classroom.diagram_note"), small, SIZE[0] - 80)
    draw.multiline_text((800, 560), note, font=small, fill=INK, anchor="mm", align="center", spacing=14)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()

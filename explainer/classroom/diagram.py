"""A plain picture of a man-in-the-middle certificate for the slides, drawn with Pillow (deterministic PNG)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from core.fonts import font as typeface
from core.strings import text as t

SIZE = (1600, 700)
INK, ACCENT, PAPER = (33, 33, 33), (63, 81, 181), (255, 255, 255)


def certificate() -> bytes:
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    font = typeface(40)
    small = typeface(30)
    boxes = [(60, 250, 460, 450), (600, 250, 1000, 450), (1140, 250, 1540, 450)]
    labels = [t("classroom.diagram_user"), t("classroom.diagram_middle"), t("classroom.diagram_site")]
    for (x0, y0, x1, y1), label in zip(boxes, labels, strict=True):
        draw.rounded_rectangle((x0, y0, x1, y1), radius=24, outline=ACCENT, width=6)
        draw.multiline_text(((x0 + x1) / 2, (y0 + y1) / 2), label, font=font, fill=INK, anchor="mm", align="center")
    for x0, x1 in ((460, 600), (1000, 1140)):
        draw.line((x0 + 10, 350, x1 - 20, 350), fill=INK, width=6)
        draw.polygon([(x1 - 10, 350), (x1 - 34, 334), (x1 - 34, 366)], fill=INK)
    draw.multiline_text((800, 120), t("classroom.diagram_title"), font=font, fill=INK, anchor="mm", align="center")
    draw.multiline_text((800, 560), t("classroom.diagram_note"), font=small, fill=INK, anchor="mm", align="center")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()

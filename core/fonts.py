"""The typeface drawn into pictures (link-preview cards, slide diagrams): Roboto, Apache-licensed, from a pinned
package, with Latin Extended and Cyrillic, so that every machine draws the same letters in every language."""

from __future__ import annotations

import functools
import importlib.resources

from PIL import ImageFont


@functools.cache
def font(size: int, weight: str = "Regular") -> ImageFont.FreeTypeFont:
    path = importlib.resources.files("font_roboto") / "files" / f"Roboto-{weight}.ttf"
    return ImageFont.truetype(str(path), size)

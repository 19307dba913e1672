"""A Markdown extension (mkdocs.yml): footnotes numbered in reading order.

Python-Markdown's footnotes extension (with USE_DEFINITION_ORDER: false) numbers a note when its inline processor
first meets a reference to it; that processor handles every paragraph of a block before the paragraphs inside a
list, a definition list or an HTML block, so a chapter's numbers could read 15, 29, 30, 16. After the inline step
this walks the page in document order, gives each note the number of its first reference (a note cited again keeps
its number) and hands that order to the extension, which then sorts the list of notes to match.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor


class FootnoteOrder(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        # Python-Markdown's Registry has no .get().
        inline = self.md.inlinePatterns["footnote"] if "footnote" in self.md.inlinePatterns else None  # noqa: SIM401
        notes = getattr(inline, "footnotes", None)
        if notes is None or not notes.footnotes:
            return
        by_href = {"#" + notes.makeFootnoteId(key): key for key in notes.footnotes}
        order: list[str] = []
        refs = []
        for link in root.iter("a"):
            if "footnote-ref" not in (link.get("class") or "").split():
                continue
            key = by_href.get(link.get("href", ""))
            if key is None:
                continue
            if key not in order:
                order.append(key)
            refs.append((link, key))
        for link, key in refs:
            link.text = str(order.index(key) + 1)
        notes.footnote_order = order + [key for key in notes.footnote_order if key not in order]


class FootnoteOrderExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After the inline step (20), before the footnotes extension sorts its list (19).
        md.treeprocessors.register(FootnoteOrder(md), "footnote-reading-order", 19.5)


def makeExtension(**kwargs) -> FootnoteOrderExtension:  # noqa: N802 (Python-Markdown's name)
    return FootnoteOrderExtension(**kwargs)

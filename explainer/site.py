"""What the build does to each page, in plain Python: expand markers, add the page header and citation."""
from __future__ import annotations

import html
import pathlib
import posixpath
import re

import charts.card
import charts.datasets
from charts.registry import CHARTS

from . import bibliography, citation, content, glossary, markers, timeline

# Errors that mean "the content is wrong": the build stops with their message, no traceback.
BUILD_ERRORS = (
    content.ContentError,
    bibliography.BibliographyError,
    glossary.GlossaryError,
    markers.MarkerError,
    timeline.TimelineError,
)
QUESTIONS_HEADING = "questions-for-discussion"
SOURCES_HEADING = "## Sources and notes"
FOOTNOTES_MARKER = "<!-- footnotes -->"


class Site:
    """Everything the pages share, loaded and checked once per build."""

    def __init__(self, nav: list, docs: pathlib.Path, site_name: str, site_url: str, author: str, corrections_url: str):
        self.pages = content.site_pages(nav, docs)
        self.by_src = {page.src: page for page in self.pages}
        self.chapters = content.chapters(self.pages)
        self.works = bibliography.load()
        self.terms = glossary.load()
        self.events = timeline.load(self.works, set(self.by_src))
        # Every chart, built once per build: pages place their cards, the build publishes the CSVs.
        self.charts = {chart_id: charts.card.build(chart_id) for chart_id in CHARTS}
        self.site_name, self.site_url, self.author = site_name, site_url.rstrip("/") + "/", author
        self.corrections_url = corrections_url

    # -- Markdown, before it is converted ---------------------------------------------------------
    def markdown(self, src: str, markdown: str, root: str) -> str:
        """Expand the page's markers and append the glossary, so that its terms become tooltips."""

        def chart(chart_id):
            if chart_id not in CHARTS:
                raise KeyError(f"chart {chart_id!r} (known: {', '.join(CHARTS)})")
            return "\n\n" + charts.card.render(self.charts[chart_id], root) + "\n\n"

        def cite(key):
            if key not in self.works:
                raise KeyError(f"source {key!r} (add it to includes/bibliography/)")
            return bibliography.footnote(self.works[key])

        titles = {p.src: p.title for p in self.pages}
        handlers = {
            "chart": (True, chart),
            "cite": (True, cite),
            "chapter-map": (False, lambda _: self.chapter_map(src)),
            "glossary": (False, lambda _: glossary.glossary_markdown(self.terms, self.pages, src)),
            "bibliography": (False, lambda _: bibliography.bibliography_markdown(self.works)),
            "data-sources": (False, lambda _: data_sources_markdown(src)),
            "timeline": (False, lambda _: timeline.timeline_markdown(self.events, self.works, titles, src)),
        }
        # The chapters gathered for printing carry markers of their own: expand those too.
        handlers["print-all"] = (False, lambda _: markers.expand(self.print_all(src), src, handlers)[0])
        expanded, _ = markers.expand(markdown, src, handlers)
        page = self.by_src.get(src)
        return expanded + glossary.abbreviations(self.terms) if page is None or page.tooltips else expanded

    def chapter_map(self, from_src: str) -> str:
        rows = [
            f"{page.chapter}. **[{page.heading}]({content.relative_link(page.src, from_src)})** "
            f"({page.reading_minutes} min): {page.description}"
            for page in self.chapters
        ]
        total = sum(page.reading_minutes for page in self.chapters)
        return "\n".join(rows) + f"\n\nReading every chapter takes about {total} minutes.\n"

    def print_all(self, from_src: str) -> str:
        """Every chapter on one page, headings one level down, footnotes renamed per chapter."""
        parts = []
        for page in self.chapters:
            slug = page.src.split("/")[0]
            body = page.body.replace(FOOTNOTES_MARKER, "").replace(SOURCES_HEADING + "\n", "")
            body = re.sub(r"^(#{1,5}) ", r"#\1 ", body, flags=re.M)
            body = re.sub(r"\[\^([^\]]+)\]", rf"[^{slug}-\1]", body)
            body = re.sub(r"\]\((?!https?://|#|mailto:)([^)]+)\)", lambda m: f"]({self._rebase(m[1], page.src, from_src)})", body)
            # Each chapter in its own block, so that the browser lays out only the ones near the screen.
            parts.append(f'<div class="print-chapter" markdown="1">\n\n{body.strip()}\n\n</div>')
        appendix = "\n\n## Glossary\n\n" + glossary.glossary_markdown(self.terms, self.pages, from_src)
        return "\n\n".join(parts) + appendix + "\n\n## Sources and notes\n\n" + FOOTNOTES_MARKER + "\n"

    @staticmethod
    def _rebase(target: str, page_src: str, from_src: str) -> str:
        path, _, anchor = target.partition("#")
        if not path:
            return target
        absolute = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), path))
        return content.relative_link(absolute, from_src) + (f"#{anchor}" if anchor else "")

    # -- HTML, after conversion -------------------------------------------------------------------
    def html(self, src: str, page_html: str, url: str, root: str) -> str:
        page = self.by_src.get(src)
        if page is None:
            return page_html
        if page.chapter is not None:
            page_html = self._page_header(page, page_html, root)
        page_html = question_permalinks(page_html)
        # Citations are listed on the Sources page; keeping them out of the search index halves
        # its growth per chapter, and every page downloads that index.
        page_html = page_html.replace('<div class="footnote">', '<div class="footnote" data-search-exclude>')
        return page_html + self._citation_box(page, url)

    def _page_header(self, page: content.PageInfo, page_html: str, root: str) -> str:
        used = glossary.terms_in(page.body, self.terms)
        terms = glossary.key_terms_html(used, f"{root}glossary/")
        meta = (
            f'<p class="page-meta" data-search-exclude><span>Chapter {page.chapter}</span>'
            f"<span>{page.reading_minutes} min read</span>"
            f'<span>Updated <time datetime="{page.updated.isoformat()}">{bibliography.display_date(page.updated.isoformat())}</time></span>'
            f'<button type="button" class="print-button" data-print-page>Print this chapter</button>'
            f"{terms}</p>"
        )
        return page_html.replace("</h1>", "</h1>" + meta, 1)

    def _citation_box(self, page: content.PageInfo, url: str) -> str:
        cite = citation.Citable(self.author, page.heading, self.site_name, self.site_url + url, page.updated)
        return (
            '<aside class="cite-box" aria-labelledby="cite-this-page" data-search-exclude>'
            '<p class="cite-box__title" id="cite-this-page"><strong>Cite this page</strong></p>'
            f"<p><span class=\"cite-box__style\">APA</span> {citation.apa(cite)}</p>"
            f"<p><span class=\"cite-box__style\">MLA</span> {citation.mla(cite)}</p>"
            f'<p class="cite-box__foot">Last updated <time datetime="{page.updated.isoformat()}">'
            f"{bibliography.display_date(page.updated.isoformat())}</time>. Text licensed CC BY 4.0. "
            f'Found a mistake? <a href="{html.escape(self.corrections_url)}">Suggest a correction</a>.</p>'
            "</aside>"
        )


def data_sources_markdown(from_src: str) -> str:
    """Each dataset behind the charts: what it is, its file, licence and sources."""
    data = content.relative_link("data", from_src)
    blocks = []
    for name in charts.datasets.names():
        dataset = charts.datasets.load(name)
        meta = dataset.meta
        licences = ", ".join(f"[{lic.get('title', lic['name'])}]({lic['path']})" for lic in meta["licenses"])
        sources = "\n".join(
            f"    - {s['publisher']}, [{s['title']}]({s['path']}), {s['date']} (consulted {s['accessed']})." for s in meta["sources"]
        )
        blocks.append(
            f"- **{meta['title']}** ([CSV]({data}/{pathlib.Path(meta['path']).name})). {meta['description'].strip()} "
            f"Producer: {meta['producer']}. Licence: {licences}. Sources:\n\n{sources}\n"
        )
    return "\n".join(blocks) + f"\nAll datasets with their full descriptions: [datapackage.json]({data}/datapackage.json).\n"


def question_permalinks(page_html: str) -> str:
    """Give each discussion question an id and a visible permalink, like a heading."""

    def number(section: re.Match) -> str:
        heading_id, rest = section[1], section[2]
        count = 0

        def item(li: re.Match) -> str:
            nonlocal count
            count += 1
            qid = f"{heading_id}-{count}"
            link = f'<a class="headerlink" href="#{qid}" title="Link to this question">¶</a>'
            return f'<li id="{qid}">{li[1]} {link}</li>'

        ol = re.sub(r"<li>(.*?)</li>", item, rest, count=0, flags=re.S)
        return f'id="{heading_id}"{ol}'

    return re.sub(rf'id="({QUESTIONS_HEADING}(?:_\d+)?)"(.*?</ol>)', number, page_html, flags=re.S)

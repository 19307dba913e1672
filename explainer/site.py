"""What the render step does to each page, in plain Python: expand markers, add the page header and citation."""

from __future__ import annotations

import html
import pathlib
import posixpath
import re
import textwrap

import charts.card
import charts.datasets
import charts.derived
import charts.geo
import charts.publish
import charts.render
from charts.registry import CHARTS

from . import (
    bibliography,
    changes,
    citation,
    classroom,
    content,
    glossary,
    key_facts,
    markers,
    previews,
    quiz,
    strings,
    timeline,
)
from .errors import BuildError

QUESTIONS_HEADING = "## Questions for discussion"
SOURCES_HEADING = "## Sources and notes"
FOOTNOTES_MARKER = "<!-- footnotes -->"
# A chapter's learning objectives: the box, its list, and the anchor teachers link to.
OBJECTIVES = re.compile(r'^!!! abstract "What you will learn"\n\n(?P<items>(?:    - .+\n)+)', re.M)
OBJECTIVES_ID = "what-you-will-learn"
# Python-Markdown's footnotes extension puts the notes where this text stands (its default marker;
# an HTML comment would be stashed as raw HTML before the extension could find it).
FOOTNOTES_PLACE = "///Footnotes Go Here///"
# The page that lists every work, each under the anchor "src-<key>".
SOURCES_PAGE = "sources/index.md"
# The glossary as abbreviations, kept once in a snippet that every page but the print page includes
# (pymdownx.snippets, see mkdocs.yml): each use of a term there gets its definition as a tooltip.
ABBREVIATIONS = "_snippets/abbreviations.md"
INCLUDE_ABBREVIATIONS = f'--8<-- "{pathlib.PurePosixPath(ABBREVIATIONS).name}"'
# Material's offline plugin needs this shim to run search from file://; the site serves its own copy.
IFRAME_WORKER_SHIM = content.ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
IFRAME_WORKER_ASSET = "assets/javascripts/iframe-worker/shim.js"


class Site:
    """Everything the pages share, loaded and checked once per render."""

    def __init__(self, settings: content.Settings, docs: pathlib.Path = content.DOCS):
        self.settings = settings
        # Every chart, built once per render: pages place their cards, the render publishes its files.
        self.charts = {chart_id: charts.card.build(chart_id) for chart_id in CHARTS}
        # Their pictures are drawn (or read from the cache) on another thread while the pages are written.
        self.pictures = charts.render.start(charts.publish.all_jobs(self.charts))
        self.pages = content.site_pages(settings.nav, docs)
        self.by_src = {page.src: page for page in self.pages}
        self.chapters = content.chapters(self.pages)
        self.works = bibliography.load()
        self.terms = glossary.load()
        self.events = timeline.load(self.works, set(self.by_src))
        self.facts = key_facts.load(works=self.works)
        self.changes = changes.load(set(self.by_src))

    # -- Markdown ---------------------------------------------------------------------------------
    def markdown(self, src: str, markdown: str, root: str) -> str:
        """Expand the page's markers; `root` is the relative path from the built page to the site root."""

        def chart(chart_id):
            if chart_id not in CHARTS:
                raise markers.MissingTarget(f"chart {chart_id!r} (known: {', '.join(CHARTS)})")
            return "\n\n" + charts.card.render(self.charts[chart_id], root) + "\n\n"

        def cite(key):
            if key not in self.works:
                raise markers.MissingTarget(f"source {key!r} (add it to includes/bibliography/)")
            return bibliography.footnote(self.works[key])

        def value(key):
            figures = charts.derived.values()
            if key not in figures:
                raise markers.MissingTarget(
                    f"derived figure {key!r} (charts/derived.py gives: {', '.join(sorted(figures))})"
                )
            return figures[key]

        titles = {p.src: p.title for p in self.pages}
        handlers = {
            "chart": (True, chart),
            "cite": (True, cite),
            "value": (True, value),
            "chapter-map": (False, lambda _: self.chapter_map(src)),
            "glossary": (False, lambda _: glossary.glossary_markdown(self.terms, self.pages, src)),
            "bibliography": (False, lambda _: bibliography.bibliography_markdown(self.works)),
            "data-sources": (False, lambda _: data_sources_markdown(src)),
            "timeline": (False, lambda _: timeline.timeline_markdown(self.events, self.works, titles, src)),
            "quiz": (True, quiz.marker),
            "key-facts": (False, lambda _: key_facts.card(self.facts, self.works)),
            "publisher": (False, lambda _: self.settings.author),
            "site-citation": (False, lambda _: previews.site_citation(self.settings)),
            "fact": (True, lambda key: key_facts.value(self.facts, key)),
            "changes": (False, lambda _: changes.changes_markdown(self.changes, src, titles)),
            "classroom": (True, lambda slug: classroom.downloads_html(slug, root)),
            "lesson-plan": (True, lambda plan: classroom.lessons.plan_markdown(plan, self.by_src, src)),
            "worksheets": (False, lambda _: classroom.lessons.worksheets_markdown(self.chapters, src)),
            "edition-switch": (False, lambda _: f"\n\n<p>{classroom.edition_control()}</p>\n\n"),
        }
        # The chapters gathered for printing carry markers of their own: expand those too.
        handlers["print-all"] = (False, lambda _: markers.expand(self.print_all(src), src, handlers)[0])
        return markers.expand(markdown, src, handlers)[0]

    def page(self, src: str, text: str) -> str:
        """A whole page as the engine receives it: front matter kept, body expanded and completed."""
        front, body = content.split_raw_front_matter(text, src)
        page = self.by_src.get(src)
        root = content.root_prefix(content.page_url(src))
        if page is not None:
            body = question_permalinks(body, "questions-for-discussion")
            # Citations are listed on the Sources page; keeping them out of the search index halves
            # its growth per chapter, and every page downloads that index.
            body = body.replace(SOURCES_HEADING + "\n", SOURCES_HEADING + " { data-search-exclude }\n", 1)
        body = self.markdown(src, body, root).replace(FOOTNOTES_MARKER, FOOTNOTES_PLACE)
        if page is not None:
            if page.chapter is not None:
                body = re.sub(
                    r"^(# .+)$", lambda h: h[1] + "\n\n" + self._page_header(page, root), body, count=1, flags=re.M
                )
                body = self._objectives(page, body, root)
            body = body.rstrip("\n") + "\n\n" + self._citation_box(page) + "\n"
        if page is None or page.tooltips:
            body = body.rstrip("\n") + "\n\n" + INCLUDE_ABBREVIATIONS + "\n"
        if page is not None:
            front = previews.with_meta(front, self.preview(page))
        return front + body

    def last_changed(self, page: content.PageInfo):
        """When the page's content last changed: includes/changes.yml or its front matter, never the build date."""
        return changes.last_changed(self.changes, page.src, page.updated)

    def preview(self, page: content.PageInfo) -> dict:
        return previews.meta(page, self.settings, self.works, self.last_changed(page))

    def chapter_map(self, from_src: str) -> str:
        rows = [
            f"{page.chapter}. **[{page.heading}]({content.relative_link(page.src, from_src)})** "
            f"({strings.text('page.reading_time', minutes=page.reading_minutes)}): {page.description}"
            for page in self.chapters
        ]
        total = sum(page.reading_minutes for page in self.chapters)
        return "\n".join(rows) + "\n\n" + strings.text("page.chapter_map_total", minutes=total) + "\n"

    def print_all(self, from_src: str) -> str:
        """Every chapter on one page, headings one level down, footnotes renamed per chapter."""
        parts = []
        for page in self.chapters:
            slug = page.src.split("/")[0]
            body = page.body.replace(FOOTNOTES_MARKER, "").replace(SOURCES_HEADING + "\n", "")
            body = question_permalinks(body, f"{slug}-question")
            body = re.sub(r"^(#{1,5}) ", r"#\1 ", body, flags=re.M)
            body = re.sub(r"\[\^([^\]]+)\]", rf"[^{slug}-\1]", body)
            body = re.sub(
                r"\]\((?!https?://|#|mailto:)([^)]+)\)",
                lambda m, src=page.src: f"]({self._rebase(m[1], src, from_src)})",
                body,
            )
            # Each chapter in its own block, so that the browser lays out only the ones near the screen.
            parts.append(f'<div class="print-chapter" markdown="1">\n\n{body.strip()}\n\n</div>')
        appendix = f"\n\n## {strings.text('print_page.glossary')}\n\n" + glossary.glossary_markdown(
            self.terms, self.pages, from_src
        )
        return (
            "\n\n".join(parts) + appendix + f"\n\n## {strings.text('print_page.sources')}\n\n" + FOOTNOTES_MARKER + "\n"
        )

    @staticmethod
    def _rebase(target: str, page_src: str, from_src: str) -> str:
        path, _, anchor = target.partition("#")
        if not path:
            return target
        absolute = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), path))
        return content.relative_link(absolute, from_src) + (f"#{anchor}" if anchor else "")

    def _page_header(self, page: content.PageInfo, root: str) -> str:
        return (
            f'<p class="page-meta" data-search-exclude><span>{strings.text("page.chapter", number=page.chapter)}</span>'
            f"<span>{strings.text('page.reading_time', minutes=page.reading_minutes)}</span>"
            f"<span>{strings.text('changes.last_changed')} {_time(self.last_changed(page))}</span>"
            f'<button type="button" class="print-button" data-print-page>{strings.text("page.print")}</button>'
            f"{classroom.edition_control()}</p>"
        )

    def _objectives(self, page: content.PageInfo, body: str, root: str) -> str:
        """The objectives box, after the story's first lines: an id and permalink, and the key terms inside."""
        match = OBJECTIVES.search(body)
        if not match:
            raise content.ContentError(
                f"{page.src}: no '!!! abstract \"What you will learn\"' box with a list of objectives"
            )
        title = strings.text("page.objectives")
        link = f'<a class="headerlink" href="#{OBJECTIVES_ID}" title="{strings.text("page.objectives_link")}">¶</a>'
        items = textwrap.dedent(match["items"])
        terms = glossary.key_terms_html(glossary.terms_in(page.body, self.terms), f"{root}glossary/")
        box = (
            f'<div class="admonition abstract" id="{OBJECTIVES_ID}" markdown="1">\n'
            f'<p class="admonition-title">{title}{link}</p>\n\n{items}\n'
            + (f'<p class="objectives__terms">{terms}</p>\n' if terms else "")
            + "</div>\n"
        )
        return body[: match.start()] + box + body[match.end() :]

    def _corrections_link(self, page: content.PageInfo) -> str:
        """The repository's correction form when the site knows it, else the About page's "Report an error"."""
        if self.settings.corrections_url:
            return self.settings.corrections_url
        # Raw HTML: MkDocs does not rewrite its links, so this is the built address, relative to the page.
        return content.root_prefix(content.page_url(page.src)) + "about/#report-an-error"

    def _citation_box(self, page: content.PageInfo) -> str:
        s = self.settings
        # Without a public address the citation names no URL rather than an invented one.
        url = s.site_url + content.page_url(page.src) if s.site_url else ""
        cite = citation.Citable(s.author, page.heading, s.site_name, url, self.last_changed(page))
        return (
            '<aside class="cite-box" aria-labelledby="cite-this-page" data-search-exclude>'
            f'<p class="cite-box__title" id="cite-this-page"><strong>{strings.text("cite.title")}</strong></p>'
            f'<p><span class="cite-box__style">APA</span> {citation.apa(cite)}</p>'
            f'<p><span class="cite-box__style">MLA</span> {citation.mla(cite)}</p>'
            f'<p class="cite-box__foot">{strings.text("changes.last_changed")} {_time(self.last_changed(page))}. '
            f"{strings.text('cite.licence')} "
            f'{strings.text("cite.mistake")} <a href="{html.escape(self._corrections_link(page))}">'
            f"{strings.text('cite.correction')}</a>.</p>"
            "</aside>"
        )

    # -- Files beside the pages -------------------------------------------------------------------
    def files(self) -> dict[str, bytes]:
        """Site path → content of every generated file: chart pictures and data, scripts, the glossary."""
        out = charts.publish.files(built=self.charts, pictures=False)
        out[charts.card.PLOTLY_ASSET] = charts.publish.plotly_bundle().read_bytes()
        if not IFRAME_WORKER_SHIM.exists():
            raise BuildError("missing: run `make setup` (npm ci) to install it", file=str(IFRAME_WORKER_SHIM))
        out[IFRAME_WORKER_ASSET] = IFRAME_WORKER_SHIM.read_bytes()
        out[ABBREVIATIONS] = glossary.abbreviations(self.terms).lstrip("\n").encode()
        # Link-preview cards, and the map outlines the live maps draw from the site itself.
        out.update(previews.cards(self.pages, self.settings))
        out.update(charts.geo.outlines())
        # The worksheets and decks show the charts' PNGs: the first thing here that waits for the pictures.
        out.update(charts.publish.picture_files(self.pictures.result()))
        out.update(classroom.files(self.charts, out, self.settings, self.pages))
        return out


def _time(when) -> str:
    day = when.isoformat()
    return f'<time datetime="{day}">{bibliography.display_date(day)}</time>'


def data_sources_markdown(from_src: str) -> str:
    """Each dataset behind the charts: what it is, its file, licence and sources (linked to their entries in
    the Sources page's list, which gives each one's title, publisher, date and address once)."""
    data = content.relative_link("data", from_src)
    sources_page = "" if from_src == SOURCES_PAGE else content.relative_link(SOURCES_PAGE, from_src)
    t = strings.text
    blocks = []
    for name in charts.datasets.names():
        meta = charts.datasets.load(name).meta
        licences = ", ".join(f"[{lic.get('title', lic['name'])}]({lic['path']})" for lic in meta["licenses"])
        sources = "; ".join(
            f"[{s['publisher']}, {strings.date(s['date'])}]({sources_page}#src-{s['id']}) "
            f"({t('data_sources.consulted', date=strings.date(s['accessed']))})"
            for s in meta["sources"]
        )
        blocks.append(
            f"- **{meta['title']}** ([{t('data_sources.csv')}]({data}/{pathlib.Path(meta['path']).name})). "
            f"{meta['description'].strip()} {t('data_sources.producer')} {meta['producer']}. "
            f"{t('data_sources.licence')} {licences}. {t('data_sources.sources')} {sources}."
        )
    return "\n".join(blocks) + f"\n\n{t('data_sources.all')} [datapackage.json]({data}/datapackage.json).\n"


def question_permalinks(body: str, prefix: str) -> str:
    """Give each discussion question an id (an attribute list) and a visible permalink, like a heading."""
    head, found, rest = body.partition(QUESTIONS_HEADING + "\n")
    if not found:
        return body
    section, nxt, tail = rest.partition("\n## ")
    count = 0

    def item(match: re.Match) -> str:
        nonlocal count
        count += 1
        qid = f"{prefix}-{count}"
        link = f'<a class="headerlink" href="#{qid}" title="{strings.text("page.question_link")}">¶</a>'
        return f"{match[1]}{match[2]} {link}\n{' ' * len(match[1])}{{ #{qid} }}"

    section = re.sub(r"^(\d+\.\s+)(.+)$", item, section, flags=re.M)
    return head + found + section + nxt + tail

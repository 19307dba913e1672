"""What the render step does to each page, in plain Python: expand markers, add the page header and citation."""

from __future__ import annotations

import pathlib
import posixpath
import re

from charts import card, datasets, geo, pictures, publish
from charts.registry import CHARTS
from core import ROOT, bibliography, locale, strings
from core.errors import BuildError

from . import (
    changes,
    chart_card,
    citation,
    classroom,
    glossary,
    html,
    key_facts,
    markers,
    pages,
    previews,
    quiz,
    skeleton,
    timeline,
    wording,
)
from .classroom import material
from .classroom import page as classroom_page

FOOTNOTES_MARKER = "<!-- footnotes -->"
# The anchor teachers link to for a chapter's learning objectives.
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
IFRAME_WORKER_SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
IFRAME_WORKER_ASSET = "assets/javascripts/iframe-worker/shim.js"


class Site:
    """Everything the pages share, loaded and checked once per render. `preview` (for `make serve`) leaves out the
    files a reader does not see while editing: worksheets, slide decks and link-preview cards."""

    def __init__(self, settings: pages.Settings, docs: pathlib.Path | None = None, preview: bool = False):
        self.settings, self.preview = settings, preview
        self.charts = {chart_id: card.build(chart_id) for chart_id in CHARTS}
        self.pages = pages.site_pages(settings.nav, docs)
        self.by_src = {page.src: page for page in self.pages}
        self.chapters = pages.chapters(self.pages)
        self.works = bibliography.load()
        self.terms = glossary.load()
        self.events = timeline.load(self.works, set(self.by_src))
        self.facts = key_facts.load(self.works)
        self.changes = changes.load(set(self.by_src))
        cells = {
            chart_id: {cell for row in chart.table.cells() for cell in row} for chart_id, chart in self.charts.items()
        }
        self.quizzes = quiz.load_all(cells)
        self.classroom = {page.slug: material.load(page, self.works, set(CHARTS)) for page in self.chapters}
        # The classroom pages the render step writes beside each chapter, read back as pages like any other.
        self.generated = {}
        for slug, chapter in self.classroom.items():
            found = self.quizzes.get(slug)
            urls = settings.directory_urls
            self.generated[classroom_page.student_src(slug)] = classroom_page.student(
                chapter, self.works, self.terms, found, urls
            )
            self.generated[classroom_page.teacher_src(slug)] = classroom_page.teacher(chapter, self.works, found, urls)
        for src, text in self.generated.items():
            self.by_src[src] = pages.parse_page(src, text)

    # -- Markdown ---------------------------------------------------------------------------------
    def markdown(self, src: str, markdown: str, root: str) -> str:
        """Expand the page's markers; `root` is the relative path from the built page to the site root."""

        def chart(chart_id):
            if chart_id not in CHARTS:
                raise markers.MissingTarget(f"chart {chart_id!r} (known: {', '.join(CHARTS)})")
            return "\n\n" + chart_card.render(self.charts[chart_id], root) + "\n\n"

        def cite(key):
            if key not in self.works:
                raise markers.MissingTarget(f"source {key!r} (add it to includes/bibliography/)")
            return bibliography.footnote(self.works[key])

        def value(key):
            figures = wording.values()
            if key not in figures:
                raise markers.MissingTarget(f"derived figure {key!r} (charts/derived.py gives: {', '.join(figures)})")
            return figures[key]

        titles = {p.src: p.title for p in self.pages}
        handlers = {
            "chart": (True, chart),
            "cite": (True, cite),
            "value": (True, value),
            "chapter-map": (False, lambda _: self.chapter_map(src)),
            "glossary": (False, lambda _: glossary.glossary_markdown(self.terms, self.pages, src)),
            "bibliography": (False, lambda _: self.bibliography_markdown()),
            "data-sources": (False, lambda _: data_sources_markdown(src)),
            "timeline": (False, lambda _: timeline.timeline_markdown(self.events, self.works, titles, src)),
            "key-facts": (False, lambda _: key_facts.card(self.facts, self.works)),
            "publisher": (False, lambda _: self.settings.author),
            "site-citation": (False, lambda _: previews.site_citation(self.settings)),
            "fact": (True, lambda key: key_facts.value(self.facts, key)),
            "changes": (False, lambda _: changes.changes_markdown(self.changes, src, titles)),
            "classroom-downloads": (
                True,
                lambda slug: classroom.downloads_html(slug, src, self.settings.directory_urls),
            ),
            "lesson-plan": (True, lambda plan: classroom.lessons.plan_markdown(plan, self.by_src, src)),
            "worksheets": (False, lambda _: classroom.lessons.worksheets_markdown(self.chapters, src)),
            "role-cards": (True, lambda lesson: "\n\n" + classroom_page.role_cards(lesson, self.works) + "\n\n"),
        }
        # The chapters gathered for printing carry markers of their own: expand those too.
        handlers["print-all"] = (False, lambda _: markers.expand(self.print_all(src), src, handlers)[0])
        return markers.expand(markdown, src, handlers)[0]

    def page(self, src: str, text: str) -> str:
        """A whole page as the engine receives it: front matter kept, body expanded and completed."""
        front, body = pages.split_front_matter(text, src)
        page = self.by_src.get(src)
        root = pages.root_prefix(pages.page_url(src))
        if page is not None:
            body = question_permalinks(body, skeleton.SECTIONS["questions"])
            # Citations are listed on the Sources page; keeping them out of the search index halves
            # its growth per chapter, and every page downloads that index.
            body = skeleton.add_attributes(body, "sources", "data-search-exclude")
        body = self.markdown(src, body, root).replace(FOOTNOTES_MARKER, FOOTNOTES_PLACE)
        if page is not None:
            if page.chapter is not None:
                body = self._reader_page(page, body)
            body = body.rstrip("\n") + "\n\n" + self._citation_box(page) + "\n"
        if page is None or page.tooltips:
            body = body.rstrip("\n") + "\n\n" + INCLUDE_ABBREVIATIONS + "\n"
        if page is not None:
            front = previews.with_meta(front, self.preview_meta(page))
        return front + body

    def last_changed(self, page: pages.PageInfo):
        """When the page's content last changed: includes/changes.yml or its front matter, never the build date."""
        return changes.last_changed(self.changes, page.src, page.updated)

    def preview_meta(self, page: pages.PageInfo) -> dict:
        teaches = self.classroom[page.slug].material.objectives if page.slug in self.classroom else ()
        return previews.meta(page, self.settings, self.works, self.last_changed(page), teaches)

    def chapter_map(self, from_src: str) -> str:
        """The contents on the home page: the chapters as a numbered series (HTML, so that it lays out as cards)."""
        urls = self.settings.directory_urls
        chapters = [
            {
                "number": page.chapter,
                "title": page.heading,
                "href": pages.url(page.src, from_src, urls),
                "minutes": page.reading_minutes,
                "standfirst": page.description,
                "epilogue": page.meta.epilogue,
            }
            for page in self.chapters
        ]
        total = sum(page.reading_minutes for page in self.chapters)
        return "\n\n" + html.render("chapter_list.html", chapters=chapters, total=total) + "\n\n"

    def bibliography_markdown(self) -> str:
        """The Sources page list: a heading per kind, newest first, each entry with an anchor 'src-<key>'."""
        parts = []
        for kind in bibliography.KINDS:
            group = sorted(
                (w for w in self.works.values() if w.kind == kind), key=lambda w: (w.date, w.key), reverse=True
            )
            if kind == "article":
                group.sort(key=lambda w: (w.key != bibliography.ARTICLE, w.author or w.publisher))
            if group:
                heading = strings.text(f"bibliography.kinds.{kind}")
                parts.append(
                    f"## {heading} {{ #{kind} }}\n\n" + html.render("bibliography.html", inline=False, works=group)
                )
        return "\n".join(parts)

    def print_all(self, from_src: str) -> str:
        """Every chapter on one page, headings one level down, footnotes renamed per chapter."""
        parts = []
        for page in self.chapters:
            slug = page.slug
            body = page.body.replace(FOOTNOTES_MARKER, "")
            found = skeleton.heading(body, "sources")
            if found:
                body = body[: found.start()] + body[found.end() + 1 :]
            body = question_permalinks(body, f"{slug}-question")
            # Seven chapters share the sections' ids: here the headings take numbered ones (summary_1, ...).
            body = re.sub(r"^(## .+?) \{ #[\w-]+ \}$", r"\1", body, flags=re.M)
            body = re.sub(r"^(#{1,5}) ", r"#\1 ", body, flags=re.M)
            body = re.sub(r"\[\^([^\]]+)\]", rf"[^{slug}-\1]", body)
            body = re.sub(
                r"\]\((?!https?://|#|mailto:)([^)]+)\)",
                lambda m, src=page.src: f"]({self._rebase(m[1], src, from_src)})",
                body,
            )
            # Each chapter in its own block, so that the browser lays out only the ones near the screen.
            parts.append(f'<div class="print-chapter" markdown="1">\n\n{body.strip()}\n\n</div>')
        # The glossary and the sources each start a new page too, so a teacher can leave them out (site.css).
        appendix = f"\n\n## {strings.text('print_page.glossary')} {{ .print-part }}\n\n" + glossary.glossary_markdown(
            self.terms, self.pages, from_src
        )
        sources = f"\n\n## {strings.text('print_page.sources')} {{ .print-part }}\n\n" + FOOTNOTES_MARKER + "\n"
        return "\n\n".join(parts) + appendix + sources

    @staticmethod
    def _rebase(target: str, page_src: str, from_src: str) -> str:
        path, _, anchor = target.partition("#")
        if not path:
            return target
        absolute = posixpath.normpath(posixpath.join(posixpath.dirname(page_src), path))
        return pages.relative_link(absolute, from_src) + (f"#{anchor}" if anchor else "")

    def _reader_page(self, page: pages.PageInfo, body: str) -> str:
        """A chapter as readers meet it: the standfirst and a quiet line under the headline; after the summary, the
        way on (the next chapter) and the way into class (its classroom pages, where the old anchors lead)."""
        urls = self.settings.directory_urls
        position = self.chapters.index(page)
        header = html.render(
            "page_header.html",
            standfirst=page.description,
            number=page.chapter,
            total=len(self.chapters),
            epilogue=page.meta.epilogue,
            minutes=page.reading_minutes,
            day=self.last_changed(page),
            series=[
                {
                    "number": c.chapter,
                    "title": c.heading,
                    "href": pages.url(c.src, page.src, urls),
                    "here": c is page,
                    "epilogue": c.meta.epilogue,
                }
                for c in self.chapters
            ],
        )
        body = re.sub(r"^(# .+)$", lambda h: h[1] + "\n\n" + header, body, count=1, flags=re.M)
        following = self.chapters[position + 1] if position + 1 < len(self.chapters) else None
        quiz_found = self.quizzes.get(page.slug)
        way_on = html.render(
            "way_on.html",
            next=following,
            next_href=pages.url(following.src if following else "index.md", page.src, urls),
            student=pages.url(classroom_page.student_src(page.slug), page.src, urls),
            teacher=pages.url(classroom_page.teacher_src(page.slug), page.src, urls),
            moved=moved_anchors(len(self.classroom[page.slug].material.questions), quiz_found),
        )
        found = skeleton.heading(body, "sources")
        if not found:
            raise pages.ContentError("no section with the id sources-and-notes", file=f"docs/{page.src}")
        return body[: found.start()] + way_on + "\n\n" + body[found.start() :]

    def _corrections_link(self, page: pages.PageInfo) -> str:
        """The repository's correction form when the site knows it, else the About page's "Report an error"."""
        if self.settings.corrections_url:
            return self.settings.corrections_url
        # Raw HTML: MkDocs does not rewrite its links, so this is the built address, relative to the page.
        page_address, anchor = skeleton.REPORT_ERROR
        return pages.root_prefix(pages.page_url(page.src)) + f"{page_address}#{anchor}"

    def _citation_box(self, page: pages.PageInfo) -> str:
        s = self.settings
        # Without a public address the citation names no URL rather than an invented one.
        url = s.site_url + pages.page_url(page.src) if s.site_url else ""
        cite = citation.Citable(s.author, page.heading, s.site_name, url, self.last_changed(page))
        return html.render(
            "citation.html",
            apa=citation.apa(cite),
            mla=citation.mla(cite),
            day=self.last_changed(page),
            corrections=self._corrections_link(page),
        )

    # -- Files beside the pages -------------------------------------------------------------------
    def generated_pages(self) -> dict[str, str]:
        """Page sources the render step writes itself (the classroom pages), to be expanded like the others."""
        return dict(self.generated)

    def files(self) -> dict[str, bytes]:
        """Site path → content of every generated file: chart pictures and data, scripts, the glossary."""
        out = publish.files(self.charts, published_package())
        if not IFRAME_WORKER_SHIM.exists():
            raise BuildError("missing: run `make setup` (npm ci) to install it", file=str(IFRAME_WORKER_SHIM))
        out[IFRAME_WORKER_ASSET] = IFRAME_WORKER_SHIM.read_bytes()
        out[ABBREVIATIONS] = glossary.abbreviations(self.terms).encode()
        out.update(geo.outlines())
        s = self.settings
        jobs = [
            job for chart in self.charts.values() for job in chart_card.picture_jobs(chart, s.site_name, s.site_url)
        ]
        out.update(publish.picture_files(pictures.draw(jobs)))
        if not self.preview:
            drawn = {
                cid: out[card.asset(cid, "preview.png")] for cid in self.charts if card.asset(cid, "preview.png") in out
            }
            out.update(previews.cards(self.pages, self.settings, drawn))
            out.update(classroom.files(self.charts, out, self.settings, self.classroom, self.quizzes))
        return dict(sorted(out.items()))


def published_package() -> dict:
    """datapackage.json as published: every text with its computed figures written out."""
    package = datasets.published()
    for item in package["resources"] + package.get("views", []):
        where = f"charts/data/datapackage.yaml: {item['name']}"
        for key in ("title", "subtitle", "alt", "summary", "description"):
            if isinstance(item.get(key), str):
                item[key] = wording.fill(item[key], where)
        if item.get("notes"):
            item["notes"] = [wording.fill(n, where) for n in item["notes"]]
    return package


def data_sources_markdown(from_src: str) -> str:
    """Each dataset behind the charts: what it is, its file, licence and sources (linked to their entries in
    the Sources page's list, which gives each one's title, publisher, date and address once)."""
    data = pages.relative_link("data", from_src)
    sources_page = "" if from_src == SOURCES_PAGE else pages.relative_link(SOURCES_PAGE, from_src)
    t = strings.text
    blocks = []
    for name in datasets.names():
        dataset = datasets.load(name)
        meta = dataset.meta
        licences = ", ".join(f"[{lic.title or lic.name}]({lic.path})" for lic in dataset.licences)
        sources = "; ".join(
            f"[{s['publisher']}, {locale.date(s['date'])}]({sources_page}#src-{s['id']}) "
            f"({t('data_sources.consulted', date=locale.date(s['accessed']))})"
            for s in dataset.sources.values()
        )
        title = wording.fill(meta.title, "charts/data/datapackage.yaml")
        description = wording.fill(meta.description, "charts/data/datapackage.yaml")
        blocks.append(
            f"- **{title}** ([{t('data_sources.csv')}]({data}/{pathlib.Path(meta.path).name})). "
            f"{description} {t('data_sources.producer')} {meta.producer}. "
            f"{t('data_sources.licence')} {licences}. {t('data_sources.sources')} {sources}."
        )
    return "\n".join(blocks) + f"\n\n{t('data_sources.all')} [datapackage.json]({data}/datapackage.json).\n"


def moved_anchors(questions: int, found) -> list[str]:
    """The anchors teachers may have shared from a chapter's page, whose content now lives on its classroom page."""
    out = [OBJECTIVES_ID, skeleton.SECTIONS["questions"], skeleton.SECTIONS["activity"], skeleton.SECTIONS["quiz"]]
    out += [f"{skeleton.SECTIONS['questions']}-{n}" for n in range(1, questions + 1)]
    if found is not None:
        out += [f"quiz-{found.slug}"] + [f"quiz-{found.slug}-{q.number}" for q in found.questions]
    return out


def question_permalinks(body: str, prefix: str) -> str:
    """Give each discussion question an id (an attribute list) and a visible permalink, like a heading."""
    found = skeleton.heading(body, "questions")
    if not found:
        return body
    start = found.end() + 1
    following = re.compile(r"^## ", re.M).search(body, start)
    end = following.start() if following else len(body)
    count = 0
    link_title = strings.text("page.question_link")

    def item(match: re.Match) -> str:
        nonlocal count
        count += 1
        qid = f"{prefix}-{count}"
        link = html.render("permalink.html", id=qid, title=link_title)
        return f"{match[1]}{match[2]} {link}\n{' ' * len(match[1])}{{ #{qid} }}"

    return body[:start] + re.sub(r"^(\d+\.\s+)(.+)$", item, body[start:end], flags=re.M) + body[end:]

"""The short layers a reader skims never judge or assign a motive in the site's own voice."""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml

from sitebuild import PAGES, ROOT, page_id

PHRASES_FILE = ROOT / "includes" / "style" / "judging-phrases.yml"
DATAPACKAGE = ROOT / "charts" / "data" / "datapackage.yaml"
GLOSSARY = ROOT / "includes" / "glossary.yml"
TIMELINE = ROOT / "includes" / "timeline.yml"
MKDOCS = ROOT / "mkdocs.yml"
# Quotations are someone else's words, attributed in the text around them; apostrophes are not quotes.
QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|(?<![\w])\"[^\"]*\"")
NOT_PROSE = re.compile(r"<!--.*?-->|\]\([^)]*\)|^\[\^[^\]]+\]:.*$|\[\^[^\]]+\]|\{[:#.][^}]*\}", re.S | re.M)


@dataclasses.dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    why: str
    quoted: bool

    def found_in(self, text: str) -> list[str]:
        """Each match, with the words around it."""
        plain = text if self.quoted else QUOTED.sub(" ", text)
        found = (re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", plain, re.I) for w in self.words)
        return [" ".join(plain[max(0, m.start() - 40) : m.end() + 40].split()) for m in found if m]


def load_phrases() -> list[Phrase]:
    entries = yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8"))
    return [Phrase((e["phrase"], *e.get("forms", ())), e["why"], bool(e.get("quoted"))) for e in entries]


PHRASES = load_phrases()


@dataclasses.dataclass(frozen=True)
class Layer:
    id: str  # e.g. "heading:introduction", shown as the test id
    texts: tuple[str, ...]


def _prose(markdown: str) -> str:
    return NOT_PROSE.sub(" ", markdown)


def _summary_boxes(body: str) -> list[str]:
    return re.findall(r"^!!! summary.*\n((?:\n|    .*\n)+)", body, flags=re.M)


def _ignore_tags(loader, suffix, node):
    return None


def _site_description() -> str:
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", _ignore_tags)
    loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tags)
    return yaml.load(MKDOCS.read_text(encoding="utf-8"), Loader=loader)["site_description"]


def layers() -> list[Layer]:
    found = [Layer("site_description", (_site_description(),))]
    for page in PAGES:
        name = page_id(page)
        found.append(Layer(f"description:{name}", (page.description,)))
        found.append(Layer(f"headings:{name}", tuple(re.findall(r"^#{1,6} (.+?)\s*$", page.body, flags=re.M))))
        if _summary_boxes(page.body):
            found.append(Layer(f"summary:{name}", tuple(_prose(b) for b in _summary_boxes(page.body))))
    home = next(page for page in PAGES if page.src == "index.md")
    found.append(Layer("home-page", (_prose(home.body),)))
    for view in yaml.safe_load(DATAPACKAGE.read_text(encoding="utf-8"))["views"]:
        words = tuple(str(view.get(key, "")) for key in ("title", "subtitle", "summary"))
        words += tuple(str(note) for note in view.get("notes") or ())
        found.append(Layer(f"chart:{view['name']}", words))
    for entry in yaml.safe_load(GLOSSARY.read_text(encoding="utf-8")):
        found.append(Layer(f"glossary:{entry['term']}", (str(entry["definition"]),)))
    for number, entry in enumerate(yaml.safe_load(TIMELINE.read_text(encoding="utf-8")), 1):
        found.append(Layer(f"timeline:{number}:{entry['date']}", (str(entry["event"]),)))
    return found


def judgements(texts: tuple[str, ...], phrases: list[Phrase] = PHRASES) -> list[str]:
    """Each judging phrase found, with what to write instead."""
    hits = []
    for text in texts:
        for phrase in phrases:
            hits += [f"…{context}…: {phrase.why}" for context in phrase.found_in(text)]
    return hits


@pytest.mark.parametrize("layer", layers(), ids=lambda layer: layer.id)
def test_short_layer_does_not_judge_in_the_sites_own_voice(layer):
    hits = judgements(layer.texts)
    assert not hits, "attribute the judgement or describe instead:\n" + "\n".join(hits)


def test_the_phrase_list_is_well_formed():
    entries = yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8"))
    assert entries and all(set(e) <= {"phrase", "forms", "why", "quoted"} and e.get("why") for e in entries)
    words = [w.lower() for p in PHRASES for w in p.words]
    assert len(words) == len(set(words)), "a phrase is listed twice"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("An election without opponents", True),
        ("Elections That Cannot Be Lost", True),
        ("The OSCE said voters had no “genuine choice”", False),
        ("Critics call it a “crackdown”", False),
        ("January 2022: “Bloody January” or “Tragic January”?", True),
        ("Observers found that the parties on the ballot supported the government's policies", False),
    ],
)
def test_the_matcher_skips_quotations_but_not_one_sided_names(text, flagged):
    assert bool(judgements((text,))) is flagged


def test_every_layer_is_read():
    ids = {layer.id.split(":")[0] for layer in layers()}
    expected = {"site_description", "description", "headings", "summary", "home-page", "chart", "glossary", "timeline"}
    assert ids == expected
    assert sum(layer.id.startswith("summary:") for layer in layers()) >= 7, "every chapter has a summary box"

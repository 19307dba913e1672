"""A chapter's story starts on a phone's first screen: 'In 30 seconds' under the title, the teacher kit after it."""

from __future__ import annotations

import pytest
from support import url_of

from sitebuild import CHAPTERS, page_id

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page", CHAPTERS, ids=page_id)
def test_the_story_starts_within_450px_on_a_phone(visit, page):
    tab = visit(url_of(page), width=390, height=844)
    story = tab.page.locator(".admonition.tldr > p:not(.admonition-title)").first
    top = story.evaluate("p => p.getBoundingClientRect().top + scrollY")
    assert top <= 450, f"the story starts {top:.0f}px down"
    objectives = tab.page.locator("#what-you-will-learn")
    assert objectives.evaluate("box => box.getBoundingClientRect().top + scrollY") > top, "objectives follow the story"
    assert objectives.locator(".page-meta__terms a").count() >= 1, "the key terms sit with the objectives"
    tab.check_clean()

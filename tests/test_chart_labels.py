"""Charts that label themselves: in every picture a reader sees or downloads, no text overlaps another text, a line
or a marker, and none runs off the picture's edge; on a phone no chart text is smaller than 12 px; every text is in
the page's typeface.

The pictures are the session build's (charts.pictures.draw, from the cache the build filled), measured in
Chromium: each <text> element's box as the browser lays it out, each marker's box, and points along
each line every pixel. Two text boxes must stay 2 × CLEARANCE apart (the reader's own font may be wider or taller
than the one the test machine draws with, and labels that nearly touch read as one); a text box may touch a line or a
marker, as a label set just beside its point does (Plotly sets such a label up to a pixel into its marker's box), but
not overlap it.
"""

from __future__ import annotations

import pytest

from charts import pictures, theme
from charts.card import build
from charts.registry import CHARTS
from explainer import chart_card, pages

from sitebuild import SITE_URL

# The pictures a reader sees (the light ones: the dark ones have the same layout) and the downloadable export.
VARIANTS = ("light.wide.svg", "light.narrow.svg", "export.svg")
CLEARANCE = 2.0  # px
# Plotly writes the font stack with single quotes inside the style attribute; the browser reads back double ones.
FONT = theme.FONT.replace("'", '"')

MEASURE = """
(clearance) => {
  const svg = document.querySelector('svg');
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom};
  };
  const visible = (el) => {
    for (let e = el; e && e !== svg; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
    }
    return true;
  };
  const texts = [...svg.querySelectorAll('text')]
    .filter((t) => t.textContent.trim() && visible(t))
    .map((t) => ({label: t.textContent.trim(), size: parseFloat(getComputedStyle(t).fontSize),
                  family: getComputedStyle(t).fontFamily, ...box(t)}));
  // Markers: the points of scatter and map traces, the bars, and the legend's symbols.
  const markers = [...svg.querySelectorAll('path.point, .bars .point path, path.scatterpts')]
    .filter((m) => visible(m) && m.getAttribute('d'))
    .map((m, i) => ({label: `marker ${i}`, ...box(m)}))
    .filter((m) => m.x1 > m.x0 && m.y1 > m.y0);
  // Lines: the traces' lines and the layout's line shapes (a filled shape, such as a shaded band, is an area).
  const lines = [];
  for (const path of svg.querySelectorAll('path.js-line, .shapelayer path, .legendlines path')) {
    if (!visible(path) || !path.getAttribute('d')) continue;
    const style = getComputedStyle(path);
    const filled = style.fill !== 'none' && parseFloat(style.fillOpacity) > 0 && !path.classList.contains('js-line');
    if (filled) continue;
    const matrix = path.getScreenCTM();
    const length = path.getTotalLength();
    const points = [];
    for (let at = 0; at <= length; at += 1) {
      const p = path.getPointAtLength(at).matrixTransform(matrix);
      points.push([p.x, p.y]);
    }
    lines.push({label: path.classList.contains('js-line') ? 'a line' : 'a line shape', points});
  }
  const grown = (b, by = clearance) => ({x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by});
  const meet = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  const clashes = [];
  const frame = svg.getBoundingClientRect();
  texts.forEach((t, i) => {
    if (t.x0 < frame.left - 0.5 || t.x1 > frame.right + 0.5 || t.y0 < frame.top - 0.5 || t.y1 > frame.bottom + 0.5)
      clashes.push(`"${t.label}" runs off the picture`);
    const it = grown(t);
    texts.slice(i + 1).forEach((u) => { if (meet(it, grown(u))) clashes.push(`"${t.label}" overlaps "${u.label}"`); });
    markers.forEach((m) => { if (meet(t, grown(m, -1))) clashes.push(`"${t.label}" overlaps ${m.label}`); });
    lines.forEach((l) => {
      const inside = ([x, y]) => x > t.x0 && x < t.x1 && y > t.y0 && y < t.y1;
      if (l.points.some(inside)) clashes.push(`"${t.label}" crosses ${l.label}`);
    });
  });
  return {texts, clashes};
}
"""


@pytest.fixture(scope="session")
def measured(site, browser) -> dict[tuple[str, str], dict]:
    """(chart, variant) → the picture's texts and clashes, each picture as the session's build drew it (its name and
    address, which the exports' credit line carries; from the cache the build filled)."""
    jobs = [
        job
        for chart_id in CHARTS
        for job in chart_card.picture_jobs(build(chart_id), pages.load_settings().site_name, SITE_URL)
        if job.variant in VARIANTS
    ]
    found = {}
    page = browser.new_page()
    for job, svg in pictures.draw(jobs).items():
        page.set_content(f"<!doctype html><body style='margin:0'>{svg.decode()}</body>")
        found[(job.chart, job.variant)] = page.evaluate(MEASURE, CLEARANCE)
    page.close()
    return found


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_no_label_overlaps_another_label_a_line_or_a_marker(measured, chart_id, variant):
    clashes = measured[(chart_id, variant)]["clashes"]
    assert not clashes, f"{chart_id} ({variant}): " + "; ".join(clashes)


@pytest.mark.parametrize("chart_id", sorted(CHARTS))
def test_phone_text_is_at_least_12_px_in_the_pages_typeface(measured, chart_id):
    for variant in VARIANTS:
        texts = measured[(chart_id, variant)]["texts"]
        assert texts, f"{chart_id} ({variant}) draws no text"
        small = [f"{t['label']!r} at {t['size']} px" for t in texts if t["size"] < theme.SMALLEST]
        assert not small, f"{chart_id} ({variant}): text below {theme.SMALLEST} px: {', '.join(small)}"
        other = {t["family"] for t in texts} - {FONT}
        assert not other, f"{chart_id} ({variant}): text in another typeface: {other}"

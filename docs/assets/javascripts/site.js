// Draws the chart cards with the site's own copy of plotly.js, on pages that have charts only,
// as each chart nears the screen. Runs on every page view, including Material's instant
// navigation (document$), follows the light/dark toggle without a reload, and redraws every
// drawn chart at paper width before printing.
(function () {
  "use strict";

  var plotly = null; // a Promise, once plotly.js has been asked for

  function loadPlotly(src) {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotly) {
      plotly = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { plotly = null; reject(new Error("could not load " + src)); };
        document.head.appendChild(script);
      });
    }
    return plotly;
  }

  function dark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" && !printing;
  }

  // The figure as the chart module wrote it, with light colours swapped for dark ones if needed.
  function figureFor(card) {
    var spec = card._spec || (card._spec = JSON.parse(card.querySelector(".chart-card__spec").textContent));
    var swap = dark() ? spec.dark : {};
    var figure = JSON.parse(JSON.stringify(spec.figure), function (key, value) {
      return typeof value === "string" && Object.prototype.hasOwnProperty.call(swap, value) ? swap[value] : value;
    });
    if (printing) {
      figure.layout.width = PRINT_WIDTH;
    }
    return { figure: figure, config: spec.config };
  }

  function draw(card) {
    var plot = card.querySelector(".chart-card__plot");
    return loadPlotly(plot.getAttribute("data-plotly")).then(function (Plotly) {
      var f = figureFor(card);
      return Plotly.react(plot, f.figure.data, f.figure.layout, f.config).then(function () {
        card.setAttribute("data-drawn", dark() ? "dark" : "light");
      });
    });
  }

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll(".chart-card"));
  }

  function drawAll() {
    return Promise.all(cards().map(draw));
  }

  // Draw a chart when it comes near the screen, so that a reader who never scrolls that far never
  // downloads or runs plotly.js (1.2 MB of script: seconds of work on an old phone). The "Print"
  // button draws every chart first; see below.
  function init() {
    var pending = cards().filter(function (card) { return !card._seen && (card._seen = true); });
    if (!pending.length) return;
    if (!("IntersectionObserver" in window)) {
      pending.forEach(draw);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      });
    }, { rootMargin: "300px 0px" });
    pending.forEach(function (card) { observer.observe(card); });
  }

  // Print: light colours, a fixed width that fits the paper, and every data table open.
  var PRINT_WIDTH = 660;
  var printing = false;
  function beforePrint() {
    printing = true;
    document.querySelectorAll("details").forEach(function (d) {
      if (!d.open) { d.setAttribute("data-print-opened", ""); d.open = true; }
    });
    if (window.Plotly) cards().forEach(function (card) {
      var f = figureFor(card);
      window.Plotly.react(card.querySelector(".chart-card__plot"), f.figure.data, f.figure.layout, f.config);
    });
  }
  function afterPrint() {
    printing = false;
    document.querySelectorAll("details[data-print-opened]").forEach(function (d) {
      d.open = false;
      d.removeAttribute("data-print-opened");
    });
    if (window.Plotly) drawAll();
  }
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);

  // Follow the palette toggle: redraw drawn charts in the new colours.
  new MutationObserver(function () {
    cards().forEach(function (card) { if (card.hasAttribute("data-drawn")) draw(card); });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  // A "Print this page" button: draws every chart first, then opens the print dialog.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print-page]");
    if (!button) return;
    event.preventDefault();
    drawAll().then(function () { window.print(); }, function () { window.print(); });
  });

  // Bubbles: a glossary term's definition when the term is tapped or clicked (the browser also
  // shows it on hover, from the title attribute), and a footnote's source when the pointer or the
  // keyboard focus rests on its number. Two delegated listeners serve the whole page, which costs
  // far less on a slow phone than a tooltip object per term and per footnote.
  var bubble = null;
  function hideBubble() {
    if (bubble) { bubble.remove(); bubble = null; }
  }
  function showBubble(anchor, content) {
    hideBubble();
    bubble = document.createElement("span");
    bubble.className = "md-typeset bubble";
    bubble.setAttribute("role", "tooltip");
    bubble.appendChild(content);
    document.body.appendChild(bubble);
    var box = anchor.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    bubble.style.left = Math.max(8, Math.min(box.left, width - bubble.offsetWidth - 8)) + window.scrollX + "px";
    bubble.style.top = box.bottom + window.scrollY + 6 + "px";
  }
  function footnoteFor(ref) {
    var note = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
    if (!note) return null;
    var copy = note.cloneNode(true);
    copy.querySelectorAll(".footnote-backref").forEach(function (back) { back.remove(); });
    var content = document.createElement("span");
    content.innerHTML = copy.innerHTML;
    return content;
  }
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest(".md-typeset abbr[title]");
    if (term) showBubble(term, document.createTextNode(term.getAttribute("title")));
    else hideBubble();
  });
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var ref = event.target.closest && event.target.closest("a.footnote-ref");
      var content = ref && footnoteFor(ref);
      if (content) showBubble(ref, content);
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (bubble && event.target.closest && event.target.closest("a.footnote-ref")) hideBubble();
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hideBubble();
  });

  // Material's document$ emits on every instant navigation; from file:// (the offline copy) it
  // may have emitted before this script ran, so the first load is also caught here. init() skips
  // cards it has already seen.
  if (window.document$) window.document$.subscribe(init);
  document.addEventListener("DOMContentLoaded", init);
})();

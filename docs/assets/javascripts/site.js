// Draws the chart cards with the site's own copy of plotly.js, on pages that have charts only.
// Runs on every page view, including Material's instant navigation (document$), follows the
// light/dark toggle without a reload, and redraws every chart at paper width before printing.
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

  // Draw when a chart comes near the screen, so a reader who never scrolls that far never
  // downloads plotly.js; and in any case once the page is idle, so that printing finds them drawn.
  function init() {
    var pending = cards().filter(function (card) { return !card._seen && (card._seen = true); });
    if (!pending.length) return;
    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            draw(entry.target);
          }
        });
      }, { rootMargin: "600px 0px" });
      pending.forEach(function (card) { observer.observe(card); });
    }
    var idle = window.requestIdleCallback || function (fn) { return setTimeout(fn, 1500); };
    idle(function () { pending.forEach(function (card) { if (!card.hasAttribute("data-drawn")) draw(card); }); }, { timeout: 4000 });
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

  // Test and print hooks: resolve when every chart on the page is drawn.
  window.kzCharts = { drawAll: drawAll };

  // Material's document$ emits on every instant navigation; from file:// (the offline copy) it
  // may have emitted before this script ran, so the first load is also caught here. init() skips
  // cards it has already seen.
  if (window.document$) window.document$.subscribe(init);
  document.addEventListener("DOMContentLoaded", init);
})();

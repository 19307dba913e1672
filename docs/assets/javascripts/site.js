// Chart cards are pictures rendered when the site is built (charts/pictures.py): they need no script.
// On request (the Explore button, or a first pointer or focus on the picture) the site's own
// plotly.js replaces the picture with the live chart, in the same size and colours; if anything
// fails, the picture stays. One set of listeners, delegated to the document, serves every card.
// Also: notes opened in place, glossary bubbles, print.
(function () {
  "use strict";

  var plotly = null; // a Promise, once plotly.js has been asked for
  var specs = {}; // spec URL -> Promise of the chart's spec

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

  // The spec is a file of the site, fetched on request, never an inline script.
  function loadSpec(url) {
    if (!specs[url]) {
      specs[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
      specs[url].catch(function () { delete specs[url]; });
    }
    return specs[url];
  }

  function dark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  // The layout the picture shows (wide or narrow), with light colours swapped for dark ones if needed.
  function figureFor(card) {
    var spec = card._spec;
    var narrow = window.matchMedia(spec.media).matches;
    var swap = dark() ? spec.dark : {};
    var figure = JSON.parse(JSON.stringify(narrow ? spec.narrow : spec.wide), function (key, value) {
      return typeof value === "string" && Object.prototype.hasOwnProperty.call(swap, value) ? swap[value] : value;
    });
    // The picture's height on this page, so that nothing below the chart moves.
    figure.layout.height = card._height || figure.layout.height;
    delete figure.layout.width;
    var config = Object.assign({}, spec.config);
    if (spec.topojson) config.topojsonURL = new URL(spec.topojson, card._specUrl).href;
    return { figure: figure, config: config, narrow: narrow };
  }

  function draw(card) {
    var f = figureFor(card);
    var live = card.querySelector(".chart-card__live");
    return window.Plotly.react(live, f.figure.data, f.figure.layout, f.config).then(function () {
      card.setAttribute("data-live", dark() ? "dark" : "light");
      card._narrow = f.narrow;
    });
  }

  function explore(card) {
    if (card._live) return card._live;
    var plot = card.querySelector(".chart-card__plot");
    var specUrl = new URL(plot.getAttribute("data-spec"), document.baseURI).href;
    card.setAttribute("data-loading", "");
    card._live = Promise.all([loadPlotly(plot.getAttribute("data-plotly")), loadSpec(specUrl)]).then(function (found) {
      card._spec = found[1];
      card._specUrl = specUrl;
      card._height = Math.round(plot.getBoundingClientRect().height);
      var live = document.createElement("div");
      live.className = "chart-card__live";
      live.style.height = card._height + "px";
      plot.appendChild(live);
      card.setAttribute("data-live", "");
      return draw(card);
    }).then(function () {
      card.removeAttribute("data-loading");
    }, function (error) {
      // The picture stays: undo what was started, and let a later request try again.
      var live = card.querySelector(".chart-card__live");
      if (live) live.remove();
      card.removeAttribute("data-live");
      card.removeAttribute("data-loading");
      card._live = null;
      console.warn("chart stays a picture:", error);
    });
    return card._live;
  }

  function cardOf(event, selector) {
    var target = event.target.closest && event.target.closest(selector);
    return target && target.closest(".chart-card");
  }

  // From file:// (the offline copy) the browser refuses to fetch the spec: the pictures are the charts.
  if (location.protocol === "file:") document.documentElement.classList.add("charts-static");
  document.addEventListener("click", function (event) {
    var card = cardOf(event, ".chart-card__explore");
    if (card) explore(card);
  });
  // A first pointer or keyboard focus on the picture starts the live chart too.
  ["pointerover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var card = cardOf(event, ".chart-card__plot");
      if (card && location.protocol !== "file:") explore(card);
    });
  });

  function liveCards() {
    return Array.prototype.slice.call(document.querySelectorAll(".chart-card[data-live]")).filter(function (card) {
      return card._spec && card.querySelector(".chart-card__live");
    });
  }

  // The dark pictures are lazy (charts/card.py), so a light page never downloads them; on a dark page,
  // ask for them all at once, as for the light ones, so every chart is there before the reader scrolls.
  function loadDarkPictures() {
    if (!dark()) return;
    document.querySelectorAll(".chart-card__picture--dark img[loading='lazy']").forEach(function (img) {
      img.loading = "eager";
    });
  }

  // Follow the palette toggle, and a page that turns narrow or wide: redraw the live charts.
  new MutationObserver(function () {
    loadDarkPictures();
    liveCards().forEach(draw);
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  window.addEventListener("resize", function () {
    liveCards().forEach(function (card) {
      if (card._narrow !== window.matchMedia(card._spec.media).matches) draw(card);
    });
  });

  // Print shows the pictures (site.css), with every data table and question's guidance open.
  function beforePrint() {
    document.querySelectorAll("details").forEach(function (d) {
      if (!d.open) { d.setAttribute("data-print-opened", ""); d.open = true; }
    });
  }
  function afterPrint() {
    document.querySelectorAll("details[data-print-opened]").forEach(function (d) {
      d.open = false;
      d.removeAttribute("data-print-opened");
    });
  }
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);

  // Paper prints no address for the site's own pages (site.css): they are told apart by origin.
  function markInternal() {
    document.querySelectorAll(".md-typeset a[href]").forEach(function (link) {
      if (link.origin === location.origin) link.setAttribute("data-internal", "");
    });
  }

  // The quizzes' marking and the edition switch (quiz.js, beside this script) load only on the pages
  // that have them.
  var here = document.currentScript && document.currentScript.src;
  var quizScript = null;
  function loadQuizScript() {
    if (quizScript || !here || !document.querySelector("[data-quiz], [data-edition-choice]")) return;
    quizScript = document.createElement("script");
    quizScript.src = new URL("quiz.js", here).href;
    document.body.appendChild(quizScript);
  }

  loadDarkPictures();
  markInternal();
  loadQuizScript();

  // A "Print this page" button.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print-page]");
    if (!button) return;
    event.preventDefault();
    window.print();
  });

  // A glossary term's definition when the term is tapped or clicked (the browser also shows it on hover, from
  // the title attribute). One delegated listener serves the whole page.
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
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest(".md-typeset abbr[title]");
    if (term) showBubble(term, document.createTextNode(term.getAttribute("title")));
    else hideBubble();
  });

  // Notes that open in place. Tapping, clicking or pressing Enter on a footnote number opens its note, with the
  // source's link, in a dialog beside the number (on a phone, a drawer at the foot of the screen) and moves the
  // focus into it; Escape, the close button or a tap elsewhere closes it and gives the focus back to the number.
  // Keyboard focus alone shows the note too, described by it, without moving the focus. The dialog's words come
  // from the page (the citation box's data-note-* attributes, in the page's language). The list of notes at the
  // foot of the page stays, for paper and for readers without a script.
  var note = null; // { box, ref }
  var returning = false; // the focus going back to a number: not a request to open its note again
  function noteWords() {
    var source = document.querySelector("[data-note-label]");
    return {
      label: source ? source.getAttribute("data-note-label") : "{number}",
      close: source ? source.getAttribute("data-note-close") : "×",
    };
  }
  function closeNote(giveFocusBack) {
    if (!note) return;
    var ref = note.ref;
    note.box.remove();
    ref.removeAttribute("aria-describedby");
    ref.removeAttribute("aria-expanded");
    note = null;
    if (giveFocusBack) {
      returning = true;
      ref.focus();
      returning = false;
    }
  }
  function openNote(ref, takeFocus) {
    if (note && note.ref === ref) {
      if (takeFocus) note.box.focus();
      return;
    }
    closeNote(false);
    var target = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
    if (!target) return;
    var words = noteWords();
    var number = ref.textContent.trim();
    var box = document.createElement("span");
    box.className = "md-typeset note-bubble";
    box.id = "note-bubble";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", words.label.replace("{number}", number));
    box.tabIndex = -1;
    var copy = target.cloneNode(true);
    copy.querySelectorAll(".footnote-backref").forEach(function (back) { back.remove(); });
    var num = document.createElement("span");
    num.className = "note-bubble__number";
    num.textContent = number;
    var text = document.createElement("span");
    text.className = "note-bubble__text";
    text.innerHTML = copy.innerHTML;
    text.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "note-bubble__close";
    close.setAttribute("aria-label", words.close);
    close.textContent = "×";
    box.appendChild(num);
    box.appendChild(text);
    box.appendChild(close);
    // Just after the number's <sup>, so that Tab goes from the number into the note.
    var sup = ref.closest("sup") || ref;
    sup.insertAdjacentElement("afterend", box);
    note = { box: box, ref: ref };
    ref.setAttribute("aria-describedby", box.id);
    ref.setAttribute("aria-expanded", "true");
    placeNote();
    if (takeFocus) box.focus({ preventScroll: true });
  }
  function placeNote() {
    if (!note) return;
    var box = note.box;
    if (getComputedStyle(box).position === "fixed") return; // the phone's drawer
    var parent = box.offsetParent || document.body;
    var origin = parent.getBoundingClientRect();
    var at = note.ref.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(at.left, width - box.offsetWidth - 8));
    box.style.left = left - origin.left + "px";
    box.style.top = at.bottom - origin.top + 6 + "px";
  }
  window.addEventListener("resize", placeNote);
  document.addEventListener("click", function (event) {
    var ref = event.target.closest && event.target.closest("a.footnote-ref");
    if (ref) {
      event.preventDefault();
      openNote(ref, true);
      return;
    }
    if (!note) return;
    if (event.target.closest(".note-bubble__close")) closeNote(true);
    else if (!note.box.contains(event.target)) closeNote(false);
  });
  document.addEventListener("focusin", function (event) {
    var ref = event.target.closest && event.target.closest("a.footnote-ref");
    if (ref && !returning && ref.matches(":focus-visible")) openNote(ref, false);
    else if (note && !note.box.contains(event.target) && event.target !== note.ref) closeNote(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    hideBubble();
    if (note) {
      var inside = note.box.contains(document.activeElement) || document.activeElement === note.ref;
      closeNote(inside);
    }
  });
})();

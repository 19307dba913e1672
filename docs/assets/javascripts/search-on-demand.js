// Material's search downloads its whole index (the largest file of a first visit) and its worker on every
// page load. This holds both back until the reader first reaches for search: the search box
// or its button, or a search shortcut. Must run before Material's bundle (overrides/main.html).
(function () {
  "use strict";

  // Material asks for the index with XMLHttpRequest; its send() waits until the reader wants search.
  var proto = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (!proto) return;
  var open = proto.open;
  var send = proto.send;
  var released = false;
  var waiting = [];
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;

  function release() {
    if (released) return;
    released = true;
    waiting.forEach(function (go) { go(); });
    waiting = [];
  }

  // Material also starts its search worker (a script of its own) on every page load: it starts here only when the
  // reader reaches for search. Until then Material talks to a stand-in that keeps its listeners and messages.
  var RealWorker = window.Worker;
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js(?:[?#]|$)/;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!SEARCH_WORKER.test(String(url))) return new RealWorker(url, options);
      var listeners = [];
      var messages = [];
      var real = null;
      var stub = {
        addEventListener: function (type, listener, opts) {
          if (real) real.addEventListener(type, listener, opts);
          else listeners.push([type, listener, opts]);
        },
        removeEventListener: function (type, listener, opts) {
          if (real) real.removeEventListener(type, listener, opts);
          listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
        },
        postMessage: function (message) {
          if (real) real.postMessage(message);
          else messages.push(message);
        },
        terminate: function () { if (real) real.terminate(); },
      };
      function start() {
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        messages.forEach(function (m) { real.postMessage(m); });
        listeners = messages = null;
      }
      if (released) start();
      else waiting.push(start);
      return stub;
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  proto.open = function (method, url) {
    this._searchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this._searchIndex && !released) {
      var request = this;
      var args = arguments;
      waiting.push(function () { send.apply(request, args); });
      return;
    }
    return send.apply(this, arguments);
  };

  // A link that opens the page with a search already in it (?q=...) needs the index at once.
  if (/[?&]q=/.test(location.search)) release();
  function wanted(event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search, label[for='__search'], [data-md-toggle='search']")) release();
  }
  document.addEventListener("focusin", wanted, true);
  document.addEventListener("pointerdown", wanted, true);
  document.addEventListener("keydown", function (event) {
    // Material's own shortcuts for search.
    if (event.key === "/" || event.key === "s" || event.key === "f" || event.key === "S" || event.key === "F") release();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") release();
  }, true);
})();

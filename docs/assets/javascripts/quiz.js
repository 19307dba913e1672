// Marks the self-check quizzes the moment an answer is chosen, and switches between the student and
// the teacher edition (?edition=teacher). Stores nothing and sends nothing: the answers and the
// feedback are already in the page. Works offline, with a keyboard and a screen reader, and after
// Material's instant navigation (one set of delegated listeners serves every page). site.js loads it
// on the pages that have a quiz or an edition switch.
(function () {
  "use strict";

  // -- The quiz ------------------------------------------------------------------------------

  function mark(input) {
    var quiz = input.closest("[data-quiz]");
    var question = input.closest(".quiz__question");
    var option = input.closest(".quiz__option");
    if (!quiz || !question || !option) return;
    var right = option.getAttribute("data-verdict") === "correct";
    question.querySelectorAll(".quiz__option").forEach(function (other) {
      other.classList.remove("is-chosen", "is-correct", "is-wrong");
    });
    option.classList.add("is-chosen", right ? "is-correct" : "is-wrong");
    question.setAttribute("data-answered", right ? "correct" : "wrong");

    // The live region announces the verdict and the feedback; focus stays on the chosen option,
    // so that arrow keys still move between the options and another answer can be tried.
    var region = question.querySelector(".quiz__feedback");
    var verdict = document.createElement("strong");
    verdict.textContent = quiz.getAttribute(right ? "data-correct-label" : "data-wrong-label") + " ";
    var text = document.createElement("span");
    text.textContent = option.querySelector(".quiz__explain").textContent;
    var para = document.createElement("p");
    para.appendChild(verdict);
    para.appendChild(text);
    region.textContent = "";
    region.appendChild(para);
    region.className = "quiz__feedback " + (right ? "is-correct" : "is-wrong");
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input && input.matches && input.matches(".quiz input[type=radio]")) mark(input);
  });

  // "Read the passage": move the keyboard and screen-reader focus to the paragraph itself, not only
  // the view, so that reading continues from there.
  // Listens before Material's instant navigation (capture), which would otherwise take the click.
  window.addEventListener("click", function (event) {
    // Instant navigation makes the href absolute: compare the page, not how the href starts.
    var link = event.target.closest && event.target.closest(".quiz a[href*='#']");
    if (!link || link.pathname !== location.pathname || !link.hash) return;
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    history.pushState(history.state, "", link.hash);
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }, true);

  // -- Student and teacher editions ----------------------------------------------------------

  function edition() {
    var query = new URLSearchParams(location.search).get("edition");
    return query === "teacher" || location.hash === "#teacher" ? "teacher" : "student";
  }

  function showEdition(value) {
    document.body.setAttribute("data-edition", value);
    document.querySelectorAll("[data-edition-choice]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-edition-choice") === value));
    });
  }

  // The choice goes into the address, so that the teacher edition has its own link to share.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-edition-choice]");
    if (!button) return;
    var value = button.getAttribute("data-edition-choice");
    var url = new URL(location.href);
    if (value === "teacher") url.searchParams.set("edition", "teacher");
    else url.searchParams.delete("edition");
    if (url.hash === "#teacher") url.hash = "";
    // From file:// (the offline copy) some browsers refuse to change the address; the switch still works.
    try { history.replaceState(history.state, "", url.href); } catch (error) { /* keep the address */ }
    showEdition(value);
  });

  function init() {
    showEdition(edition());
    document.querySelectorAll("[data-quiz]").forEach(function (quiz) { quiz.setAttribute("data-ready", ""); });
    // An answer chosen before this script arrived (it loads on demand) is marked now.
    document.querySelectorAll(".quiz input[type=radio]:checked").forEach(mark);
  }
  if (window.document$) window.document$.subscribe(init);
  document.addEventListener("DOMContentLoaded", init);
  if (document.readyState !== "loading") init();
})();

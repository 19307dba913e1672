// Marks the self-check quizzes the moment an answer is chosen, and gives the score once every question has
// an answer (the first answer to each question counts). Stores nothing and sends nothing: the answers and the
// feedback are already in the page. Works offline, with a keyboard and a screen reader (one set of delegated
// listeners serves every quiz). site.js loads it on pages with a quiz.
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
    if (!question.hasAttribute("data-first")) question.setAttribute("data-first", right ? "correct" : "wrong");

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
    score(quiz);
  }

  // Once every question has an answer: how many were right the first time.
  function score(quiz) {
    var questions = quiz.querySelectorAll(".quiz__question");
    var first = quiz.querySelectorAll(".quiz__question[data-first]");
    var out = quiz.querySelector(".quiz__score");
    if (!out || first.length < questions.length || out.textContent) return;
    var right = quiz.querySelectorAll(".quiz__question[data-first=correct]").length;
    out.textContent = quiz.getAttribute("data-score").replace("{right}", String(right));
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input && input.matches && input.matches(".quiz input[type=radio]")) mark(input);
  });

  // "Read the passage": move the keyboard and screen-reader focus to the paragraph itself, not only
  // the view, so that reading continues from there.
  // Listens first (capture), before any of Material's own click handlers.
  window.addEventListener("click", function (event) {
    // Compare the page, not how the href is written.
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

  function init() {
    document.querySelectorAll("[data-quiz]").forEach(function (quiz) { quiz.setAttribute("data-ready", ""); });
    // An answer chosen before this script arrived (it loads on demand) is marked now.
    document.querySelectorAll(".quiz input[type=radio]:checked").forEach(mark);
  }
  if (window.document$) window.document$.subscribe(init);
  document.addEventListener("DOMContentLoaded", init);
  if (document.readyState !== "loading") init();
})();

// The survey on a phone: one item per screen, with "next" and "previous" and where one is
// ("2 / 6"); the last screen sends. A desktop, or a page without this script, shows all
// the items at once (the server takes the same form either way).
(function () {
  "use strict";
  const form = document.querySelector(".survey-form");
  const phone = window.matchMedia("(max-width: 767.98px)");
  if (!form || !phone.matches) return;
  const steps = Array.from(form.querySelectorAll(".survey-step"));
  const send = form.querySelector(".survey-send");
  if (steps.length < 2) return;
  const nav = document.createElement("div");
  nav.className = "survey-nav d-flex align-items-center gap-2 my-3";
  const previous = document.createElement("button");
  previous.type = "button";
  previous.className = "btn btn-outline-secondary";
  previous.textContent = form.dataset.previousText;
  const progress = document.createElement("span");
  progress.className = "survey-progress";
  progress.setAttribute("aria-live", "polite");
  const next = document.createElement("button");
  next.type = "button";
  next.className = "btn btn-brand ms-auto";
  next.textContent = form.dataset.nextText;
  nav.append(previous, progress, next);
  send.insertAdjacentElement("beforebegin", nav);
  // After a failed send, the first item with an error; else the first.
  let current = Math.max(0, steps.findIndex(function (step) { return step.classList.contains("has-error") || step.querySelector(".is-invalid"); }));
  function show() {
    steps.forEach(function (step, index) { step.hidden = index !== current; });
    // A grid whose rows are all hidden hides its header too (it is hidden on phones anyway).
    previous.hidden = current === 0;
    next.hidden = current === steps.length - 1;
    send.hidden = current !== steps.length - 1;
    progress.textContent = form.dataset.stepText
      .replace("{number}", current + 1).replace("{total}", steps.length);
  }
  previous.addEventListener("click", function () { current -= 1; show(); steps[current].scrollIntoView({ block: "start" }); });
  next.addEventListener("click", function () { current += 1; show(); steps[current].scrollIntoView({ block: "start" }); });
  show();
})();

// The MC's guest list: new arrivals appear by themselves every few seconds, by fetching
// the page again and swapping its list in, not by reloading it (a reload moves the page
// under the MC's eyes and reads the whole page out to a screen reader, WCAG 2.2.1). The
// MC can pause the updates while reading a name aloud.
(function () {
  "use strict";
  const list = document.getElementById("guest-introduction-list");
  const pause = document.querySelector(".guest-introduction-pause");
  if (!list || !pause) return;
  const EVERY_MS = 5000;
  let paused = false;
  pause.hidden = false;

  pause.addEventListener("click", function () {
    paused = !paused;
    pause.setAttribute("aria-pressed", String(paused));
    pause.textContent = paused ? pause.dataset.resume : pause.dataset.pause;
  });

  function refresh() {
    if (paused) {
      window.setTimeout(refresh, EVERY_MS);
      return;
    }
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("guest-introduction-list");
        if (fresh && fresh.innerHTML !== list.innerHTML) list.innerHTML = fresh.innerHTML;
      })
      .catch(function () { /* offline for a moment: the next round tries again */ })
      .finally(function () { window.setTimeout(refresh, EVERY_MS); });
  }
  window.setTimeout(refresh, EVERY_MS);
})();

// The forum list's PDF links (sign-in sheet, name badges) take a second or more to build:
// the clicked link says so until the PDF replaces the page, so nobody clicks twice
// wondering whether anything happens.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    const link = event.target.closest("a[data-building]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    let status = link.parentElement.querySelector(".pdf-building");
    if (!status) {
      status = document.createElement("span");
      status.className = "pdf-building";
      status.setAttribute("role", "status");
      link.after(status);
    }
    status.textContent = link.dataset.building;
    link.setAttribute("aria-busy", "true");
  });
  // Coming back to the list (the back button restores the page as it was): nothing builds.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll(".pdf-building").forEach(function (status) { status.remove(); });
    document.querySelectorAll("a[data-building]").forEach(function (link) { link.removeAttribute("aria-busy"); });
  });
})();

// The forum's photos, enlarged in a dialog: <dialog> gives focus, Escape and the
// backdrop for free. Without this script each photo's link opens the image itself.
(function () {
  "use strict";
  var dialog = document.getElementById("photo-dialog");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var caption = dialog.querySelector("figcaption");
  // Made here, not in the page: an <img> needs a src, which only a click gives it. It is
  // in the page only while the dialog is open, so no image ever stands there without alt.
  var image = document.createElement("img");
  image.className = "img-fluid";
  var opener = null;
  function setLang(element, lang) {
    if (lang) {
      element.lang = lang;
    } else {
      element.removeAttribute("lang");
    }
  }
  document.querySelectorAll("a.gallery-link").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var thumbnail = link.querySelector("img");
      var shownCaption = link.closest("figure").querySelector("figcaption");
      var words = shownCaption || thumbnail;
      image.src = link.href;
      image.alt = thumbnail.alt;
      caption.parentNode.insertBefore(image, caption);
      caption.textContent = shownCaption ? shownCaption.textContent : thumbnail.alt;
      // A Korean alt or caption on an English page is marked lang="ko": so is its copy.
      setLang(image, thumbnail.lang);
      setLang(caption, words.lang);
      opener = link;
      dialog.showModal();
    });
  });
  dialog.addEventListener("close", function () {
    image.removeAttribute("src");
    image.remove();
    if (opener) {
      opener.focus();  // back where the visitor was
    }
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      dialog.close();  // a click on the backdrop
    }
  });
})();

// The check-in desk: type-ahead search over the rows already on the page, one-tap
// check-in and undo without a reload, the other desk's check-ins every few seconds, and
// QR codes read from the camera with jsQR (vendored, served by the site).
(function () {
  "use strict";
  const desk = document.getElementById("desk");
  if (!desk || !desk.dataset.stateUrl) return;
  const csrfToken = desk.querySelector("input[name=csrfmiddlewaretoken]").value;
  const search = document.getElementById("desk-search");
  const result = desk.querySelector(".desk-result");
  const POLL_MS = 3000;

  // Search: every word must appear in a row's name, organisation, initial consonants or phone digits.
  search.addEventListener("input", function () {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    desk.querySelectorAll(".desk-people .desk-person").forEach(function (row) {
      const text = row.dataset.search;
      row.hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
    });
  });

  document.getElementById("desk-forum").addEventListener("change", function (event) {
    event.target.form.submit();
  });

  function post(url, data) {
    const body = new URLSearchParams(data);
    return fetch(url, {
      method: "POST",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken },
      body: body,
      credentials: "same-origin",
    }).then(function (response) { return response.json(); });
  }

  function showResult(answer) {
    result.textContent = answer.message;
    result.className = "desk-result result-" + answer.colour;
    if (answer.counts) showCounts(answer.counts);
    if (answer.person) showPerson(answer.person);
    if (answer.guest) showGuest(answer.guest);
  }

  // A person's or a guest's row: marked or not, its two buttons swapped, the time written.
  function showRow(rowId, done, when, doButton, undoButton) {
    const row = document.getElementById(rowId);
    if (!row) return;
    row.classList.toggle("is-checked-in", done);
    row.querySelector(doButton).hidden = done;
    row.querySelector(undoButton).hidden = !done;
    row.querySelector(".desk-when").textContent = when;
  }

  function showGuest(state) {
    showRow("guest-" + state.id, state.arrived, state.arrived_text, ".desk-guest-arrived", ".desk-guest-undo");
  }

  function showCounts(counts) {
    Object.keys(counts).forEach(function (key) {
      const cell = desk.querySelector("[data-count=" + key + "]");
      if (cell) cell.textContent = counts[key];
    });
  }

  function showPerson(state) {
    showRow("person-" + state.id, state.checked_in, state.checked_in_text, ".desk-check-in", ".desk-undo");
  }

  desk.addEventListener("submit", function (event) {
    const form = event.target;
    if (!form.matches(".desk-check-in, .desk-undo, .desk-guest-arrived, .desk-guest-undo")) return;
    event.preventDefault();
    post(form.action, new FormData(form)).then(showResult);
  });

  // The other desk: what has changed since the page was drawn.
  function poll() {
    fetch(desk.dataset.stateUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        showCounts(state.counts);
        state.people.forEach(showPerson);
        state.guests.forEach(showGuest);
      })
      .catch(function () { /* offline for a moment: the next poll tries again */ })
      .finally(function () { window.setTimeout(poll, POLL_MS); });
  }
  window.setTimeout(poll, POLL_MS);

  // Scanning: only where the browser offers a camera and the decoder is loaded.
  const scanButton = desk.querySelector(".desk-scan-button");
  const video = desk.querySelector(".desk-camera");
  const canvas = desk.querySelector(".desk-canvas");
  if (!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.jsQR)) return;
  scanButton.hidden = false;
  let lastCode = "";
  let lastCodeAt = 0;

  function readFrame() {
    if (video.hidden) return;
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      const now = Date.now();
      // The same code held in front of the camera is read once, not every frame.
      if (found && found.data && (found.data !== lastCode || now - lastCodeAt > 5000)) {
        lastCode = found.data;
        lastCodeAt = now;
        post(desk.dataset.scanUrl, { code: found.data }).then(showResult);
      }
    }
    window.requestAnimationFrame(readFrame);
  }

  scanButton.addEventListener("click", function () {
    if (!video.hidden) {
      video.srcObject.getTracks().forEach(function (track) { track.stop(); });
      video.hidden = true;
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.play();
      window.requestAnimationFrame(readFrame);
    }).catch(function () {
      result.textContent = desk.dataset.noCameraText;
      result.className = "desk-result result-red";
    });
  });
})();

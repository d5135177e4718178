// The check-in desk: type-ahead search over the rows already on the page, one-tap
// check-in and undo without a reload, the other desk's check-ins and new registrations
// every few seconds, and QR codes read from the camera with jsQR (vendored, served by the
// site). Venue Wi-Fi comes and goes: a tap while offline is kept, shown as waiting, and
// sent when the network is back; the server then answers it as it would have (already
// checked in at the other desk, or cancelled meanwhile, is said so).
(function () {
  "use strict";
  const desk = document.getElementById("desk");
  if (!desk || !desk.dataset.stateUrl) return;
  const csrfToken = desk.querySelector("input[name=csrfmiddlewaretoken]").value;
  const search = document.getElementById("desk-search");
  const result = desk.querySelector(".desk-result");
  const POLL_MS = 3000;
  const people = desk.querySelector(".desk-people");
  let latest = Number(desk.dataset.latest || 0);
  const waiting = [];  // taps made offline, in order: {url, data}

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

  function showOffline() {
    desk.classList.toggle("is-offline", waiting.length > 0);
    if (waiting.length) {
      result.textContent = desk.dataset.offlineText.replace("%(count)s", waiting.length);
      result.className = "desk-result result-offline";
    }
  }

  // A tap: sent now, or kept until the network is back (fetch fails only when it is down).
  function send(url, data, row) {
    return post(url, data).then(showResult, function () {
      waiting.push({ url: url, data: data, row: row });
      if (row) row.classList.add("is-waiting");
      showOffline();
    });
  }

  let flushing = false;
  function flush() {
    if (flushing || !waiting.length) return;
    flushing = true;
    const next = waiting[0];
    post(next.url, next.data).then(function (answer) {
      waiting.shift();
      if (next.row) next.row.classList.remove("is-waiting");
      showResult(answer);
      flushing = false;
      if (waiting.length) flush(); else showOffline();
    }, function () { flushing = false; });  // still offline: the next poll or "online" tries again
  }
  window.addEventListener("online", flush);

  function clearSearch() {
    search.value = "";
    search.dispatchEvent(new Event("input"));
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
    send(form.action, new FormData(form), form.closest(".desk-person"));
    clearSearch();  // the next person starts with an empty search
  });

  // People registered at the other desk (or online) since: their rows, drawn by the server.
  function addRows(rows) {
    if (!rows || !rows.length) return;
    const nobody = people.querySelector(".desk-nobody");
    if (nobody) nobody.remove();
    rows.forEach(function (html) {
      const template = document.createElement("template");
      template.innerHTML = html.trim();
      const row = template.content.firstElementChild;
      if (!document.getElementById(row.id)) people.appendChild(row);
    });
    search.dispatchEvent(new Event("input"));  // the current search applies to them too
  }

  // The other desk: what has changed since the page was drawn.
  function poll() {
    fetch(desk.dataset.stateUrl + "?after=" + latest, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        addRows(state.new_rows);
        latest = Math.max(latest, state.latest);
        showCounts(state.counts);
        state.people.forEach(showPerson);
        state.guests.forEach(showGuest);
        flush();
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
        send(desk.dataset.scanUrl, { code: found.data }, null);
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

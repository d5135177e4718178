// The check-in desk: type-ahead search over the rows already on the page, one-tap
// check-in and undo without a reload, the other desk's check-ins and new registrations
// every few seconds, and QR codes read from the camera with jsQR (vendored, served by the
// site).
//
// A tap on a person is a moment of its own: the list gives way at once to a card that
// names whom the tap was for, so a second tap of a double tap lands on the card, where it
// does nothing, never on the next person in the list. The list comes back when the card
// is acknowledged ("Next person"), or by itself a few seconds after a check-in went through.
//
// Venue Wi-Fi comes and goes: a tap while offline is kept in the browser's storage (it
// survives a reload and a closed tab), shown as waiting, and sent when the network is
// back; the server then answers it as it would have. An undo names the check-in it undoes
// (the tap's own id), so an undo that arrives late never undoes a later check-in.
(function () {
  "use strict";
  const desk = document.getElementById("desk");
  if (!desk || !desk.dataset.stateUrl) return;
  const csrfToken = desk.querySelector("input[name=csrfmiddlewaretoken]").value;
  const search = document.getElementById("desk-search");
  const result = desk.querySelector(".desk-result");
  const people = desk.querySelector(".desk-people");
  const moment = desk.querySelector(".desk-moment");
  const POLL_MS = 3000;
  // A card's buttons ignore taps this soon after it opened: the rest of a double tap.
  const NEXT_GUARD_MS = 600;
  const UNDO_GUARD_MS = 1000;
  // A check-in that went through gives the list back by itself after this long.
  const MOMENT_MS = 4000;
  // Taps kept offline are sent when the network is back, for as long as a forum morning.
  const KEEP_MS = 12 * 60 * 60 * 1000;
  const QUEUE_KEY = "forum-desk-queue:" + desk.dataset.stateUrl;
  let latest = Number(desk.dataset.latest || 0);

  function tapId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  // --- The queue of taps made offline: [{url, data, row, at}], in order, kept in storage.
  function loadQueue() {
    try {
      const kept = JSON.parse(window.localStorage.getItem(QUEUE_KEY) || "[]");
      return kept.filter(function (tap) { return Date.now() - tap.at < KEEP_MS; });
    } catch (error) {
      return [];  // storage refused (a private window): the queue lives in the page only
    }
  }
  const waiting = loadQueue();
  function saveQueue() {
    try {
      window.localStorage.setItem(QUEUE_KEY, JSON.stringify(waiting));
    } catch (error) { /* storage refused: kept in the page only */ }
  }

  // Search: every word must appear in a row's name, organisation, initial consonants or phone digits.
  search.addEventListener("input", function () {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    desk.querySelectorAll(".desk-people .desk-person").forEach(function (row) {
      const text = row.dataset.search;
      row.hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
    });
  });

  // A question marked for the desk (🅿 주차 지원) filters the list to those who answered it.
  desk.querySelectorAll("[data-desk-filter]").forEach(function (button) {
    button.addEventListener("click", function () {
      search.value = button.dataset.deskFilter;
      search.dispatchEvent(new Event("input"));
      search.focus({ preventScroll: true });
    });
  });

  document.getElementById("desk-forum").addEventListener("change", function (event) {
    event.target.form.submit();
  });

  function post(url, data) {
    return fetch(url, {
      method: "POST",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken },
      body: new URLSearchParams(data),
      credentials: "same-origin",
    }).then(function (response) { return response.json(); });
  }

  function formData(form) {
    const data = {};
    new FormData(form).forEach(function (value, key) {
      // The page's current token goes in the header: a kept tap may outlive its form's.
      if (key !== "csrfmiddlewaretoken") data[key] = value;
    });
    return data;
  }

  function showOffline() {
    desk.classList.toggle("is-offline", waiting.length > 0);
    if (waiting.length) {
      result.textContent = desk.dataset.offlineText.replace("%(count)s", waiting.length);
      result.className = "desk-result result-offline";
    }
  }

  function markWaiting(rowId, on) {
    const row = rowId && document.getElementById(rowId);
    if (row) row.classList.toggle("is-waiting", on);
  }

  // A tap: sent now, or kept until the network is back (fetch fails only when it is down).
  function send(url, data, rowId) {
    return post(url, data).catch(function () {
      waiting.push({ url: url, data: data, row: rowId, at: Date.now() });
      saveQueue();
      markWaiting(rowId, true);
      showOffline();
      return null;
    });
  }

  let flushing = false;
  function flush() {
    if (flushing || !waiting.length) return;
    flushing = true;
    const next = waiting[0];
    post(next.url, next.data).then(function (answer) {
      waiting.shift();
      saveQueue();
      markWaiting(next.row, false);
      showResult(answer);
      // The card still open for this tap says what came of it.
      if (!moment.hidden && momentRow === next.row) answerMoment(answer, null);
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
    const rowId = "person-" + state.id;
    showRow(rowId, state.checked_in, state.checked_in_text, ".desk-check-in", ".desk-undo");
    const row = document.getElementById(rowId);
    // The check-in an undo from this row names; a tap still waiting keeps its own.
    if (row && !row.classList.contains("is-waiting")) row.querySelector(".desk-undo [name=check_in]").value = state.check_in;
  }

  // --- The moment after a tap: whom it was for, what came of it, undo, next.
  const momentName = moment.querySelector(".desk-moment-name");
  const momentOrg = moment.querySelector(".desk-moment-org");
  const momentMessage = moment.querySelector(".desk-moment-message");
  const momentUndo = moment.querySelector(".desk-moment-undo");
  const momentNext = moment.querySelector(".desk-moment-next");
  let openedAt = 0;
  let closeTimer = 0;
  let undoData = null;
  let momentRow = null;

  function openMoment(rowId, name, organization, message) {
    window.clearTimeout(closeTimer);
    openedAt = performance.now();
    momentRow = rowId;
    undoData = null;
    momentName.textContent = name;
    momentOrg.textContent = organization;
    momentMessage.textContent = message;
    moment.className = "desk-moment result-pending";
    momentUndo.hidden = true;
    moment.hidden = false;
    desk.classList.add("is-moment");  // the list, the search and the guests give way
  }

  function closeMoment() {
    window.clearTimeout(closeTimer);
    moment.hidden = true;
    desk.classList.remove("is-moment");
    clearSearch();  // the next person starts with an empty search
    search.focus({ preventScroll: true });
  }

  function answerMoment(answer, undo) {
    if (answer.name) momentName.textContent = answer.name;
    if (answer.organization !== undefined) momentOrg.textContent = answer.organization;
    momentMessage.textContent = answer.message;
    moment.className = "desk-moment result-" + answer.colour;
    undoData = undo;
    momentUndo.hidden = !undo;
    if (answer.result === "checked_in") closeTimer = window.setTimeout(closeMoment, MOMENT_MS);
  }

  // A tap on a person (a row's button or a code read by the camera), as one moment.
  function tapPerson(url, data, rowId, name, organization) {
    openMoment(rowId, name, organization, desk.dataset.pendingText);
    send(url, data, rowId).then(function (answer) {
      if (!answer) {  // kept for later: said on the card and above the list
        momentMessage.textContent = desk.dataset.keptText;
        moment.className = "desk-moment result-offline";
        return;
      }
      showResult(answer);
      const undo = answer.result === "checked_in" && answer.person
        ? { registration: String(answer.person.id), check_in: answer.person.check_in }
        : null;
      answerMoment(answer, undo);
    });
  }

  momentNext.addEventListener("click", function () {
    if (performance.now() - openedAt < NEXT_GUARD_MS) return;  // the second tap of a double tap
    closeMoment();
  });
  momentUndo.addEventListener("click", function () {
    if (performance.now() - openedAt < UNDO_GUARD_MS || !undoData) return;
    const data = undoData;
    tapPerson(desk.dataset.undoUrl, data, "person-" + data.registration, momentName.textContent, momentOrg.textContent);
  });

  desk.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.matches(".desk-guest-arrived, .desk-guest-undo")) {
      event.preventDefault();
      send(form.action, formData(form), null).then(function (answer) { if (answer) showResult(answer); });
      return;
    }
    if (!form.matches(".desk-check-in, .desk-undo")) return;
    event.preventDefault();
    if (desk.classList.contains("is-moment")) return;  // a row left behind a card is not tapped
    const row = form.closest(".desk-person");
    const data = formData(form);
    if (form.matches(".desk-check-in")) {
      data.check_in = tapId();
      // An undo from this row, even one kept offline behind this tap, names this check-in.
      row.querySelector(".desk-undo [name=check_in]").value = data.check_in;
    }
    tapPerson(form.action, data, row.id, row.querySelector(".desk-name").textContent,
      row.querySelector(".desk-org").textContent);
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

  // Taps kept from before a reload or a closed tab: marked, and sent as soon as possible.
  waiting.forEach(function (tap) { markWaiting(tap.row, true); });
  showOffline();
  flush();

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
        tapPerson(desk.dataset.scanUrl, { code: found.data, check_in: tapId() }, null, "", "");
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

// The registration pages' forms, for a thumb on a phone:
// - after a failed submit the focus moves to the error summary at the top of the form
//   (its links lead to each field), instead of staying on <body> with the first message
//   a screen further down;
// - an address at a likely misspelling of a common mail domain (gmial.com, naver.con)
//   gets a suggestion beside the field, which one tap applies;
// - a question asked only on another answer (차량번호 when 주차 지원 = 예) shows while that
//   answer is chosen. The server drops the answer of a question not shown, so a page
//   without this script loses nothing: it only shows every question.
(function () {
  "use strict";
  const summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        const field = document.getElementById(link.getAttribute("href").slice(1));
        if (!field) return;
        event.preventDefault();
        field.scrollIntoView({ block: "center" });
        field.focus();
      });
    });
  }

  const COMMON_DOMAINS = ["naver.com", "gmail.com", "daum.net", "hanmail.net", "kakao.com", "nate.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com"];

  // Letters to change, add or remove, or two neighbours swapped, to go from a to b.
  function distance(a, b) {
    const rows = [];
    for (let i = 0; i <= a.length; i++) {
      rows.push([i]);
      for (let j = 1; j <= b.length; j++) {
        if (i === 0) { rows[i].push(j); continue; }
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
        rows[i].push(best);
      }
    }
    return rows[a.length][b.length];
  }

  function suggestion(address) {
    const at = address.lastIndexOf("@");
    if (at < 1) return "";
    const domain = address.slice(at + 1).toLowerCase();
    if (!domain || COMMON_DOMAINS.includes(domain)) return "";
    const near = COMMON_DOMAINS.filter(function (known) { return distance(domain, known) <= 2; });
    return near.length === 1 ? address.slice(0, at + 1) + near[0] : "";
  }

  document.querySelectorAll("input[type=email][data-suggest-text]").forEach(function (input) {
    const hint = document.createElement("div");
    hint.className = "form-text mail-suggestion";
    hint.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", hint);
    function check() {
      const better = suggestion(input.value.trim());
      hint.replaceChildren();
      if (!better) return;
      hint.append(input.dataset.suggestText.replace("%(address)s", better) + " ");
      const apply = document.createElement("button");
      apply.type = "button";
      apply.className = "btn btn-link p-0 align-baseline";
      apply.textContent = input.dataset.suggestApply;
      apply.addEventListener("click", function () {
        input.value = better;
        hint.replaceChildren();
        input.focus();
      });
      hint.append(apply);
    }
    input.addEventListener("blur", check);
    check();
  });

  // data-shown-when="question_3=17": shown while option 17 of question 3 is chosen.
  const conditional = new Map();
  document.querySelectorAll("[data-shown-when]").forEach(function (input) {
    const wrapper = input.closest("[id^='div_id_']");
    if (wrapper) conditional.set(wrapper, input.dataset.shownWhen);
  });
  function showConditional() {
    conditional.forEach(function (condition, wrapper) {
      const [name, value] = condition.split("=");
      const chosen = document.querySelector(
        "input[name='" + name + "'][value='" + value + "']:checked"
      );
      wrapper.hidden = !chosen;
    });
  }
  if (conditional.size) {
    document.addEventListener("change", showConditional);
    showConditional();
  }
})();

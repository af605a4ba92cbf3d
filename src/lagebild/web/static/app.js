// lagebild article page: clicking a quote shows its speaker and cue and highlights them in the
// text. Plain JS, no dependencies. Corpus text is only ever set with textContent, never as HTML.
(function () {
  "use strict";
  var dataEl = document.getElementById("quote-data");
  if (!dataEl) { return; }
  var cards = JSON.parse(dataEl.textContent || "{}");
  var panel = document.getElementById("quote-panel");
  var TYPES = {direct: "direkt", indirect: "indirekt", free_indirect: "frei indirekt", reported: "berichtet"};

  function hasToken(el, attr, id) {
    var v = el.getAttribute(attr);
    return v !== null && v.split(" ").indexOf(id) !== -1;
  }

  function show(id, scroll) {
    var card = cards[id];
    if (!card) { return; }
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    document.querySelectorAll("[data-quote], [data-cue-of], [data-speaker-of], [data-quote-ref]").forEach(function (el) {
      if (el.getAttribute("data-quote") === id || el.getAttribute("data-quote-ref") === id ||
          hasToken(el, "data-cue-of", id) || hasToken(el, "data-speaker-of", id)) {
        el.classList.add("active");
      }
    });
    var badge = panel.querySelector(".qp-type .badge");
    badge.textContent = TYPES[card.type] || card.type || "";
    badge.className = "badge qt-" + (card.type || "");
    panel.querySelector(".qp-content").textContent = card.content || "";
    var speaker = panel.querySelector(".qp-speaker");
    speaker.textContent = "";
    if (card.speaker_id) {
      var a = document.createElement("a");
      a.href = "/entities/" + encodeURIComponent(card.speaker_id);
      a.textContent = card.speaker || card.speaker_id;
      a.className = "speaker-link";
      speaker.appendChild(a);
    } else {
      speaker.textContent = card.speaker || "unbekannt";
    }
    if (card.speaker_mention && card.speaker_mention !== card.speaker) {
      speaker.appendChild(document.createTextNode(" (im Text: „" + card.speaker_mention + "“)"));
    }
    panel.querySelector(".qp-cue").textContent = card.cue || "–";
    panel.querySelector(".qp-addressee").textContent = card.addressee || "–";
    panel.hidden = false;
    if (scroll) {
      var first = document.querySelector('[data-quote="' + CSS.escape(id) + '"]');
      if (first) { first.scrollIntoView({block: "center", behavior: "smooth"}); }
    }
  }

  document.addEventListener("click", function (ev) {
    var seg = ev.target.closest("[data-quote]");
    if (seg && !ev.target.closest("a")) { show(seg.getAttribute("data-quote"), false); return; }
    var ref = ev.target.closest("[data-quote-ref]");
    if (ref) { show(ref.getAttribute("data-quote-ref"), true); }
  });
  document.addEventListener("keydown", function (ev) {
    var ref = ev.target.closest && ev.target.closest("[data-quote-ref]");
    if (ref && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); show(ref.getAttribute("data-quote-ref"), true); }
  });
  if (location.hash && cards[decodeURIComponent(location.hash.slice(1))]) {
    show(decodeURIComponent(location.hash.slice(1)), true);
  }
}());

/* sopdoc: search and filters of the catalog index, on the static files alone.
   The index (window.SOPDOC_CARI) comes from cari.js, a <script>, not fetch():
   Chromium refuses fetch() of a local file, and the catalog must work from file://. */
(function () {
  "use strict";
  var index = window.SOPDOC_CARI || { k: [], p: [] };
  var teks = window.SOPDOC_TEKS || {};
  var STOP = {};
  (teks.stop || []).forEach(function (w) { STOP[w] = true; });
  var form = document.getElementById("cari");
  var input = document.getElementById("q");
  var unit = document.getElementById("unit");
  var status = document.getElementById("status");
  var jumlah = document.getElementById("jumlah");
  var tbody = document.querySelector("table.daftar tbody");
  if (!form || !tbody) { return; }
  var rows = Array.prototype.slice.call(tbody.rows);
  var original = rows.slice();

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(function (w) {
      return w.length > 1 && !STOP[w];
    });
  }
  function lowerBound(word) {
    var lo = 0, hi = index.k.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (index.k[mid] < word) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }
  /* SOP row -> score, for the SOPs that have every query word (as a word's prefix) */
  function search(query) {
    var terms = words(query);
    if (!terms.length) { return null; }
    var total = null;
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t], best = {};
      for (var i = lowerBound(term); i < index.k.length && index.k[i].lastIndexOf(term, 0) === 0; i++) {
        var exact = index.k[i] === term ? 1.5 : 1;
        var p = index.p[i];
        for (var j = 0; j < p.length; j += 2) {
          var s = p[j + 1] * exact;
          if (!(best[p[j]] >= s)) { best[p[j]] = s; }
        }
      }
      if (total === null) {
        total = best;
      } else {
        var next = {};
        for (var d in total) { if (best[d] !== undefined) { next[d] = total[d] + best[d]; } }
        total = next;
      }
    }
    return total;
  }
  function update() {
    var started = performance.now();
    var scores = search(input.value);
    var u = unit ? unit.value : "", st = status ? status.value : "";
    var shown = [];
    original.forEach(function (row, i) {
      var ok = (!u || row.dataset.unit === u) && (!st || row.dataset.status === st) &&
        (scores === null || scores[i] !== undefined);
      row.hidden = !ok;
      if (ok) { shown.push([scores === null ? 0 : -scores[i], i, row]); }
    });
    if (scores !== null) {
      shown.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    }
    var order = scores === null ? original : shown.map(function (s) { return s[2]; });
    var frag = document.createDocumentFragment();
    order.forEach(function (row) { frag.appendChild(row); });
    original.forEach(function (row) { if (row.hidden) { frag.appendChild(row); } });
    tbody.appendChild(frag);
    var n = shown.length;
    jumlah.textContent = (n === original.length && scores === null && !u && !st)
      ? (teks.semua || "").replace("{n}", n)
      : (n ? (teks.ditemukan || "").replace("{n}", n) : (teks.kosong || ""));
    document.body.dataset.waktuCari = (performance.now() - started).toFixed(2);
    var url = new URL(window.location.href);
    url.searchParams.delete("q"); url.searchParams.delete("unit"); url.searchParams.delete("status");
    if (input.value) { url.searchParams.set("q", input.value); }
    if (u) { url.searchParams.set("unit", u); }
    if (st) { url.searchParams.set("status", st); }
    try { history.replaceState(null, "", url.href); } catch (e) { /* file:// in some browsers */ }
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); }
  if (unit && params.get("unit")) { unit.value = params.get("unit"); }
  if (status && params.get("status")) { status.value = params.get("status"); }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); update(); });
  input.addEventListener("input", update);
  if (unit) { unit.addEventListener("change", update); }
  if (status) { status.addEventListener("change", update); }
  form.hidden = false;
  update();
  window.sopdocCari = search;
})();

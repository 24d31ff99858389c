"use strict";
// The report is data, never markup: every string from the analysed code is
// set with textContent, so nothing in it can become HTML or script.
(function () {
  var R = JSON.parse(document.getElementById("report-data").textContent);
  var byName = {}, unitOwners = {};
  ((R.history || {}).unitOwners || []).forEach(function (o) { unitOwners[o.unit] = o; });
  R.contexts.forEach(function (c) { byName[c.name] = c; });
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function short(s) { return R.module && s.indexOf(R.module + "/") === 0 ? s.slice(R.module.length + 1) : s; }
  function table(head, rows) {
    var t = el("table"), tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", h)); });
    t.appendChild(tr);
    rows.forEach(function (r) {
      var row = el("tr");
      r.forEach(function (c) { if (c instanceof Node) { var td = el("td"); td.appendChild(c); row.appendChild(td); } else row.appendChild(el("td", c)); });
      t.appendChild(row);
    });
    return t;
  }
  function code(s) { return el("code", s); }
  var details = document.getElementById("details");
  // The map: one edge per context pair; the strongest N shown, or, with a
  // context selected, its edges and neighbours highlighted.
  var edges = Array.prototype.slice.call(document.querySelectorAll("#map .edge"));
  var nodes = Array.prototype.slice.call(document.querySelectorAll("#map .node"));
  var mapSection = document.getElementById("map-section");
  var topInput = document.getElementById("edge-top"), topLabel = document.getElementById("edge-top-label");
  var selected = null;
  function neighbours(name) {
    var out = {};
    edges.forEach(function (e) {
      var a = e.getAttribute("data-a"), b = e.getAttribute("data-b");
      if (a === name) out[b] = true;
      if (b === name) out[a] = true;
    });
    return out;
  }
  function drawMap() {
    var top = Number(topInput.value);
    topLabel.textContent = top + " of " + edges.length;
    var near = selected ? neighbours(selected) : null;
    edges.forEach(function (e) {
      var mine = selected && (e.getAttribute("data-a") === selected || e.getAttribute("data-b") === selected);
      var strong = Number(e.getAttribute("data-rank")) < top;
      e.classList.toggle("off", !mine && !strong);
      e.classList.toggle("hl", !!mine);
      e.classList.toggle("faint", !!selected && !mine);
    });
    nodes.forEach(function (n) {
      var c = n.getAttribute("data-context");
      n.classList.toggle("selected", c === selected);
      n.classList.toggle("neighbour", !!near && !!near[c]);
      n.classList.toggle("dim", !!near && c !== selected && !near[c]);
    });
    document.querySelectorAll("#matrix th.row, #matrix th.col").forEach(function (th) {
      var c = th.getAttribute("data-context");
      th.classList.toggle("sel", c === selected);
      th.classList.toggle("near", !!near && !!near[c]);
    });
  }
  topInput.addEventListener("input", drawMap);
  function clear() { selected = null; drawMap(); overview(); }
  document.getElementById("map-bg").addEventListener("click", clear);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { if (!results.hidden) results.hidden = true; else clear(); }
  });
  function show(name) {
    var c = byName[name];
    if (!c) return;
    selected = name;
    drawMap();
    details.replaceChildren(el("h2", "Context " + c.name));
    details.appendChild(el("p", c.lines + " lines, " + c.units.length + " units, cohesion " + c.cohesion + ", interface " + c.interface + " (" + c.nameReason + ")"));
    if (c.modules && c.modules.length) {
      details.appendChild(el("p", "Modules: " + c.modules.map(function (m) {
        return m.name + " (" + m.units.length + (m.units.length === 1 ? " unit" : " units") + (m.why ? ": " + m.why : "") + ")";
      }).join("; ")));
    }
    // Its coupling by pair, strongest first, before the members.
    ["out", "in"].forEach(function (dir) {
      var w = {}, kinds = {};
      R.dependencies.forEach(function (d) {
        var other = dir === "out" ? (d.from === name ? d.to : null) : (d.to === name ? d.from : null);
        if (other === null) return;
        w[other] = (w[other] || 0) + d.count;
        (kinds[other] = kinds[other] || []).push(d.kind + " " + d.count);
      });
      var others = Object.keys(w).sort(function (a, b) { return w[b] - w[a] || (a < b ? -1 : 1); });
      if (!others.length) return;
      details.appendChild(el("h3", (dir === "out" ? "Depends on " : "Depended on by ") + others.length + " contexts"));
      details.appendChild(table(["context", "weight", "kinds"], others.map(function (o) {
        var a = el("a", o);
        a.href = "#";
        a.addEventListener("click", function (e) { e.preventDefault(); show(o); });
        return [a, w[o], kinds[o].join(", ")];
      })));
    });
    if (R.history && R.history.owners) {
      var own = R.history.owners.filter(function (o) { return o.context === name; })[0];
      var tog = R.history.together.filter(function (c) { return c.a === name || c.b === name; });
      if (own) details.appendChild(el("p", "History: " + own.commits + " commits, main authors " + own.top.map(function (a) { return a.author + " " + Math.round(100 * a.share) + "%"; }).join(", ") + " (spread " + own.spread + ")" +
        (tog.length ? "; changes together with " + tog.map(function (c) { return (c.a === name ? c.b : c.a) + " (" + c.commits + ")"; }).join(", ") : "")));
    }
    details.appendChild(el("h3", "Members"));
    var ul = el("ul", null, "members");
    c.units.forEach(function (u) {
      // A click on a unit shows why it is here (decomp explain UNIT says more).
      var li = el("li"), d = el("details"), s = el("summary");
      s.appendChild(code(short(u.id))); s.appendChild(document.createTextNode(" " + u.kind + ", " + u.lines + " lines, confidence " + u.confidence));
      d.appendChild(s); d.appendChild(el("p", u.reason || ""));
      var uo = unitOwners[u.id];
      if (uo) d.appendChild(el("p", "History: " + uo.commits + " commits, " + uo.top.map(function (a) { return a.author + " " + Math.round(100 * a.share) + "%"; }).join(", "))); li.appendChild(d); ul.appendChild(li);
    });
    details.appendChild(ul);
    if (c.tables && c.tables.length) { details.appendChild(el("h3", "Tables")); details.appendChild(el("p", c.tables.join(", "))); }
    var models = (R.oversizedModels || []).filter(function (m) { return m.contexts.some(function (x) { return x.name === name; }); });
    if (models.length) {
      details.appendChild(el("h3", "Oversized models it uses"));
      details.appendChild(el("p", models.map(function (m) { return short(m.type) + " (" + m.fields + " fields)"; }).join(", ")));
    }
    ["out", "in"].forEach(function (dir) {
      var deps = R.dependencies.filter(function (d) { return dir === "out" ? d.from === name : d.to === name; });
      if (!deps.length) return;
      details.appendChild(el("h3", dir === "out" ? "Evidence: what it uses" : "Evidence: what uses it"));
      details.appendChild(table(["context", "kind", "count", "evidence"], deps.map(function (d) {
        return [dir === "out" ? d.to : d.from, d.kind, d.count, (d.evidence || []).slice(0, 6).join(" ")];
      })));
    });
    details.scrollTop = 0;
  }
  document.querySelectorAll(".node").forEach(function (n) {
    n.addEventListener("click", function () { show(n.getAttribute("data-context")); });
    n.addEventListener("keydown", function (e) { if (e.key === "Enter") show(n.getAttribute("data-context")); });
  });
  // Search over units, tables and contexts.
  var results = document.getElementById("results"), list = document.getElementById("result-list");
  var index = [];
  R.contexts.forEach(function (c) {
    index.push({ text: c.name, ctx: c.name, what: "context" });
    c.units.forEach(function (u) { index.push({ text: short(u.id), ctx: c.name, what: "unit" }); });
    (c.tables || []).forEach(function (t) { index.push({ text: t, ctx: c.name, what: "table" }); });
  });
  var search = document.getElementById("search");
  search.addEventListener("input", function (e) {
    var q = e.target.value.trim().toLowerCase();
    list.replaceChildren();
    results.hidden = q === "";
    var hits = q === "" ? [] : index.filter(function (x) { return x.text.toLowerCase().indexOf(q) >= 0; });
    if (q !== "" && !hits.length) list.appendChild(el("li", "Nothing matches.", "hint"));
    hits.slice(0, 200).forEach(function (h) {
      var li = el("li"), a = el("a", h.text);
      a.tabIndex = 0;
      function pick() { show(h.ctx); results.hidden = true; document.getElementById("top").scrollIntoView({ block: "start" }); }
      a.addEventListener("click", pick);
      a.addEventListener("keydown", function (ev) { if (ev.key === "Enter") pick(); });
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + h.what + " in " + h.ctx));
      list.appendChild(li);
    });
    if (hits.length > 200) list.appendChild(el("li", "… " + (hits.length - 200) + " more"));
  });
  search.addEventListener("focus", function () { if (search.value.trim() !== "") results.hidden = false; });
  document.addEventListener("click", function (e) { if (!document.getElementById("search-box").contains(e.target)) results.hidden = true; });
  document.getElementById("filter").addEventListener("change", function (e) {
    ["tables", "models", "plan", "history"].forEach(function (id) { document.getElementById(id).hidden = e.target.value !== "" && e.target.value !== id; });
    if (e.target.value) document.getElementById(e.target.value).scrollIntoView({ block: "start" });
  });
  // Platform.
  var pb = document.getElementById("platform-body");
  pb.appendChild(table(["folder", "role", "lines", "why"], (R.platform || []).map(function (g) { return [code(g.folder), g.role, g.lines, g.why]; })));
  // Shared tables.
  var tb = document.getElementById("tables-body");
  if (!(R.sharedTables || []).length) tb.appendChild(el("p", "No table is shared by two contexts.", "hint"));
  else tb.appendChild(table(["table", "severity", "writers", "readers", "owner", "recommendations"], R.sharedTables.map(function (t) {
    return [code(t.table), t.severity, (t.writers || []).join(", "), (t.readers || []).join(", "), t.owner.name, (t.recommendations || []).map(function (r) { return r.context.name + ": " + r.text; }).join(" · ")];
  })));
  // Oversized models: field × context heat map.
  var mb = document.getElementById("models-body");
  if (!(R.oversizedModels || []).length) mb.appendChild(el("p", "No oversized model.", "hint"));
  (R.oversizedModels || []).forEach(function (m) {
    mb.appendChild(el("h3", short(m.type) + ": " + m.fields + " fields, " + m.contexts.length + " contexts"));
    var t = el("table", null, "heat"), head = el("tr");
    head.appendChild(el("th", "field"));
    m.contexts.forEach(function (c) { head.appendChild(el("th", c.name)); });
    t.appendChild(head);
    m.matrix.forEach(function (row) {
      var tr = el("tr");
      tr.appendChild(el("td", row.label));
      m.contexts.forEach(function (c) {
        var u = (row.uses || []).filter(function (x) { return x.context === c.name; })[0];
        var mode = u ? u.mode : "";
        var td = el("td", mode, mode);
        td.title = mode === "rw" ? "reads and writes" : mode === "w" ? "writes" : mode === "r" ? "reads" : "";
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
    mb.appendChild(t);
  });
  // History: contexts that change together, owners.
  var hb = document.getElementById("history-body"), H = R.history;
  if (!H) hb.appendChild(el("p", "Not read (--history off).", "hint"));
  else if (!H.head) hb.appendChild(el("p", "None: " + H.note + ".", "hint"));
  else {
    hb.appendChild(el("p", H.commits + " commits by " + H.authors + " authors (" + H.window + " up to " + H.head.slice(0, 12) + "); left out " + H.merges + " merges, " + H.bulk + " bulk commits, " + H.bots + " by bots." + (H.note ? " " + H.note : "")));
    if (H.together.length) hb.appendChild(table(["contexts that change together", "commits", "share of either's", "e.g."], H.together.map(function (c) {
      var e = (c.examples || [])[0];
      return [c.a + " + " + c.b, c.commits, Math.round(100 * c.share) + "%", e ? e.hash.slice(0, 8) + " " + e.subject : ""];
    })));
    if (H.owners.length) hb.appendChild(table(["context", "commits", "spread", "main authors"], H.owners.map(function (o) {
      return [o.context, o.commits, o.spread, o.top.map(function (a) { return a.author + " " + Math.round(100 * a.share) + "%"; }).join(", ")];
    })));
    H.samePeople.forEach(function (g) { hb.appendChild(el("p", "Changed by the same people (" + g.authors.join(", ") + "): " + g.contexts.join(", "))); });
    if (H.pulled.length) hb.appendChild(table(["unit whose history ties it elsewhere", "context", "changes with", "commits"], H.pulled.map(function (u) {
      return [code(short(u.unit)), u.context, u.other, u.commits];
    })));
  }
  // Plan: the ordered summary first, each step folded and built when opened.
  var plb = document.getElementById("plan-body");
  var P = R.plan;
  function stepBody(s, box) {
    box.appendChild(el("p", s.why));
    if ((s.patterns || []).length) box.appendChild(el("p", "Patterns: " + s.patterns.join("; ")));
    if ((s.seam.methods || []).length) {
      box.appendChild(el("p", "Seam: interface " + s.seam.interface + " in " + s.seam.package));
      box.appendChild(el("pre", s.seam.methods.map(function (m) { return m.name + m.signature; }).join("\n")));
    }
    if ((s.seam.outside || []).length) box.appendChild(table(["kept out of the seam", "why"], s.seam.outside.map(function (b) { return [code(short(b.target)), b.reason]; })));
    if ((s.callers || []).length) box.appendChild(table(["where", "caller", "context", "calls"], s.callers.map(function (c) { return [c.pos, code(short(c.from)), c.fromContext, c.moveFirst ? short(c.to) + " (move first: " + c.moveFirst + ")" : code(short(c.to))]; })));
    if ((s.routes || []).length) box.appendChild(table(["method", "path", "handler"], s.routes.map(function (r) { return [r.method || "ANY", code(r.path), code(short(r.handler))]; })));
    if ((s.transactions || []).length) box.appendChild(table(["transaction", "where", "tables", "contexts", "replace with"], s.transactions.map(function (t) { return [code(short(t.func)), t.pos, t.tables.join(", "), t.contexts.join(", "), t.replace]; })));
    (s.risks || []).forEach(function (r) { box.appendChild(el("p", "Risk: " + r)); });
  }
  if (!P || !P.steps.length) plb.appendChild(el("p", "No plan.", "hint"));
  else {
    plb.appendChild(el("p", P.steps.length + " steps, " + P.order + ". Effort = " + P.formula));
    var steps = [];
    var sum = table(["step", "context", "effort", "callers", "calls out", "type uses in+out", "seam methods", "tables", "routes", "risks"], P.steps.map(function (s) {
      var c = s.context + ((s.with || []).length ? " (with " + s.with.join(", ") + ")" : "");
      return [s.n, c, s.effort.score, s.effort.callers, s.effort.callsOut, s.effort.usesIn + "+" + s.effort.usesOut, s.effort.seamMethods, (s.data || []).length, (s.routes || []).length, (s.risks || []).length];
    }));
    sum.id = "plan-summary";
    plb.appendChild(sum);
    (P.folded || []).forEach(function (f) {
      plb.appendChild(el("p", "No step: " + f.context + " goes with " + (f.into ? "the step of " + f.into : "the platform") + " (" + f.reason + ")", "hint"));
    });
    P.steps.forEach(function (s, i) {
      var d = el("details", null, "step"), sm = el("summary", "Step " + s.n + ": wall off " + s.context + " (effort " + s.effort.score + ", " + s.effort.callers + " callers)");
      d.id = "step-" + s.n;
      d.appendChild(sm);
      function fill() { if (d.children.length === 1) stepBody(s, d); }
      d.addEventListener("toggle", function () { if (d.open) fill(); });
      plb.appendChild(d);
      steps.push(d);
      sum.rows[i + 1].addEventListener("click", function () { fill(); d.open = true; d.scrollIntoView({ block: "start" }); });
    });
  }
  // The matrix: rows depend on columns, each cell the pair's weight.
  var matrix = document.getElementById("matrix"), built = false;
  function buildMatrix() {
    if (built) return;
    built = true;
    var w = {}, maxW = 1;
    R.dependencies.forEach(function (d) { var k = d.from + "\u0000" + d.to; w[k] = (w[k] || 0) + d.count; maxW = Math.max(maxW, w[k]); });
    var t = el("table", null, "matrix"), head = el("tr");
    head.appendChild(el("th", "depends on →"));
    R.contexts.forEach(function (c) { var th = el("th", c.name, "col"); th.setAttribute("data-context", c.name); head.appendChild(th); });
    t.appendChild(head);
    R.contexts.forEach(function (from) {
      var tr = el("tr"), th = el("th", from.name, "row");
      th.setAttribute("data-context", from.name);
      th.addEventListener("click", function () { show(from.name); });
      tr.appendChild(th);
      R.contexts.forEach(function (to) {
        var v = w[from.name + "\u0000" + to.name] || 0, td = el("td", v ? v : "");
        if (v) {
          td.style.background = "rgba(59,111,216," + (0.08 + 0.8 * Math.sqrt(v / maxW)).toFixed(2) + ")";
          td.title = from.name + " → " + to.name + ": " + v;
          td.addEventListener("click", function () { show(from.name); });
        }
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
    matrix.appendChild(t);
  }
  function view(which) {
    var m = which === "matrix";
    if (m) buildMatrix();
    matrix.hidden = !m;
    document.getElementById("map").style.display = m ? "none" : "";
    document.getElementById("view-map").setAttribute("aria-pressed", String(!m));
    document.getElementById("view-matrix").setAttribute("aria-pressed", String(m));
    drawMap();
  }
  document.getElementById("view-map").addEventListener("click", function () { view("map"); });
  document.getElementById("view-matrix").addEventListener("click", function () { view("matrix"); });
  // The header's height, for the panels that fill the rest of the screen.
  function fit() { document.documentElement.style.setProperty("--hh", document.querySelector("header").offsetHeight + "px"); }
  window.addEventListener("resize", fit);
  fit();
  view(mapSection.getAttribute("data-default-view") || "map");
  // Until a context is picked, the panel lists them all.
  function overview() {
    details.replaceChildren(el("h2", R.contexts.length + " contexts"));
    details.appendChild(el("p", "Click a context on the map or in this list, or search.", "hint"));
    details.appendChild(table(["context", "lines", "units", "cohesion", "tables"], R.contexts.map(function (c) {
      var a = el("a", c.name);
      a.href = "#";
      a.addEventListener("click", function (e) { e.preventDefault(); show(c.name); });
      return [a, c.lines, c.units.length, c.cohesion, (c.tables || []).length];
    })));
  }
  overview();
})();

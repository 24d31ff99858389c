"use strict";
// The report is data, never markup: every string from the analysed code is
// set with textContent, so nothing in it can become HTML or script.
(function () {
  var R = JSON.parse(document.getElementById("report-data").textContent);
  var byName = {};
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
  function show(name) {
    var c = byName[name];
    if (!c) return;
    document.querySelectorAll(".node").forEach(function (n) { n.classList.toggle("selected", n.getAttribute("data-context") === name); });
    details.replaceChildren(el("h2", "Context " + c.name));
    details.appendChild(el("p", c.lines + " lines, " + c.units.length + " units, cohesion " + c.cohesion + ", interface " + c.interface + " (" + c.nameReason + ")"));
    details.appendChild(el("h3", "Members"));
    var ul = el("ul", null, "members");
    c.units.forEach(function (u) {
      // A click on a unit shows why it is here (decomp explain UNIT says more).
      var li = el("li"), d = el("details"), s = el("summary");
      s.appendChild(code(short(u.id))); s.appendChild(document.createTextNode(" " + u.kind + ", " + u.lines + " lines, confidence " + u.confidence));
      d.appendChild(s); d.appendChild(el("p", u.reason || "")); li.appendChild(d); ul.appendChild(li);
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
      details.appendChild(el("h3", dir === "out" ? "Depends on" : "Depended on by"));
      details.appendChild(table(["context", "kind", "count", "evidence"], deps.map(function (d) {
        return [dir === "out" ? d.to : d.from, d.kind, d.count, (d.evidence || []).slice(0, 6).join(" ")];
      })));
    });
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
  document.getElementById("search").addEventListener("input", function (e) {
    var q = e.target.value.trim().toLowerCase();
    list.replaceChildren();
    results.hidden = q === "";
    var hits = q === "" ? [] : index.filter(function (x) { return x.text.toLowerCase().indexOf(q) >= 0; });
    var ctxs = {};
    hits.slice(0, 200).forEach(function (h) {
      ctxs[h.ctx] = true;
      var li = el("li"), a = el("a", h.text);
      a.href = "#details";
      a.addEventListener("click", function () { show(h.ctx); });
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + h.what + " in " + h.ctx));
      list.appendChild(li);
    });
    if (hits.length > 200) list.appendChild(el("li", "… " + (hits.length - 200) + " more"));
    document.querySelectorAll(".node").forEach(function (n) { n.classList.toggle("dim", q !== "" && !ctxs[n.getAttribute("data-context")]); });
  });
  document.getElementById("filter").addEventListener("change", function (e) {
    ["tables", "models", "plan"].forEach(function (id) { document.getElementById(id).hidden = e.target.value !== "" && e.target.value !== id; });
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
  // Plan.
  var plb = document.getElementById("plan-body");
  var P = R.plan;
  if (!P || !P.steps.length) plb.appendChild(el("p", "No plan.", "hint"));
  else {
    plb.appendChild(el("p", P.steps.length + " steps, " + P.order + ". Effort = " + P.formula));
    var ol = el("ol");
    P.steps.forEach(function (s) {
      var li = el("li");
      li.appendChild(el("strong", "Wall off " + s.context + " (effort " + s.effort.score + ")"));
      li.appendChild(el("p", s.why));
      if ((s.patterns || []).length) li.appendChild(el("p", "Patterns: " + s.patterns.join("; ")));
      if ((s.seam.methods || []).length) {
        li.appendChild(el("p", "Seam: interface " + s.seam.interface));
        li.appendChild(el("pre", s.seam.methods.map(function (m) { return m.name + m.signature; }).join("\n")));
      }
      if ((s.callers || []).length) li.appendChild(table(["where", "caller", "context", "calls"], s.callers.map(function (c) { return [c.pos, code(short(c.from)), c.fromContext, code(short(c.to))]; })));
      if ((s.routes || []).length) li.appendChild(table(["method", "path", "handler"], s.routes.map(function (r) { return [r.method || "ANY", code(r.path), code(short(r.handler))]; })));
      (s.risks || []).forEach(function (r) { li.appendChild(el("p", "Risk: " + r)); });
      ol.appendChild(li);
    });
    plb.appendChild(ol);
  }
  if (R.contexts.length) show(R.contexts[0].name);
})();

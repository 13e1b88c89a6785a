// Tasks and indicators of one plan, a locality or all plans, filtered by unit and due year;
// both tables download as CSV or XLSX with the same filters; one indicator charted across plans.
"use strict";

(function () {
  const { $, el, svg, setStatus, api, linesText, planHref, planNumberText, shorten } = window.planqa;

  function filters() {
    const scope = $("scope").value;
    const params = new URLSearchParams();
    if (scope.startsWith("doc:")) params.set("doc_id", scope.slice(4));
    if (scope.startsWith("loc:")) params.set("locality", scope.slice(4));
    if ($("unit").value.trim()) params.set("unit", $("unit").value.trim());
    if ($("year").value.trim()) params.set("year", $("year").value.trim());
    if (!$("recurring").checked) params.set("recurring", "false");
    if ($("partners").checked) params.set("partners", "true");
    return params;
  }

  function withFormat(params, format, drop) {
    const p = new URLSearchParams(params);
    for (const key of drop || []) p.delete(key);
    p.set("format", format);
    return p.toString();
  }

  function sourceCell(row) {
    const name = (row.plan.locality ? row.plan.locality + " · " : "") + planNumberText(row.plan.kind, row.plan.cited_number);
    return el("td", { class: "src" }, [
      el("a", { href: planHref(row.plan.doc_id, row.lines), text: linesText(row.lines),
                title: row.plan.title || row.plan.source }),
      el("div", { class: "meta", text: name }),
    ]);
  }

  function leadCell(row) {
    const td = el("td", null, [row.lead || "—"]);
    if (row.lead_source) td.append(el("div", { class: "meta", text: "(" + row.lead_source.mechanism + ")" }));
    return td;
  }

  function renderTasks(rows) {
    const body = $("tasks").tBodies[0];
    body.replaceChildren(...rows.map((r) => el("tr", null, [
      el("td", null, [r.text, r.section ? el("div", { class: "meta", text: shorten(r.section, 120) }) : null]),
      leadCell(r),
      el("td", { text: r.partners || "—" }),
      el("td", { text: r.deadline ? r.deadline + (r.recurring ? "" : "") : "—" }),
      el("td", { text: r.product || "—" }),
      sourceCell(r),
    ])));
    if (!rows.length) body.append(el("tr", null, [el("td", { colSpan: 6, text: "Không có nhiệm vụ nào theo bộ lọc này." })]));
    $("task-count").textContent = "(" + rows.length + ")";
  }

  function renderIndicators(rows) {
    const body = $("indicators").tBodies[0];
    body.replaceChildren(...rows.map((r) => {
      const cmp = el("button", { type: "button", class: "link-button", text: "So sánh",
                                 "aria-label": "So sánh chỉ tiêu: " + shorten(r.name, 60) });
      cmp.addEventListener("click", () => compare({ clause_id: r.clause_id }));
      return el("tr", null, [
        el("td", { text: r.name }),
        el("td", { text: r.target.text }),
        el("td", { text: r.target.unit || "—" }),
        el("td", { text: r.year || "—" }),
        leadCell(r),
        sourceCell(r),
        el("td", null, [cmp]),
      ]);
    }));
    if (!rows.length) body.append(el("tr", null, [el("td", { colSpan: 7, text: "Không có chỉ tiêu nào theo bộ lọc này." })]));
    $("ind-count").textContent = "(" + rows.length + ")";
  }

  async function refresh(push) {
    const params = filters();
    const indParams = new URLSearchParams(params);
    for (const key of ["recurring", "partners"]) indParams.delete(key);
    $("tasks-csv").href = "/catalog/tasks?" + withFormat(params, "csv");
    $("tasks-xlsx").href = "/catalog/tasks?" + withFormat(params, "xlsx");
    $("ind-csv").href = "/catalog/indicators?" + withFormat(indParams, "csv");
    $("ind-xlsx").href = "/catalog/indicators?" + withFormat(indParams, "xlsx");
    if (push) history.replaceState(null, "", "/tasks" + (params.toString() ? "?" + params : ""));
    setStatus("Đang lọc…");
    try {
      const [tasks, indicators] = await Promise.all([
        api("/catalog/tasks?" + params), api("/catalog/indicators?" + indParams)]);
      renderTasks(tasks);
      renderIndicators(indicators);
      setStatus(tasks.length + " nhiệm vụ, " + indicators.length + " chỉ tiêu.");
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  // Horizontal bars, one per plan, drawn as inline SVG (no chart library, no CDN)
  function drawChart(data) {
    const box = $("chart");
    box.replaceChildren();
    if (!data.points.length) {
      box.append(el("p", { text: "Không kế hoạch nào đặt chỉ tiêu này bằng số liệu." }));
      return;
    }
    const unit = data.unit || "";
    const max = Math.max(...data.points.map((p) => p.value), 0) || 1;
    const barH = 36, gap = 12, labelW = 230, width = 680, valueW = 90;
    const height = data.points.length * (barH + gap) + gap;
    const title = "So sánh: " + shorten(data.query, 80) + (unit ? " (" + unit + ")" : "");
    const chart = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", class: "bars",
                               "aria-labelledby": "chart-title chart-desc" }, [
      svg("title", { id: "chart-title", text: title }),
      svg("desc", { id: "chart-desc", text: data.points.map((p) =>
        (p.plan.locality || p.plan.title) + " (" + planNumberText(p.plan.kind, p.plan.cited_number) + "): " +
        p.target.text).join("; ") }),
    ]);
    data.points.forEach((p, i) => {
      const y = gap + i * (barH + gap);
      const w = Math.max(2, (width - labelW - valueW) * p.value / max);
      // two lines: the locality, then which of its plans (a locality may have several)
      chart.append(
        svg("text", { x: labelW - 8, y: y + 15, "text-anchor": "end", class: "bar-label",
                      text: shorten(p.plan.locality || p.plan.title || p.plan.source, 28) }),
        svg("text", { x: labelW - 8, y: y + 31, "text-anchor": "end", class: "bar-plan",
                      text: shorten(planNumberText(p.plan.kind, p.plan.cited_number), 34) }),
        svg("rect", { x: labelW, y: y, width: w, height: barH, rx: 3, class: "bar" }, [
          svg("title", { text: p.name + " — " + p.target.text }),
        ]),
        svg("text", { x: labelW + w + 6, y: y + barH / 2 + 5, class: "bar-value",
                      text: p.value.toLocaleString("vi-VN") + (unit ? " " + unit : "") }));
    });
    box.append(el("h3", { text: title }), chart);
    const list = el("ul", { class: "chart-sources" }, data.points.map((p) => el("li", null, [
      el("a", { href: planHref(p.plan.doc_id, p.lines),
                text: (p.plan.locality ? p.plan.locality + ": " : "") + shorten(p.name, 110) }),
      " — " + p.target.text,
    ])));
    box.append(list);
    if (data.other_units.length) {
      box.append(el("p", { class: "meta", text: "Không vẽ (đơn vị khác): " + data.other_units.map((p) =>
        (p.plan.locality || p.plan.title) + " — " + p.target.text).join("; ") }));
    }
  }

  async function compare(query) {
    setStatus("Đang so sánh…");
    try {
      const data = await api(query.clause_id ? "/catalog/compare/" + encodeURIComponent(query.clause_id)
                                             : "/catalog/compare?" + new URLSearchParams(query));
      drawChart(data);
      if (query.clause_id) $("compare-q").value = data.query;
      setStatus("So sánh " + data.points.length + " kế hoạch.");
      $("chart").scrollIntoView({ behavior: "smooth", block: "nearest" });
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  async function loadScopes() {
    const docs = await api("/documents");
    const select = $("scope");
    const localities = [...new Set(docs.map((d) => d.locality && d.locality.label).filter(Boolean))].sort();
    const byLoc = el("optgroup", { label: "Địa phương" }, localities.map((l) => el("option", { value: "loc:" + l, text: l })));
    const byPlan = el("optgroup", { label: "Kế hoạch" }, docs.map((d) => el("option", {
      value: "doc:" + d.id,
      text: (d.locality && d.locality.label ? d.locality.label + " — " : "") + shorten(d.title || d.source, 70) })));
    select.append(byLoc, byPlan);
  }

  async function loadUnits() {
    try {
      const units = await api("/catalog/units");
      $("unit-list").replaceChildren(...units.map((u) => el("option", { value: u })));
    } catch (err) {
      /* the list only helps typing */
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const q = new URLSearchParams(location.search);
    try {
      await loadScopes();
    } catch (err) {
      setStatus(err.message, true);
    }
    if (q.get("doc_id")) $("scope").value = "doc:" + q.get("doc_id");
    else if (q.get("locality")) $("scope").value = "loc:" + q.get("locality");
    $("unit").value = q.get("unit") || "";
    $("year").value = q.get("year") || "";
    $("recurring").checked = q.get("recurring") !== "false";
    $("partners").checked = q.get("partners") === "true";
    $("filters").addEventListener("submit", (event) => {
      event.preventDefault();
      refresh(true);
    });
    $("clear").addEventListener("click", () => {
      $("filters").reset();
      refresh(true);
    });
    $("compare-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const value = $("compare-q").value.trim();
      if (value) compare({ q: value });
      else setStatus("Nhập tên chỉ tiêu để so sánh.", true);
    });
    loadUnits();
    refresh(false);
  });
})();

// Plan viewer: the whole plan clause by clause; "#L120-L124" highlights the cited lines and
// scrolls to them, with their section path and the clauses around them in view.
"use strict";

(function () {
  const { $, el, setStatus, api, linesText, lineAnchor, planNumberText, fact, targetText, planHref } = window.planqa;
  let clauses = [];
  let hits = [];
  let docId = "";

  function parseHash() {
    const m = /^#L(\d+)(?:-L?(\d+))?$/.exec(location.hash);
    if (!m) return null;
    const a = parseInt(m[1], 10);
    const b = m[2] ? parseInt(m[2], 10) : a;
    return [Math.min(a, b), Math.max(a, b)];
  }

  function renderClause(c, i) {
    const [a, b] = c.lines;
    const heading = c.kind === "heading";
    const item = el("li", { class: "pc kind-" + c.kind, id: "c-" + i, "data-start": a, "data-end": b });
    const gutter = el("a", { class: "ln", href: lineAnchor(c.lines), text: b !== a ? a + "–" + b : String(a),
                             "aria-label": linesText(c.lines) + ", liên kết tới đoạn này" });
    const body = el("div", { class: "pc-body" });
    body.append(el(heading ? "strong" : "span", { class: "pc-text", text: c.text }));
    const dl = el("dl", { class: "facts inline" });
    fact(dl, "Chủ trì", c.lead);
    fact(dl, "Phối hợp", c.partners);
    fact(dl, "Chỉ tiêu", targetText(c.target));
    fact(dl, "Thời hạn", c.deadline);
    fact(dl, "Sản phẩm", c.product);
    if (c.lead_source) {
      const src = c.lead_source;
      fact(dl, "Chủ trì đọc từ", src.lines
        ? el("a", { href: lineAnchor(src.lines), text: src.mechanism + " (" + linesText(src.lines) + ")" })
        : src.mechanism);
    }
    if (dl.children.length && !heading) body.append(dl);
    item.append(gutter, body);
    return item;
  }

  function highlight() {
    for (const node of document.querySelectorAll(".pc.hit")) {
      node.classList.remove("hit");
      node.removeAttribute("aria-current");
    }
    const range = parseHash();
    const cited = $("cited");
    hits = [];
    if (!range) {
      cited.hidden = true;
      return;
    }
    clauses.forEach((c, i) => {
      if (c.lines[1] >= range[0] && c.lines[0] <= range[1]) hits.push(i);
    });
    if (hits.length === 0) {
      cited.hidden = true;
      setStatus("Kế hoạch không có " + linesText(range) + ".", true);
      return;
    }
    for (const i of hits) {
      $("c-" + i).classList.add("hit");
      $("c-" + i).setAttribute("aria-current", "true");
    }
    const first = clauses[hits[0]];
    const last = clauses[hits[hits.length - 1]];
    $("cited-where").textContent = linesText([first.lines[0], last.lines[1]]) +
      (first.section_path.length ? " — Mục: " + first.section_path.join(" › ") : "");
    $("prev-hit").disabled = hits[0] === 0;
    $("next-hit").disabled = hits[hits.length - 1] === clauses.length - 1;
    cited.hidden = false;
    setStatus("");
    $("c-" + hits[0]).scrollIntoView({ block: "center" });
  }

  function step(delta) {
    if (!hits.length) return;
    const i = delta < 0 ? hits[0] - 1 : hits[hits.length - 1] + 1;
    if (i < 0 || i >= clauses.length) return;
    location.hash = lineAnchor(clauses[i].lines);
  }

  async function load() {
    docId = decodeURIComponent(location.pathname.replace(/^\/plans\//, ""));
    try {
      const view = await api("/documents/" + encodeURIComponent(docId) + "/clauses");
      const d = view.document;
      document.title = (d.title || d.source) + " — planqa";
      $("plan-title").textContent = d.title || d.source;
      $("plan-locality").textContent = d.locality && d.locality.label ? d.locality.label : "";
      const meta = [planNumberText(d.kind, d.cited_number)];
      if (d.issuer) meta.push(d.issuer);
      if (d.date) meta.push(d.date);
      if (d.signer) meta.push("Người ký: " + d.signer);
      meta.push(d.clause_count + " điều khoản");
      $("plan-meta").textContent = meta.join(" · ");
      $("plan-links").replaceChildren(
        el("a", { href: "/tasks?doc_id=" + encodeURIComponent(d.id), text: "Nhiệm vụ và chỉ tiêu của kế hoạch này" }));
      clauses = view.clauses;
      $("plan-text").replaceChildren(...clauses.map(renderClause));
      highlight();
    } catch (err) {
      $("plan-title").textContent = "Không mở được kế hoạch";
      setStatus(err.message, true);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    window.addEventListener("hashchange", highlight);
    $("prev-hit").addEventListener("click", () => step(-1));
    $("next-hit").addEventListener("click", () => step(1));
    $("copy-link").addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(location.href);
        setStatus("Đã sao chép liên kết.");
      } catch (err) {
        setStatus("Liên kết: " + location.href);
      }
    });
    load();
  });
})();

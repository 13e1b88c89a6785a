// planqa web page: asks /ask, shows cited clauses, browses plan outlines.
// Every piece of data goes into the page through textContent, never parsed as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [key, value] of Object.entries(attrs)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === "text") node.textContent = String(value);
        else if (key === "class") node.className = value;
        else if (key.startsWith("data-")) node.setAttribute(key, String(value));
        else node[key] = value;
      }
    }
    for (const child of children || []) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function setStatus(message, isError) {
    const status = $("status");
    status.textContent = message || "";
    status.classList.toggle("error", Boolean(isError));
  }

  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, options);
    } catch (err) {
      throw new Error("Không kết nối được máy chủ.");
    }
    let body = null;
    try {
      body = await response.json();
    } catch (err) {
      body = null;
    }
    if (!response.ok) {
      let message = body && typeof body.detail === "string" ? body.detail : "Lỗi " + response.status;
      if (response.status === 429) {
        const wait = response.headers.get("Retry-After");
        if (wait && !(body && body.detail)) message = "Quá nhiều yêu cầu, thử lại sau " + wait + " giây.";
      }
      throw new Error(message);
    }
    return body;
  }

  function linesText(lines) {
    if (!Array.isArray(lines) || lines.length === 0) return "";
    const [a, b] = lines;
    return b && b !== a ? "dòng " + a + "–" + b : "dòng " + a;
  }

  function lastSection(section) {
    if (!section) return "";
    const parts = section.split(" › ");
    return parts[parts.length - 1];
  }

  function planName(c) {
    return c.locality || c.document || c.source;
  }

  function chipText(c) {
    const parts = [planName(c)];
    const sec = lastSection(c.section);
    if (sec) parts.push(sec.length > 40 ? sec.slice(0, 39) + "…" : sec);
    if (c.label) parts.push(c.label.trim());
    const lines = linesText(c.lines);
    if (lines) parts.push(lines);
    if (c.page) parts.push("tr. " + c.page);
    return parts.join(" · ");
  }

  function citationTitle(c) {
    const parts = [c.document || c.source, c.source];
    if (c.section) parts.push(c.section);
    if (c.locator) parts.push(c.locator);
    return parts.join("\n");
  }

  function fact(dl, term, value) {
    if (value === null || value === undefined || value === "") return;
    dl.append(el("dt", { text: term }), el("dd", { text: value }));
  }

  function targetText(t) {
    if (!t) return null;
    return t.text;
  }

  function renderResult(result, index) {
    const c = result.citation;
    const details = el("details", { class: "result", id: "result-" + index, "data-clause": c.clause_id });
    const summaryMeta = el("span", { class: "summary-meta" }, [
      el("span", { class: "chip", text: chipText(c), title: citationTitle(c) }),
      result.lead ? el("span", { class: "badge", text: "Chủ trì: " + result.lead }) : null,
    ]);
    const preview = result.text.length > 180 ? result.text.slice(0, 179) + "…" : result.text;
    details.append(el("summary", null, [el("span", { class: "summary-text", text: preview }), summaryMeta]));

    const body = el("div", { class: "result-body" });
    body.append(el("p", { class: "clause-text", text: result.text }));
    if (c.section) body.append(el("p", { class: "section-path", text: "Mục: " + c.section }));
    const dl = el("dl", { class: "facts" });
    fact(dl, "Kế hoạch", c.document || c.source);
    fact(dl, "Tệp", c.source + (c.lines ? " (" + linesText(c.lines) + ")" : ""));
    fact(dl, "Địa phương", c.locality);
    fact(dl, "Chủ trì", result.lead);
    fact(dl, "Phối hợp", result.partners);
    fact(dl, "Chỉ đạo", result.directed_by);
    fact(dl, "Chỉ tiêu", targetText(result.target));
    fact(dl, "Thời hạn", result.deadline);
    fact(dl, "Sản phẩm", result.product);
    fact(dl, result.lead_source && result.lead_source.inferred ? "Chủ trì suy ra từ" : "Chủ trì ghi tại",
         result.lead_source && result.lead_source.label);
    body.append(dl);

    const context = el("div", { class: "context", hidden: true });
    const showContext = el("button", { type: "button", class: "link-button", text: "Xem nguyên văn và đoạn kề bên" });
    showContext.addEventListener("click", () => loadClauseContext(c.clause_id, context, showContext));
    const showOutline = el("button", { type: "button", class: "link-button", text: "Mục lục kế hoạch" });
    showOutline.addEventListener("click", () => openOutline(c.doc_id));
    body.append(el("div", null, [showContext, showOutline]), context);
    details.append(body);
    return el("li", null, [details]);
  }

  async function loadClauseContext(clauseId, box, button) {
    button.disabled = true;
    try {
      const view = await api("/clauses/" + encodeURIComponent(clauseId));
      box.replaceChildren();
      if (view.section_path && view.section_path.length) {
        box.append(el("p", { class: "section-path", text: view.section_path.join(" › ") }));
      }
      if (view.previous) box.append(el("p", { class: "neighbour", text: view.previous.text }));
      box.append(el("p", { class: "self", text: view.result.text }));
      if (view.next) box.append(el("p", { class: "neighbour", text: view.next.text }));
      box.hidden = false;
      button.hidden = true;
    } catch (err) {
      setStatus(err.message, true);
      button.disabled = false;
    }
  }

  function renderAnswer(data) {
    const section = $("answer");
    section.hidden = false;
    section.classList.toggle("not-found", !data.found);
    $("answer-text").textContent = data.answer || (data.found ? "" : "Không tìm thấy điều khoản phù hợp.");
    const chips = $("chips");
    const results = $("results");
    chips.replaceChildren();
    results.replaceChildren();
    $("results-title").hidden = data.results.length === 0;
    data.results.forEach((result, i) => {
      const chip = el("button", { type: "button", class: "chip", text: chipText(result.citation),
                                  title: citationTitle(result.citation) });
      chip.addEventListener("click", () => {
        const target = $("result-" + i);
        target.open = true;
        target.scrollIntoView({ behavior: "smooth", block: "nearest" });
      });
      chips.append(chip);
      results.append(renderResult(result, i));
    });
  }

  async function ask(question) {
    const button = $("ask-button");
    const locality = $("locality").value || null;
    const topK = parseInt($("top-k").value, 10) || 5;
    button.disabled = true;
    setStatus("Đang tìm…");
    try {
      const data = await api("/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question: question, top_k: topK, locality: locality }),
      });
      renderAnswer(data);
      setStatus(data.found ? "Tìm thấy " + data.results.length + " điều khoản." : "Không có điều khoản phù hợp.");
    } catch (err) {
      setStatus(err.message, true);
    } finally {
      button.disabled = false;
    }
  }

  function documentLabel(d) {
    return d.title || d.source;
  }

  function documentMeta(d) {
    const parts = [];
    if (d.locality && d.locality.label) parts.push(d.locality.label);
    if (d.number) parts.push("Số " + d.number);
    if (d.date) parts.push(d.date);
    parts.push(d.clause_count + " điều khoản");
    return parts.join(" · ");
  }

  async function openOutline(docId) {
    setStatus("Đang mở mục lục…");
    try {
      const outline = await api("/documents/" + encodeURIComponent(docId));
      const box = $("outline");
      $("outline-title").textContent = documentLabel(outline.document);
      $("outline-meta").textContent = documentMeta(outline.document) +
        (outline.document.issuer ? " · " + outline.document.issuer : "");
      const list = $("outline-sections");
      list.replaceChildren();
      for (const s of outline.sections) {
        const item = el("li", { class: "depth-" + Math.min(s.depth, 4), "data-clause": s.clause_id });
        item.style.paddingLeft = Math.min(s.depth, 6) * 1.1 + "rem";
        item.append(el("span", { class: "sec-title", text: s.title }));
        const meta = el("span", { class: "summary-meta" });
        if (s.lead) meta.append(el("span", { class: "badge", text: "Chủ trì: " + s.lead }));
        if (s.partners) meta.append(el("span", { class: "meta", text: "Phối hợp: " + s.partners }));
        if (s.directed_by) meta.append(el("span", { class: "meta", text: "Chỉ đạo: " + s.directed_by }));
        meta.append(el("span", { class: "meta", text: linesText(s.lines) }));
        item.append(meta);
        list.append(item);
      }
      if (outline.sections.length === 0) list.append(el("li", { text: "Kế hoạch này không có mục nào." }));
      box.hidden = false;
      box.scrollIntoView({ behavior: "smooth", block: "start" });
      setStatus("");
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  async function loadDocuments() {
    try {
      const docs = await api("/documents");
      const select = $("locality");
      const seen = new Set();
      const list = $("plan-list");
      list.replaceChildren();
      for (const d of docs) {
        const label = d.locality && d.locality.label;
        if (label && !seen.has(label)) {
          seen.add(label);
          select.append(el("option", { value: label, text: label }));
        }
        const open = el("button", { type: "button", class: "link-button", text: "Xem mục lục",
                                    "data-doc": d.id });
        open.addEventListener("click", () => openOutline(d.id));
        list.append(el("li", null, [
          el("div", { class: "plan-title", text: documentLabel(d) }),
          el("div", { class: "meta", text: documentMeta(d) }),
          open,
        ]));
      }
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  async function loadHealth() {
    try {
      const h = await api("/health");
      $("health").textContent = h.document_count + " kế hoạch, " + h.clause_count + " điều khoản";
    } catch (err) {
      $("health").textContent = "";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("ask-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const question = $("question").value.trim();
      if (!question) {
        setStatus("Vui lòng nhập câu hỏi.", true);
        return;
      }
      ask(question);
    });
    for (const button of document.querySelectorAll(".example")) {
      button.addEventListener("click", () => {
        $("question").value = button.textContent;
        ask(button.textContent);
      });
    }
    loadDocuments();
    loadHealth();
  });
})();
